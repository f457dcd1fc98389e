using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A letter's title is searched on each of its passages, except for a word in more than a fifth of the passages
/// (<see cref="LetterQueryBuilder.TitleSkipShare"/>): there the passages' own words decide.
/// </summary>
public sealed class TitleMatchTests : IAsyncLifetime
{
    private static readonly string[] Units =
    [
        "landmacht", "luchtmacht", "marine", "marechaussee", "cyberkorps", "genie", "artillerie", "cavalerie", "infanterie",
        "logistiek", "geneeskundige dienst", "inlichtingendienst", "helikoptereenheid", "mariniers", "onderzeedienst",
        "kustwacht", "explosievenopruiming", "verbindingsdienst", "transportgroep", "opleidingscentrum", "reservisten",
        "commandotroepen", "luchtverdediging", "hydrografische dienst",
    ];

    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        // Letter a's title says "defensie" and "munitie"; its passages say neither.
        _index.WriteLetter("a.txt", TestLetters.Text("Munitie voor defensie",
            "Het kabinet koopt raketten voor de luchtverdediging van de havens.",
            "De levering van granaten loopt volgens plan."));
        // Letter c's title says "vliegbases"; its passages do not.
        _index.WriteLetter("c.txt", TestLetters.Text("Onderhoud van vliegbases",
            "De startbanen worden dit jaar vernieuwd.",
            "Het werk duurt twee jaar en kost veel geld."));
        // 24 short letters say "defensie" in their one passage: 24 of the 28 passages, far more than a fifth.
        for (var i = 0; i < Units.Length; i++)
        {
            _index.WriteLetter($"b{i:00}.txt", TestLetters.Text("Personeel", $"Defensie zoekt dit jaar nieuwe mensen voor de {Units[i]} in het hele land."));
        }
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResponse> SearchAsync(string query) => _index.Search.SearchAsync(query, new SearchFilters { PageSize = 30 });

    [Fact]
    public async Task A_word_in_most_passages_matches_where_the_passage_says_it_not_by_the_title()
    {
        var response = await SearchAsync("defensie");

        Assert.Equal(24, response.Passages.Count);
        Assert.All(response.Passages, p => Assert.StartsWith("Defensie zoekt", p.Passage.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rarer_word_still_finds_every_passage_of_the_letter_it_titles()
    {
        var response = await SearchAsync("munitie");

        var hit = Assert.Single(response.Hits);
        Assert.Equal("a.txt", hit.SourceFile);
        Assert.Equal(2, hit.Passages.Count);
    }

    [Fact]
    public async Task A_common_word_in_the_title_does_not_make_a_partial_match_a_full_one()
    {
        // "raketten" is said once, in letter a, whose title also says "defensie"; no passage says both words itself.
        var response = await SearchAsync("defensie raketten");

        Assert.Equal(0, response.FullMatches);
        var first = response.Passages[0];
        Assert.StartsWith("Het kabinet koopt raketten", first.Passage.Text, StringComparison.Ordinal);
        Assert.False(first.MatchesAllTerms);
    }

    [Fact]
    public async Task A_partial_match_through_the_title_alone_is_shown_by_the_letters_first_paragraph_only()
    {
        // "vliegbases" is only in letter c's title, "kustwacht" in one passage of letter b15: no passage holds both, and
        // no passage of letter c holds either word itself. Letter c is still found, once, by its first paragraph; its
        // second paragraph, which says neither word, is not listed as "1 of 2 words".
        var response = await SearchAsync("vliegbases kustwacht");

        Assert.Equal(0, response.FullMatches);
        Assert.Equal(2, response.Passages.Count);
        Assert.Contains(response.Passages, p => p.Passage.Text.Contains("kustwacht", StringComparison.Ordinal));
        var fromTitle = Assert.Single(Assert.Single(response.Hits, h => h.SourceFile == "c.txt").Passages);
        Assert.StartsWith("De startbanen", fromTitle.Passage.Text, StringComparison.Ordinal);
    }
}
