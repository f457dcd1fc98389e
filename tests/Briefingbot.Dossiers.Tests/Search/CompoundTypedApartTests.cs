using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A compound typed as two words ("route kaart" for "routekaart"): the passage that writes the compound holds both
/// words, directly joined or with the linking "s"; stop words never join. A part of three letters joins too ("wet
/// voorstel": "wetsvoorstel", which found no passage with both words).
/// </summary>
public sealed class CompoundTypedApartTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Havens",
            "De routekaart voor de havens komt in juni naar de Kamer.",
            "Een kaart van de haven ligt bij de gemeente.",
            "De leveringszekerheid van kritieke grondstoffen staat onder druk.",
            "Het kabinet doet voorstellen voor de marine.",
            "De levering van munitie gaat door.",
            "Het wetsvoorstel over de krijgsmacht ligt bij de Raad van State."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResponse> SearchAsync(string query) => _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

    [Theory]
    [InlineData("route kaart", "De routekaart voor de havens", "routekaart")]
    [InlineData("Route Kaart", "De routekaart voor de havens", "routekaart")]
    [InlineData("levering zekerheid", "De leveringszekerheid van kritieke", "leveringszekerheid")]
    [InlineData("wet voorstel", "Het wetsvoorstel over de krijgsmacht", "wetsvoorstel")]
    public async Task The_compound_the_letters_write_holds_both_typed_words(string query, string start, string compound)
    {
        var response = await SearchAsync(query);

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.StartsWith(start, full.Passage.Text, StringComparison.Ordinal);
        Assert.Contains($"**{compound}**", full.Snippet.Markdown, StringComparison.Ordinal);
        // The compound is the typed words, not another form to tell the reader about.
        Assert.Empty(response.AlsoSearched);
    }

    [Fact]
    public async Task Stop_words_do_not_join_into_a_compound()
    {
        // "voor" is a stop word: "voor stellen" is no typed "voorstellen".
        var response = await SearchAsync("voor stellen marine");

        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms);
    }
}
