using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

public sealed class LetterSearchTests : IAsyncLifetime
{
    private readonly TestIndex _index = new();

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", """
            Titel: Kabinetsappreciatie Witboek Europese defensie
            Type: Brief regering
            Datum: 2025-04-11
            Kamer: Tweede Kamer
            Dossier: 22 112
            Nr: 4027

            Het kabinet steunt de versterking van de Europese defensie-industrie en investeert in munitieproductie.

            Counter-drone systemen en luchtverdediging zijn prioriteiten voor de krijgsmacht.

            Het kabinet zal de Kamer informeren over de voortgang van de SAFE-leningen.
            """);
        _index.WriteLetter("b.txt", """
            Titel: Geannoteerde agenda Raad Buitenlandse Zaken Defensie
            Type: Schriftelijk overleg
            Datum: 2025-11-20
            Kamer: Tweede Kamer
            Dossier: 21 501-28
            Nr: 301

            Nederland blijft Oekraïne steunen met drones en munitie.

            De herstellening voor Oekraïne wordt gefinancierd uit geïmmobiliseerde Russische tegoeden.
            """);
        _index.WriteLetter("c.txt", """
            Titel: Europese defensiesamenwerking en specialisatie
            Type: Brief regering
            Datum: 2022-12-22
            Kamer: Tweede Kamer
            Dossier: 33 279
            Nr: 36

            Specialisatie en samenwerking met Duitsland versterken de Europese defensie.

