using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Numbers as MPs type them: a decimal number ("3,5%") is the digits written together, not every "3" and "5" of a
/// passage; "%" is "procent"; a number and its unit find each other joined or apart ("155mm", "155 mm").
/// </summary>
public sealed class NumberSearchTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Munitie",
            "Nederland levert 155 mm granaten aan de landmacht van Oekraïne.",
            "Het kabinet koopt 155mm munitie samen met Denemarken.",
            "De norm is 3,5% van het bbp voor de kerntaken van defensie.",
            "Er doen 5 landen mee, en 3 partners kijken toe bij de uitgaven.",
            "Het gaat om 5 procent van de uitgaven in 3 jaar.",
            "Het kabinet besteedt 2 procent aan innovatie van de krijgsmacht.",
            "De uitgaven aan onderhoud stijgen met 2% per jaar tot het einde van het decennium.",
            "Het investeringsplan loopt tot 2045 en wordt elk jaar herzien.",
            "Het IMF schat de financieringsbehoefte op EUR 54 mld. voor de komende twee jaar.",
            "Op 19 februari 2025 sprak de Raad over de steun; het besluit volgt op 28 maart.",
            "De Europese Raad van 19 maart stelde de prioriteiten vast.",
            "De Ecofinraad van 12 december spreekt over de financiering.",
            "De Ecofin bespreekt in het voorjaar ook de begroting.",
            "De lening van de Unie bedraagt EUR 18,1 mld. met een looptijd van tien jaar."));
        _index.WriteLetter("b.txt", TestLetters.Text("Mobiliteit",
            "De conclusies staan in de brief over militaire mobiliteit (Kamerstukken II 2025-2026 30821 nr. 321).",
            "Eerder schreef het kabinet over het spoor (Kamerstuk 30 821, nr. 302) en de havens.",
            "Binnen 30 dagen volgt een besluit over de inzet van 821 voertuigen op de weg.",
            "De Kamer nam de motie over de schaduwvloot aan (Kamerstuk 21 501-20, nr. 2045).",
            "De Commissie stelt de levering van twee miljoen granaten per jaar voor.",
            "Er zijn 9 prioritaire capaciteitsgebieden vastgesteld door de Raad."));
        _index.WriteLetter("c.txt", TestLetters.Text("Financiering",
            "De ministers van Financiën bespreken op 12 december de lening; het IMF raamt de behoefte op EUR 135 mld.",
            "Op 18 maart werd besloten tot een fonds van EUR 5 mld. voor munitie.",
            "De bondgenoten verhogen de uitgaven naar 5 procent van het bruto binnenlands product."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResponse> SearchAsync(string query) => _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

    [Theory]
    [InlineData("3,5%", "**3,5%**")]
    [InlineData("3,5", "**3,5**")]
    public async Task A_decimal_number_finds_its_digits_written_together_and_marks_them_there(string query, string marked)
    {
        var response = await SearchAsync(query);

        var passage = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains("3,5% van het bbp", passage.Passage.Text, StringComparison.Ordinal);
        Assert.Contains(marked, passage.Snippet.Markdown, StringComparison.Ordinal);
        // "5 landen" and "3 partners" hold the digits apart: not the number asked for.
        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms && p.Passage.Text.Contains("5 landen", StringComparison.Ordinal));
    }

    /// <summary>"%" and "procent" are one word: either typed finds both spellings, marked where the number stands with it.</summary>
    [Theory]
    [InlineData("2%")]
    [InlineData("2 procent")]
    public async Task A_percentage_finds_the_sign_and_the_word(string query)
    {
        var response = await SearchAsync(query);

        var full = response.Passages.Where(p => p.MatchesAllTerms).ToList();
        Assert.Contains(full, p => p.Passage.Text.Contains("stijgen met 2% per jaar", StringComparison.Ordinal)
            && p.Snippet.Markdown.Contains("**2%**", StringComparison.Ordinal));
        Assert.Contains(full, p => p.Passage.Text.Contains("besteedt 2 procent aan", StringComparison.Ordinal));
        Assert.Equal(full[0].Passage.Text, response.Passages[0].Passage.Text);
    }

    /// <summary>
    /// A whole number is not the digits after a decimal comma: "5 procent" is not "3,5%", "1 miljard" not "18,1 mld."
    /// (both were full matches, with the "5" and the "1" marked).
    /// </summary>
    [Theory]
    [InlineData("5 procent", "5 procent van de uitgaven", "3,5% van het bbp")]
    [InlineData("1 miljard", null, "EUR 18,1 mld.")]
    public async Task A_whole_number_is_not_the_digits_after_a_decimal_comma(string query, string? full, string notFull)
    {
        var response = await SearchAsync(query);

        var matches = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Passage.Text).ToList();
        if (full is not null)
        {
            Assert.Contains(matches, t => t.Contains(full, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(matches, t => t.Contains(notFull, StringComparison.Ordinal));
    }

    /// <summary>A number is exact: "2046" is no typo of "2045" (it found it, and offered it as "also searched").</summary>
    [Fact]
    public async Task A_number_is_not_matched_as_a_typo_of_another()
    {
        var response = await SearchAsync("2046");

        Assert.DoesNotContain(response.Passages, p => p.Passage.Text.Contains("2045", StringComparison.Ordinal));
        Assert.DoesNotContain("2045", response.AlsoSearched);
    }

    /// <summary>Letters abbreviate amounts ("EUR 54 mld."): "54 miljard" finds them, as a full match.</summary>
    [Fact]
    public async Task Miljard_finds_mld()
    {
        var response = await SearchAsync("54 miljard");

        Assert.Contains("EUR 54 mld.", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
    }

    /// <summary>
    /// A number typed with the unit of an amount is that amount (QA pass): "12 miljard" was a full match of "Ecofinraad
    /// van 12 december … EUR 54 mld.", shown first, and no letter names 12 billion; "18 miljard" found "18 maart".
    /// </summary>
    [Theory]
    [InlineData("12 miljard", null)]
    [InlineData("18 miljard", null)] // "EUR 18,1 mld." is another amount
    [InlineData("54 miljard", "EUR 54 mld.")]
    [InlineData("€54 mld", "EUR 54 mld.")]
    [InlineData("2 procent", "2 procent aan innovatie")]
    [InlineData("2 miljoen", "twee miljoen granaten")]
    public async Task A_number_and_the_unit_of_an_amount_are_that_amount(string query, string? full)
    {
        var response = await SearchAsync(query);

        var matches = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Passage.Text).ToList();
        if (full is null)
        {
            Assert.Empty(matches);
            Assert.NotNull(response.Relaxation);
        }
        else
        {
            Assert.Contains(matches, text => text.Contains(full, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A percentage joined to a word by a hyphen ("3,5%-norm", "2%-doel") is relaxed to its parts when no letter writes
    /// it so (QA pass: nothing found, no suggestion). "F-35" is still not "F" and "35".
    /// </summary>
    [Fact]
    public async Task A_percentage_hyphenated_to_a_word_is_relaxed_to_its_parts()
    {
        var response = await SearchAsync("3,5%-norm");

        Assert.NotNull(response.Relaxation);
        Assert.Contains("De norm is 3,5%", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Empty((await SearchAsync("F-35")).Passages);
    }

    /// <summary>"bbp" is how MPs type the "bruto binnenlands product" the letters also write out (QA pass).</summary>
    [Fact]
    public async Task Bbp_finds_the_bruto_binnenlands_product()
    {
        var response = await SearchAsync("5 procent bbp");

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains("5 procent van het bruto binnenlands product", full.Passage.Text, StringComparison.Ordinal);
        Assert.Contains("**bruto binnenlands product**", full.Snippet.Markdown.Replace("** **", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>A typed date is that date: "19 februari … 28 maart" is no full match for "19 maart" (it was, shown first).</summary>
    [Theory]
    [InlineData("19 maart")]
    [InlineData("raad 19 maart")]
    public async Task A_date_is_matched_as_written_together(string query)
    {
        var response = await SearchAsync(query);

        var full = response.Passages.Where(p => p.MatchesAllTerms).ToList();
        Assert.Contains("De Europese Raad van 19 maart", Assert.Single(full).Passage.Text, StringComparison.Ordinal);
        Assert.Contains("**19 maart**", full[0].Snippet.Markdown.Replace("** **", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>A date no letter writes is relaxed to its words (the relaxed phrase's words are not made a phrase again).</summary>
    [Fact]
    public async Task A_date_no_letter_writes_is_relaxed_to_its_words()
    {
        var response = await SearchAsync("30 maart");

        Assert.NotNull(response.Relaxation);
        Assert.Contains(response.Passages, p => p.Passage.Text.Contains("28 maart", StringComparison.Ordinal));
        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms);
    }

    /// <summary>"Ecofin" is part of "Ecofinraad", as letters write the Council (compound part); a word the letters also
    /// use alone, so no beginning-of-a-word search finds it otherwise.</summary>
    [Fact]
    public async Task Ecofin_finds_the_ecofinraad()
    {
        var response = await SearchAsync("ecofin 12 december");

        Assert.Contains("De Ecofinraad van 12 december", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
    }

    [Theory]
    [InlineData("155mm")]
    [InlineData("155 mm")]
    [InlineData("155MM")]
    public async Task A_number_and_its_unit_find_each_other_joined_or_apart(string query)
    {
        var response = await SearchAsync(query);

        var full = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Passage.Text).ToList();
        Assert.Contains(full, t => t.Contains("155 mm granaten", StringComparison.Ordinal));
        Assert.Contains(full, t => t.Contains("155mm munitie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_number_and_its_unit_with_another_word_find_the_passage_that_holds_both()
    {
        var response = await SearchAsync("155 mm granaten");

        Assert.Contains("155 mm granaten", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
    }

    /// <summary>
    /// A dossier number is written with or without the space after its first two digits, even in one letter
    /// ("30821", "30 821"): either typed finds both, and typed apart it is not the numbers 30 and 821 (it was: the
    /// relaxed search showed "30 dagen" first and never the dossier).
    /// </summary>
    [Theory]
    [InlineData("30821")]
    [InlineData("30 821")]
    [InlineData("mobiliteit 30 821")]
    public async Task A_dossier_number_finds_both_spellings(string query)
    {
        var response = await SearchAsync(query);

        var full = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Passage.Text).ToList();
        if (query.StartsWith("mobiliteit", StringComparison.Ordinal))
        {
            Assert.Contains("mobiliteit (Kamerstukken II 2025-2026 30821 nr. 321)", response.Passages[0].Passage.Text, StringComparison.Ordinal);
            Assert.True(response.Passages[0].MatchesAllTerms);
        }
        else
        {
            Assert.Contains(full, t => t.Contains("2025-2026 30821 nr. 321", StringComparison.Ordinal));
            Assert.Contains(full, t => t.Contains("Kamerstuk 30 821, nr. 302", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(full, t => t.Contains("30 dagen", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("21501-20", "**21 501-20**")]
    [InlineData("21 501-20", "**21 501-20**")]
    public async Task A_sub_dossier_number_finds_the_spelling_with_a_space(string query, string marked)
    {
        var response = await SearchAsync(query);

        var passage = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains("Kamerstuk 21 501-20, nr. 2045", passage.Passage.Text, StringComparison.Ordinal);
        Assert.Contains(marked, passage.Snippet.Markdown.Replace("** **", " ", StringComparison.Ordinal).Replace("**-**", "-", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    /// <summary>A typed small number also finds its word ("2 miljoen": "twee miljoen").</summary>
    [Fact]
    public async Task A_small_number_finds_its_word()
    {
        var response = await SearchAsync("2 miljoen granaten");

        Assert.Contains("twee miljoen granaten", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.Contains("**twee**", response.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// A typed number word does not find the digits: "negen" would find list items "(9)", "artikel 9", dates and parts
    /// of dossier numbers (a second QA pass found "vijf jaar" matching "artikel 5" and "twintig" "21 501-20").
    /// </summary>
    [Theory]
    [InlineData("negen capaciteitsgebieden", "9 prioritaire capaciteitsgebieden")]
    [InlineData("twintig", "21 501-20")]
    public async Task A_number_word_does_not_find_the_digits(string query, string notFull)
    {
        var response = await SearchAsync(query);

        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms && p.Passage.Text.Contains(notFull, StringComparison.Ordinal));
    }

    /// <summary>A dossier number typed with spaces for its dash ("21 501 20") is that number.</summary>
    [Fact]
    public async Task A_sub_dossier_typed_without_its_dash_is_the_number()
    {
        var response = await SearchAsync("21 501 20");

        var passage = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains("Kamerstuk 21 501-20, nr. 2045", passage.Passage.Text, StringComparison.Ordinal);
    }
}
