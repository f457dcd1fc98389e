using System.Text.RegularExpressions;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Chat;

/// <summary>Issue 4's acceptance in the Agents Playground (msteams), through its HTTP routes and conversation feed.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed partial class SearchTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Drones_shows_a_results_card_whose_first_letter_is_about_drones_with_highlighted_terms()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "drones");

        var hits = HitsOf(answer);
        Assert.Contains("drone", string.Join('\n', hits[0]), StringComparison.OrdinalIgnoreCase);
        Assert.Matches(HighlightedDrone(), answer.CardJson);
        Assert.DoesNotContain("${", answer.CardJson);
    }

    [Fact]
    public async Task A_query_about_the_PCA_on_drones_shows_the_governments_answer_first()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "PCA drones");

        Assert.True(answer.Card.HasValue, $"Expected a results card, got: {answer}");
        var first = SearchCard.Hits(answer.Card.Value)[0].Select(t => t.Replace("*", "", StringComparison.Ordinal)).ToList();
        // The first passage is the government's answer, with the MPs' question as one line of context before it.
        var shown = first.FindIndex(t => t.StartsWith("Antwoord:", StringComparison.Ordinal));
        Assert.True(shown >= 0, "No answer in the first hit: " + string.Join(" | ", first));
        Assert.Contains("Nederland vervult", first[shown], StringComparison.Ordinal);
        Assert.Contains("PCA Drones en Counter-Drones", first[shown], StringComparison.Ordinal);
        Assert.StartsWith("Vraag", first[shown - 1].TrimStart('_'), StringComparison.Ordinal);
        Assert.DoesNotContain(first.Take(shown - 1), t => t.StartsWith("Vraag", StringComparison.Ordinal));
        Assert.DoesNotContain("${", answer.CardJson);
    }

    [Fact]
    public async Task Meer_resultaten_shows_the_next_page()
    {
        var first = await fixture.Client.AskAsync(PersonalChatId, "drones");
        var firstHits = HitsOf(first).Select(h => string.Join('\n', h)).ToList();

        var next = await fixture.Client.PressAsync(first.Message!, SearchCard.MoreResults);

        var nextHits = HitsOf(next).Select(h => string.Join('\n', h)).ToList();
        Assert.Empty(nextHits.Intersect(firstHits));
    }

    [Fact]
    public async Task Toon_brief_shows_the_letter_card()
    {
        var results = await fixture.Client.AskAsync(PersonalChatId, "drones");
        var firstTitle = HitsOf(results)[0][0];

        var letter = await fixture.Client.PressAsync(results.Message!, SearchCard.ShowLetter);

        Assert.True(letter.Card.HasValue, $"Expected the letter card, got: {letter}");
        Assert.Empty(SearchCard.Hits(letter.Card.Value));
        Assert.Contains(firstTitle, letter.VisibleText);
        Assert.DoesNotContain("${", letter.CardJson);
    }

    [Fact]
    public async Task Zoek_Oekraine_without_diaeresis_finds_the_letters_about_Oekraine()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "zoek Oekraine");

        var hits = HitsOf(answer);
        Assert.Contains("Oekraïne", string.Join('\n', hits[0]));
    }

    [Fact]
    public async Task An_at_mention_in_a_team_channel_works_the_same()
    {
        var answer = await fixture.Client.AskAsync(EuChannelId, "drones", mentionBot: true);

        var hits = HitsOf(answer);
        Assert.Contains("drone", string.Join('\n', hits[0]), StringComparison.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<IReadOnlyList<string>> HitsOf(BotAnswer answer)
    {
        Assert.True(answer.Card.HasValue, $"Expected a results card, got: {answer}");
        var hits = SearchCard.Hits(answer.Card.Value);
        Assert.True(hits.Count > 0, $"The card lists no letters: {answer}");
        return hits;
    }

    [GeneratedRegex(@"\*\*[^*""]*[Dd]rone[^*""]*\*\*")]
    private static partial Regex HighlightedDrone();
}