            Drones worden steeds belangrijker op het moderne slagveld, zo blijkt uit Oekraïne.
            """);
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Query_without_diacritics_finds_letters_with_them()
    {
        var response = await _index.Search.SearchAsync("Oekraine");
        Assert.Null(response.Relaxation);
        Assert.Equal(["b", "c"], response.Hits.Select(h => h.LetterId).Order());
        Assert.All(response.Hits, h => Assert.Contains("**Oekraïne**", h.Snippet.Markdown));
    }

    [Fact]
    public async Task Words_are_combined_with_AND_and_letters_are_ranked_by_best_passage()
    {
        // Passage ranking: the one passage with every word first, the partial matches after it.
        var passages = await _index.Search.SearchAsync("drones Oekraïne munitie");
        Assert.Equal(1, passages.FullMatches);
        Assert.Equal("b", passages.Hits[0].LetterId);
        Assert.All(passages.Passages.Skip(1), p => Assert.False(p.MatchesAllTerms));

        var response = await _index.Search.SearchAsync("drones Oekraïne munitie", new SearchFilters { Unit = SearchUnit.Letters });
        var hit = Assert.Single(response.Hits);
        Assert.Equal("b", hit.LetterId);
        Assert.Equal("Nederland blijft Oekraïne steunen met drones en munitie.", hit.BestPassage.Text);
        Assert.Equal(hit.BestPassage.Text, File.ReadAllText(Path.Combine(_index.Corpus, "b.txt"))[hit.BestPassage.Start..hit.BestPassage.End]);
        Assert.Equal(new DateOnly(2025, 11, 20), hit.Date);
        Assert.Equal("21 501-28", hit.Dossier);
        Assert.Equal("Schriftelijk overleg", hit.DocumentType);
        Assert.False(string.IsNullOrEmpty(hit.Summary));
    }

    [Fact]
    public async Task Hyphenated_word_is_found_by_its_parts_and_whole()
    {
        // Letter a alone holds the word; passages with its parts apart follow as partial matches.
        var hyphenated = await _index.Search.SearchAsync("defensie-industrie");
        Assert.Equal("a", Assert.Single(hyphenated.Hits, h => h.Passages.Any(p => p.MatchesAllTerms)).LetterId);
        Assert.True(hyphenated.Hits[0].Passages[0].MatchesAllTerms);
        Assert.Equal("a", Assert.Single((await _index.Search.SearchAsync("defensieindustrie")).Hits).LetterId);
        Assert.Equal("a", Assert.Single((await _index.Search.SearchAsync("counterdrone")).Hits).LetterId);
        var drone = await _index.Search.SearchAsync("drone");
        Assert.Equal(["a", "b", "c"], drone.Hits.Select(h => h.LetterId).Order());
    }

    [Fact]
    public async Task Quotes_make_a_phrase()
    {
        var phrase = await _index.Search.SearchAsync("\"Europese defensie\"");
        // Letter a also matches on its title ("... Witboek Europese defensie") in every passage; those rank after the
        // passages that say the phrase themselves, so a can appear in two groups.
        Assert.Equal(["a", "c"], phrase.Hits.Select(h => h.LetterId).Distinct().Order());
        Assert.Contains("Europese defensie", phrase.Hits[0].Passages[0].Snippet.Text, StringComparison.Ordinal);
        var reversed = await _index.Search.SearchAsync("\"defensie Europese\"");
        // The words exist, but never in this order: the answer falls back to the words.
        Assert.Equal("some-terms", reversed.Relaxation);
        Assert.NotEmpty(reversed.Hits);
    }

    [Fact]
    public async Task Trailing_star_is_a_prefix()
    {
        var response = await _index.Search.SearchAsync("herstel*");
        Assert.Equal("b", Assert.Single(response.Hits).LetterId);
        Assert.Contains("**herstellening**", response.Hits[0].Snippet.Markdown);
    }

    [Fact]
    public async Task A_typo_falls_back_to_fuzzy_matching_with_suggestions()
    {
        var response = await _index.Search.SearchAsync("Oekriane");
        Assert.Equal("fuzzy", response.Relaxation);
        Assert.NotEmpty(response.Hits);
        Assert.Contains("oekraïne", response.Suggestions);
    }

    [Fact]
    public async Task An_unknown_word_next_to_known_ones_falls_back_to_some_terms()
    {
        var response = await _index.Search.SearchAsync("specialisatie qwxzyv");
        Assert.Equal("some-terms", response.Relaxation);
        Assert.Equal("c", response.Hits[0].LetterId);
        Assert.Contains("specialisatie", response.Suggestions);
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_answer()
    {
        var response = await _index.Search.SearchAsync("qwxzyv");
        Assert.Empty(response.Hits);
        Assert.Equal(0, response.TotalLetters);
        Assert.False(response.HasMore);
    }

    [Fact]
    public async Task Filters_limit_by_dossier_type_chamber_and_date()
    {
        Assert.Equal("b", Assert.Single((await _index.Search.SearchAsync("Oekraïne", new SearchFilters { Dossier = "21501-28" })).Hits).LetterId);
        Assert.Equal("c", Assert.Single((await _index.Search.SearchAsync("Oekraïne", new SearchFilters { DocumentType = "brief regering" })).Hits).LetterId);
        Assert.Equal("c", Assert.Single((await _index.Search.SearchAsync("Oekraïne", new SearchFilters { To = new DateOnly(2023, 1, 1) })).Hits).LetterId);
        Assert.Equal("b", Assert.Single((await _index.Search.SearchAsync("Oekraïne", new SearchFilters { From = new DateOnly(2025, 1, 1), Chamber = "Tweede Kamer" })).Hits).LetterId);
        Assert.Empty((await _index.Search.SearchAsync("Oekraïne", new SearchFilters { Chamber = "Eerste Kamer" })).Hits);
    }

    /// <summary>
    /// A dossier selects its parts: "21501" the Council formations ("21 501-28"), "22 112" as typed with its space;
    /// a number is never cut inside its digits ("21501-2" is not "21501-28").
    /// </summary>
    [Theory]
    [InlineData("21501", "b")]
    [InlineData("21 501", "b")]
    [InlineData("21501-28", "b")]
    [InlineData("22 112", "a")]
    [InlineData("21501-2", null)]
    [InlineData("2150", null)]
    [InlineData("33279-3", null)]
    public async Task A_dossier_filter_selects_the_dossier_and_its_parts(string dossier, string? letter)
    {
        var response = await _index.Search.SearchAsync("", new SearchFilters { Dossier = dossier });

        Assert.Equal(letter is null ? [] : [letter], response.Hits.Select(h => h.LetterId).Distinct().ToArray());
    }

    /// <summary>
    /// A dossier number typed alone that no letter's text names is the dossier: its letters are listed, with the
    /// relaxation saying so (it found nothing). A number the text does name is searched as text.
    /// </summary>
    [Theory]
    [InlineData("22112", "a")]
    [InlineData("22 112", "a")]
    [InlineData("21501", "b")]
    [InlineData("33279", "c")]
    [InlineData("21 501 28", "b")]
    public async Task A_dossier_number_alone_lists_the_dossier_when_no_text_names_it(string query, string letter)
    {
        var response = await _index.Search.SearchAsync(query);

        Assert.Equal(LetterSearch.DossierListing, response.Relaxation);
        Assert.Equal([letter], response.Hits.Select(h => h.LetterId).Distinct().ToArray());
        Assert.Empty((await _index.Search.SearchAsync("99999")).Hits);
    }

    [Fact]
    public async Task Pages_hold_page_size_letters()
    {
        var first = await _index.Search.SearchAsync("drone", new SearchFilters { PageSize = 2 });
        var second = await _index.Search.SearchAsync("drone", new SearchFilters { PageSize = 2 }, page: 1);
        Assert.Equal(2, first.Hits.Count);
        Assert.True(first.HasMore);
        Assert.Single(second.Hits);
        Assert.False(second.HasMore);
        Assert.Equal(3, first.TotalLetters);
        Assert.Empty(first.Hits.Select(h => h.LetterId).Intersect(second.Hits.Select(h => h.LetterId)));
    }

    [Fact]
    public async Task Topic_queries_support_OR_NOT_and_parentheses()
    {
        var or = await _index.Search.CheckQueryAsync("specialisatie OR herstellening OR \"counter-drone\"");
        Assert.True(or.IsValid);
        Assert.Equal(3, or.MatchingLetters);
        var not = await _index.Search.SearchAsync("Oekraïne NOT (herstellening OR munitie)");
        Assert.Equal("c", Assert.Single(not.Hits).LetterId);
        var onlyNot = await _index.Search.CheckQueryAsync("NOT drones");
        Assert.False(onlyNot.IsValid);
        Assert.NotNull(onlyNot.Problem);
    }

    [Fact]
    public async Task Letters_are_found_by_id_file_name_and_dossier_number()
    {
        Assert.Equal("a", (await _index.Search.GetLetterAsync("a"))?.Id);
        Assert.Equal("a", (await _index.Search.GetLetterAsync("a.txt"))?.Id);
        Assert.Equal("a", (await _index.Search.GetLetterAsync("22112-4027"))?.Id);
        Assert.Equal("b", (await _index.Search.GetLetterAsync("21 501-28-301"))?.Id);
        Assert.Null(await _index.Search.GetLetterAsync("nope"));
        Assert.StartsWith("Het kabinet steunt", await _index.Search.GetSummaryAsync("a"));
        var list = await _index.Search.ListLettersAsync();
        Assert.Equal(["a", "b", "c"], list.Select(l => l.Id));
        Assert.All(list, l => Assert.Equal(_index.Time.GetUtcNow(), l.IngestedAt));
    }

    [Fact]
    public async Task Snippet_marks_matches_and_escapes_markdown()
    {
        _index.WriteLetter("d.txt", "Titel: Test\n\nDe *begroting* [2026] van_defensie stijgt met 5% (zie bijlage).\n");
        await _index.IngestAsync();
        var hit = Assert.Single((await _index.Search.SearchAsync("begroting")).Hits);
        // Only what the Teams Markdown subset would read as markup is escaped (issue 14 item 5).
        Assert.Equal(@"De \***begroting**\* [2026] van_defensie stijgt met 5% (zie bijlage).", hit.Snippet.Markdown);
        var range = Assert.Single(hit.Snippet.Highlights);
        Assert.Equal("begroting", hit.Snippet.Text.Substring(range.Start, range.Length));
    }
}
