using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

/// <summary>The search commands on the real Lucene index over the five seed letters (issue 4's acceptance walk).</summary>
public sealed class SearchOnSeedsTests(SeedIndex seeds) : IClassFixture<SeedIndex>, IDisposable
{
    private readonly ChatTestHost _host = new(seeds.Search);

    [Fact]
    public async Task Drones_finds_a_letter_about_drones_first_with_highlighted_terms()
    {
        var turn = await _host.SayAsync("drones");
        Assert.Equal(["typing", "message"], turn.Events);
        var card = turn.SingleCard();
        var firstHit = CardAssert.Texts(card).SkipWhile(t => !t.StartsWith("Resultaten voor", StringComparison.Ordinal)).Skip(2).Take(6);
        Assert.Contains(firstHit, t => t.Contains("**drone", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("${", card.GetRawText());
    }

    [Fact]
    public async Task Oekraine_without_diaeresis_finds_the_letters_about_Oekraine()
    {
        var turn = await _host.SayAsync("zoek Oekraine");
        var text = CardAssert.AllText(turn.SingleCard());
        Assert.Contains("**Oekraïne", text);
    }

    [Fact]
    public async Task Meer_resultaten_then_Toon_brief_walks_from_results_to_the_letter()
    {
        var first = await _host.SayAsync("defensie");
        var more = CardAssert.Actions(first.SingleCard()).Single(a => a.Title == "Meer resultaten");
        var second = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"meer","data":{{{more.Payload.GetRawText()}}}}}"""));
        var page2 = BriefingBotTests.InvokeCard(second);
        Assert.Contains("pagina 2 van", CardAssert.AllText(page2));

        var show = CardAssert.Actions(page2).First(a => a.Title == "Toon brief");
        var letterTurn = await _host.TurnAsync(FakeTurnContext.Submit(show.Payload.GetRawText()));
        var letter = letterTurn.SingleCard();
        Assert.Contains("Id: " + Briefingbot.Cards.CardText.EscapeMarkdown(show.Payload.GetProperty("id").GetString()), CardAssert.AllText(letter));
        Assert.Contains(CardAssert.Actions(letter), a => a.Title == "Terug naar resultaten");
    }

    [Fact]
    public async Task A_question_and_answer_hit_shows_its_question_and_the_start_of_its_answer()
    {
        // The hit comes from the real index: question and answer must survive the round trip through it.
        var response = await seeds.Search.SearchAsync("drones", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        var hit = response.Hits.First(h => h.BestPassage.Kind == Briefingbot.Dossiers.Letters.PassageKind.QuestionAnswer);
        var passage = hit.BestPassage;
        Assert.False(string.IsNullOrWhiteSpace(passage.Question));
        Assert.False(string.IsNullOrWhiteSpace(passage.Answer));
        Assert.StartsWith(passage.Question, passage.Text, StringComparison.Ordinal);
        Assert.EndsWith(passage.Answer, passage.Text, StringComparison.Ordinal);

        var card = Briefingbot.Cards.SearchResultsCard.Create(response, new Briefingbot.Chat.Search.SearchRequest("drones", new(), 0), new Briefingbot.Cards.SearchCardOptions());
        var data = card.Data["hits"]!.AsArray().First(h => h!["isQuestion"]!.GetValue<bool>())!;
        Assert.StartsWith(Briefingbot.Cards.CardText.EscapeMarkdown(passage.Question![..20]), data["question"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(data["hasAnswer"]!.GetValue<bool>());
        Assert.NotEqual("", data["answerStart"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nonsense_gets_the_empty_card_with_suggestions()
    {
        var turn = await _host.SayAsync("qqqxxyyzz");
        Assert.Contains("Niets gevonden voor ‘qqqxxyyzz’", CardAssert.AllText(turn.SingleCard()));
    }

    public void Dispose() => _host.Dispose();
}
