using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Abbreviations the letters define, at search time: a short form that is also a word, long forms of several words,
/// marking, two-letter short forms and letters that change. Over letters written for these tests (not the seeds).
/// </summary>
public sealed class AbbreviationSearchTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Desinformatie",
            "Lidstaten delen waarschuwingen via het Rapid Alert System (RAS) van de Unie.",
            "Het ras van de diensthond bepaalt hoe lang de training duurt.",
            "Munitie wordt gekocht via het NATO Support and Procurement Agency (NSPA) in Luxemburg.",
            "Het NSPA levert ook brandstof aan de bondgenoten.",
            "De Europese Commissie (EC) komt met een voorstel voor de begroting."));
        _index.WriteLetter("b.txt", TestLetters.Text("Inkoop",
            "Het NATO Support and Procurement Agency sloot een contract voor raketten. Een ander agency in Brussel doet dat niet.",
            "De Europese Commissie publiceert het witboek over de begroting.",
            "Een waarschuwing over het Rapid Alert System volgde in april."));
        _index.WriteLetter("c.txt", TestLetters.Text("Emissiehandel",
            "Het European Union Emissions Trading System (EU-ETS) geldt voor de zware industrie.",
            "Het EU-ETS geldt sinds kort ook voor de luchtvaart."));
        _index.WriteLetter("d.txt", TestLetters.Text("Onderzoek",
            "Het Europees Defensiefonds (EDF) steunt onderzoek van kleine bedrijven."));
        _index.WriteLetter("e.txt", TestLetters.Text("Brief over het Europees Defensiefonds",
            "Het fonds betaalt nieuwe sensoren voor de fregatten."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResponse> SearchAsync(string query) => _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

    [Fact]
    public async Task A_short_form_that_is_also_a_word_does_not_make_the_word_a_match()
    {
        // "RAS" is written in capitals only where it means the system; "ras" (a breed) is no Rapid Alert System.
        var spelledOut = await SearchAsync("rapid alert system");
        var typed = await SearchAsync("ras");

        Assert.DoesNotContain(spelledOut.Passages, p => p.Passage.Text.Contains("diensthond", StringComparison.Ordinal));
        // Typed, the word as written ranks above a passage that only spells the system out.
        var word = typed.Passages.Single(p => p.Passage.Text.Contains("diensthond", StringComparison.Ordinal));
        var longForm = typed.Passages.Single(p => p.Passage.Text.StartsWith("Een waarschuwing over het Rapid Alert System", StringComparison.Ordinal));
        Assert.True(word.Rank < longForm.Rank, $"the word at {word.Rank}, the long form at {longForm.Rank}");
    }

    [Fact]
    public async Task A_long_form_of_many_words_never_outweighs_the_short_form_as_typed()
    {
        var response = await SearchAsync("nspa");

        var typed = response.Passages.Where(p => p.Passage.Text.Contains("NSPA", StringComparison.Ordinal)).ToList();
        var spelledOut = response.Passages.Single(p => p.Passage.Text.StartsWith("Het NATO Support", StringComparison.Ordinal));
        Assert.Equal(2, typed.Count);
        Assert.All(typed, p => Assert.True(p.Rank < spelledOut.Rank, $"'{p.Passage.Text}' at {p.Rank}, the long form alone at {spelledOut.Rank}"));
        // The long form is marked where its words stand together, and its words are not marked elsewhere.
        Assert.Contains("**NATO Support and Procurement Agency**", spelledOut.Snippet.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**agency**", spelledOut.Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_form_found_with_a_typo_elsewhere_is_still_marked_as_one_and_never_suggested()
    {
        // "rakketten" is a typo: the typo step finds "raketten", and the long form of "nspa" must not fall apart into
        // words that are marked and suggested one by one ("agency" stands alone in the same passage).
        var response = await SearchAsync("nspa rakketten");

        var passage = response.Passages.First(p => p.Passage.Text.StartsWith("Het NATO Support", StringComparison.Ordinal));
        Assert.Contains("**NATO Support and Procurement Agency**", passage.Snippet.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**agency**", passage.Snippet.Markdown, StringComparison.Ordinal);
        Assert.Contains("raketten", response.Suggestions);
        Assert.DoesNotContain(response.Suggestions, s => s.Contains("agency", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_short_form_with_a_hyphen_is_found_by_its_long_form()
    {
        var response = await SearchAsync("european union emissions trading system luchtvaart");

        Assert.NotEmpty(response.Passages);
        Assert.StartsWith("Het EU-ETS geldt sinds kort ook voor de luchtvaart", response.Passages[0].Passage.Text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
    }

    [Fact]
    public async Task A_two_letter_short_form_is_not_expanded()
    {
        // "EC" could be many things; "ec" finds what says EC, not every passage about the Commission.
        var response = await SearchAsync("ec");

        Assert.Equal(["De Europese Commissie (EC) komt met een voorstel voor de begroting."],
            response.Passages.Select(p => p.Passage.Text.ReplaceLineEndings(" ")));
    }

    [Fact]
    public async Task A_definition_removed_from_a_letter_is_no_longer_used()
    {
        Assert.Contains((await SearchAsync("nspa raketten")).Passages, p => p.MatchesAllTerms && p.Passage.Text.Contains("raketten", StringComparison.Ordinal));

        // The letter is corrected: it no longer defines NSPA. Its old documents are deleted, not yet merged away.
        _index.WriteLetter("a.txt", TestLetters.Text("Desinformatie", "Munitie wordt gekocht via het agentschap in Luxemburg."));
        await _index.IngestAsync();

        Assert.DoesNotContain((await SearchAsync("nspa raketten")).Passages, p => p.MatchesAllTerms);
    }

    [Fact]
    public async Task The_pairs_the_letters_define_let_a_topic_cover_a_text_that_is_no_letter()
    {
        var pairs = await _index.Search.AbbreviationsAsync();

        Assert.Contains(("nspa", "nato support and procurement agency"), pairs);
        Assert.Contains(("euets", "european union emissions trading system"), pairs);
        using var matcher = new ShortTextMatcher(["De minister zegt toe het NATO Support and Procurement Agency te vragen om een offerte."], pairs);
        Assert.Equal([0], matcher.Matching("nspa offerte"));
    }

    [Fact]
    public async Task A_short_form_also_finds_its_long_form_where_the_typed_word_is_looked_for_in_a_letters_title()
    {
        // Letter e spells the fund out in its title only; its passage says "sensoren". "edf sensoren" matches it in full.
        var response = await SearchAsync("edf sensoren");

        var first = response.Passages[0];
        Assert.StartsWith("Het fonds betaalt nieuwe sensoren", first.Passage.Text, StringComparison.Ordinal);
        Assert.True(first.MatchesAllTerms);
    }
}
