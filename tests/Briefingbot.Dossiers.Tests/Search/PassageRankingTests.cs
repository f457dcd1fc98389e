using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;
using Xunit.Abstractions;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>Passage ranking over the seed letters with the production parser: answers, partial matches, sizes, offsets.</summary>
public sealed class PassageRankingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.CopySeeds();
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queries whose best passage, judged by reading the letters, is the government's answer in a Q&amp;A document;
    /// several use the question's words that the answer does not repeat ("leerpunt", "rode lijnen").
    /// </summary>
    [Theory]
    [InlineData("PCA drones", "voortrekkersrol voor de PCA Drones en Counter-Drones")]
    [InlineData("rode lijnen staakt het vuren", "Nederland verwelkomt de Amerikaanse inspanningen")]
    [InlineData("voorraden leerpunt", "Het aanleggen en onderhouden van voorraden")]
    [InlineData("geintegreerde benadering NAVO", "Een hechte trans-Atlantische relatie")]
    [InlineData("herstellening bevroren tegoeden", "herstelleningen op basis van de bevroren tegoeden")]
    public async Task An_answer_is_shown_first_with_its_question_as_context(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        var first = response.Passages[0];
        Assert.Equal(PassageRole.Answer, first.Role);
        Assert.Contains(expected, first.Passage.Text, StringComparison.Ordinal);
        Assert.NotNull(first.Question);
        Assert.False(string.IsNullOrWhiteSpace(first.Question!.Text));
        // Each passage once: the answered question is never a result of its own.
        Assert.DoesNotContain(response.Passages, p => p.Role == PassageRole.Question && p.Passage.Text == first.Question.Text);
    }

    /// <summary>
    /// Invisible characters pasted with a query (soft hyphen, zero-width space, direction marks) and a decomposed "ï"
    /// (macOS, PDFs) find what the plain word finds (a QA pass: "Niets gevonden", and a typo search).
    /// </summary>
    [Theory]
    [InlineData("dro\u00ADnes", "drones")]
    [InlineData("dro\u200Bnes", "drones")]
    [InlineData("\u200Fdrones\u200E", "drones")]
    [InlineData("Oekrai\u0308ne", "Oekraïne")]
    public async Task Invisible_and_decomposed_characters_find_what_the_plain_word_finds(string pasted, string plain)
    {
        var filters = new SearchFilters { PageSize = 10 };
        var expected = await _index.Search.SearchAsync(plain, filters);
        var actual = await _index.Search.SearchAsync(pasted, filters);

        Assert.NotEmpty(expected.Passages);
        Assert.Equal(expected.TotalPassages, actual.TotalPassages);
        Assert.Equal(expected.Passages.Select(p => (p.Passage.Text, p.Start)), actual.Passages.Select(p => (p.Passage.Text, p.Start)));
        Assert.Equal(expected.Relaxation, actual.Relaxation);
    }

    /// <summary>
    /// A word the letters never use is split into two words they do use ("olievoorraad": "strategische voorraad
    /// olie(producten)", "veteranenzorg": "veteranen" and "zorg"), or found as the start of a longer word
    /// ("voorhang" in "voorhangprocedure"); the exact step alone finds nothing for these.
    /// </summary>
    [Theory]
    [InlineData("olievoorraad", "strategische voorraad")]
    [InlineData("veteranenzorg", "veteranen")]
    [InlineData("voorhang witboek", "voorhangprocedure")]
    public async Task An_unknown_compound_or_word_start_finds_the_words_the_letters_use(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.NotEmpty(response.Passages);
        Assert.Contains(expected, response.Passages[0].Snippet.Text, StringComparison.Ordinal);
        Assert.NotEmpty(response.Passages[0].Snippet.Highlights);
    }

    /// <summary>
    /// A word the letters write only in a question ("Afrikaanse", asked about, not repeated in the answer) is a word of
    /// the letters: the country typed ("afrika") finds it through the question the answer answers, as a full match.
    /// </summary>
    [Fact]
    public async Task An_alternative_written_only_in_a_question_finds_the_answer()
    {
        var alone = await _index.Search.SearchAsync("afrika", new SearchFilters { PageSize = 10 });
        var response = await _index.Search.SearchAsync("partners afrika", new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.NotEmpty(alone.Passages);
        Assert.All(alone.Passages, p => Assert.Equal(PassageRole.Answer, p.Role));
        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.Equal(PassageRole.Answer, first.Role);
        Assert.Contains("Afrikaanse", first.Question!.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A separable verb typed as one word ("opschalen") finds it written apart ("… in staat is om in relatief korte
    /// tijd op te kunnen schalen"): the letter never writes "opschalen" in that passage.
    /// </summary>
    [Fact]
    public async Task A_separable_verb_typed_as_one_word_finds_it_written_apart()
    {
        var response = await _index.Search.SearchAsync("krijgsmacht opschalen", new SearchFilters { PageSize = 10 });
        Print(response);

        var apart = Assert.Single(response.Passages, p => p.Passage.Text.Contains("op te kunnen schalen, waarbij", StringComparison.Ordinal));
        Assert.True(apart.MatchesAllTerms);
        Assert.Contains("**op te kunnen schalen**", apart.Snippet.Markdown, StringComparison.Ordinal);
    }


    /// <summary>
    /// An answer that only points to another ("Zie het antwoord op vraag 25.") is not shown: the answer it points to is,
    /// found by the pointing question's words too (vraag 26 asks about the "streefcijfer" of 55%; its answer is vraag 25's).
    /// </summary>
    [Theory]
    [InlineData("streefcijfer", "streefpercentages")]
    [InlineData("28 puntenplan", null)]
    public async Task An_answer_that_only_points_to_another_is_replaced_by_the_answer_it_points_to(string query, string? first)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.NotEmpty(response.Passages);
        Assert.DoesNotContain(response.Passages, p => p.Passage.Text.StartsWith("Zie het antwoord op vraag", StringComparison.Ordinal)
            || p.Passage.Text.StartsWith("Zie de beantwoording op vraag", StringComparison.Ordinal));
        if (first is not null)
        {
            Assert.Contains(first, response.Passages[0].Passage.Text, StringComparison.Ordinal);
            Assert.Equal(PassageRole.Answer, response.Passages[0].Role);
        }
    }

    /// <summary>An emoji is no word, also in its emoji presentation ("✈️": "✈" + U+FE0F, which counted as a second word).</summary>
    [Theory]
    [InlineData("drones \u2708\uFE0F")]
    [InlineData("drones \u2708")]
    [InlineData("\uD83D\uDE80\uFE0F drones")]
    public async Task An_emoji_is_not_a_word_of_the_query(string query)
    {
        var plain = await _index.Search.SearchAsync("drones", new SearchFilters { PageSize = 10 });
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        Assert.Null(response.Relaxation);
        Assert.All(response.Passages, p => Assert.True(p.MatchesAllTerms));
        Assert.Equal(plain.Passages.Select(p => (p.Start, p.Score)), response.Passages.Select(p => (p.Start, p.Score)));
    }

    /// <summary>
    /// A minister's name finds the letters the minister signed: the signature block is no passage, so "Brekelmans"
    /// found nothing although he signs 000 and 001. Each shows the name as the letter writes it, at its raw offsets.
    /// </summary>
    [Theory]
    [InlineData("Brekelmans", "000_", "001_")]
    [InlineData("ollongren", "002_", "003_")]
    [InlineData("van der Maat", "002_", "003_")]
    public async Task A_signatorys_name_finds_the_letters_signed(string query, string first, string second)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        var signed = response.Hits.SelectMany(h => h.Passages.Select(p => (h.SourceFile, Passage: p))).Take(2).ToList();
        Assert.Equal([first, second], signed.Select(p => p.SourceFile[..4]).Order(StringComparer.Ordinal));
        var name = query.Split(' ')[^1];
        foreach (var (file, passage) in signed)
        {
            Assert.Contains("**", passage.Snippet.Markdown, StringComparison.Ordinal);
            Assert.Contains(name, passage.Snippet.Text, StringComparison.OrdinalIgnoreCase);
            var raw = await File.ReadAllTextAsync(Path.Combine(_index.Corpus, file));
            Assert.Equal(passage.Passage.Text, raw[passage.Start..passage.End]);
        }
    }

    /// <summary>
    /// "vraag 40" is the answer to question 40 (QA pass): the answer seldom repeats "vraag", and a 40 or 13 anywhere
    /// else is a date or another number ("13 oktober" came first for "vraag 13"). "2" also finds its sub-questions
    /// ("2a"); "antwoord op" is the same request.
    /// </summary>
    [Theory]
    [InlineData("vraag 40", "004_", "40")]
    [InlineData("antwoord op vraag 25", "004_", "25")]
    [InlineData("Vraag 2a", "001_", "2a")]
    public async Task A_question_number_finds_its_answer(string query, string file, string number)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var full = response.Hits.SelectMany(h => h.Passages.Where(p => p.MatchesAllTerms).Select(p => (h.SourceFile, Passage: p))).ToList();
        Assert.NotEmpty(full);
        Assert.All(full, f => Assert.Equal(PassageRole.Answer, f.Passage.Role));
        Assert.Contains(full, f => f.SourceFile.StartsWith(file, StringComparison.Ordinal) && f.Passage.Question?.Number == number);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.All(full, f => Assert.StartsWith(number.TrimEnd('a'), f.Passage.Question!.Number!, StringComparison.Ordinal));
    }

    /// <summary>
    /// Letter 002 numbers none of its questions: "vraag 13" finds only 004's question 13 (a QA pass: a count of 002's
    /// questions made three of its answers "vraag 13", ranked above the real one).
    /// </summary>
    [Fact]
    public async Task A_question_number_is_only_one_the_letter_prints()
    {
        var response = await _index.Search.SearchAsync("vraag 13", new SearchFilters { PageSize = 10 });

        var full = response.Hits.SelectMany(h => h.Passages.Where(p => p.MatchesAllTerms).Select(p => (h.SourceFile, Passage: p))).ToList();
        Assert.NotEmpty(full);
        Assert.All(full, f => Assert.StartsWith("004_", f.SourceFile, StringComparison.Ordinal));
        Assert.StartsWith("De Commissie heeft drie opties op hoofdlijnen gedeeld", response.Passages[0].Passage.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "kabinetspositie partnerschappen": the cabinet's position under the theme, whose paragraph names neither word
    /// (a QA pass: no passage had every word; the headings "Partnerschappen" › "Kabinetspositie" now both label it).
    /// </summary>
    [Fact]
    public async Task A_theme_and_its_kabinetspositie_find_the_cabinets_paragraph()
    {
        var response = await _index.Search.SearchAsync("kabinetspositie partnerschappen", new SearchFilters { PageSize = 10 });

        Assert.Null(response.Relaxation);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.StartsWith("Het kabinet benadrukt het belang van samenwerking met partners", response.Passages[0].Passage.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A compound written apart is its two parts in the passage's own text: "vraagbundeling" found "onze kennis en
    /// krachten bundelen" in full through the "zo vragen de leden" of its question, above passages that write
    /// "vraagbundeling" (a QA pass).
    /// </summary>
    [Fact]
    public async Task A_compound_written_apart_is_not_found_through_its_question()
    {
        var response = await _index.Search.SearchAsync("vraagbundeling", new SearchFilters { PageSize = 20 });

        var full = response.Passages.Where(p => p.MatchesAllTerms).ToList();
        Assert.DoesNotContain(full, p => p.Passage.Text.Contains("krachten bundelen", StringComparison.Ordinal));
        Assert.Contains(full.Take(3), p => p.Passage.Text.Contains("vraagbundeling", StringComparison.Ordinal));
        Assert.Contains(full.Take(2), p => p.Passage.Text.Contains("bundeling van vraag", StringComparison.Ordinal));
    }

    /// <summary>
    /// An answer the letter gives to several questions shows the question whose words found it, with who asked it (a
    /// QA pass): "28-puntenplan" showed the answer to question 1 under "Wat zijn … de rode lijnen" with nothing marked,
    /// found through question 35, which names the plan and says "Zie de beantwoording op vraag 1 en 5"; "PVV
    /// counter-drones" showed the D66 question of the answer the PVV's question 14 repeats.
    /// </summary>
    [Theory]
    [InlineData("28-puntenplan", "FVD", "35", "28-puntenplan")]
    [InlineData("PVV counter-drones", "PVV", "14", "PVV")]
    public async Task An_answer_given_to_several_questions_shows_the_one_that_found_it(string query, string party, string number, string marked)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.Equal(PassageRole.Answer, first.Role);
        Assert.Equal((party, number), (first.Question?.Party, first.Question?.Number));
        Assert.Contains($"**{marked}**", first.Question!.Marked!.Markdown, StringComparison.Ordinal);
    }

    /// <summary>Where the answer and its own question show the words, the own question stays ("drones": D66's question 6).</summary>
    [Fact]
    public async Task An_answer_found_by_its_own_words_keeps_its_own_question()
    {
        var response = await _index.Search.SearchAsync("drones", new SearchFilters { PageSize = 10 });

        Assert.All(response.Passages.Where(p => p.Role == PassageRole.Answer),
            p => Assert.Equal((p.Passage.Party, p.Passage.QuestionNumber), (p.Question?.Party, p.Question?.Number)));
    }

    /// <summary>
    /// "wat vraagt de PVV": the PVV's questions and their answers, not passages that write "vraagt" (a QA pass: no
    /// passage had every word, and the first three were of other parties or none).
    /// </summary>
    [Fact]
    public async Task What_a_party_asks_finds_that_partys_questions()
    {
        var response = await _index.Search.SearchAsync("wat vraagt de PVV", new SearchFilters { PageSize = 10 });

        Assert.Null(response.Relaxation);
        Assert.Equal(10, response.Passages.Count);
        Assert.All(response.Passages, p => Assert.True(p.Passage.Party == "PVV" || p.Passage.Text.Contains("PVV", StringComparison.Ordinal), p.Passage.Text));
    }

    /// <summary>
    /// Footnotes written as "&lt;sup&gt;4&lt;/sup&gt; Kamerstuk 27 830, …" (seed 002) are found, as other letters' notes are (a QA
    /// pass: "27 830" found nothing, "staat van de oorlog" only other passages).
    /// </summary>
    [Theory]
    [InlineData("27 830", "Kamerstuk 27 830, nr 424 van 24 januari 2024 waarin dit verband wordt uitgelegd.")]
    [InlineData("\"staat van de oorlog\"", "Zie ook: Kamerbrief Staat van de Oorlog in Europa")]
    public async Task A_footnote_written_in_sup_tags_is_found(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.StartsWith(expected, first.Passage.Text, StringComparison.Ordinal);
        var hit = Assert.Single(response.Hits, h => h.Passages.Contains(first));
        Assert.StartsWith("002_", hit.SourceFile, StringComparison.Ordinal);
        var raw = await File.ReadAllTextAsync(Path.Combine(_index.Corpus, hit.SourceFile));
        Assert.Equal(first.Snippet.Text, raw[first.Start..first.End]);
    }

    /// <summary>
    /// "stelt" is phrasing only with "vragen" ("welke vragen stelt het CDA"); "wat stelt de NAVO" asks what NATO states
    /// (a regression pass: dropped, "De NAVO stelt dreigingen vast" fell from first to ninth).
    /// </summary>
    [Fact]
    public async Task Stelt_is_phrasing_only_with_vragen()
    {
        var states = await _index.Search.SearchAsync("wat stelt de NAVO", new SearchFilters { PageSize = 10 });
        var asks = await _index.Search.SearchAsync("welke vragen stelt het CDA", new SearchFilters { PageSize = 10 });

        Assert.Contains("De NAVO stelt dreigingen vast", states.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Null(asks.Relaxation);
        Assert.All(asks.Passages, p => Assert.True(p.Passage.Party == "CDA" || p.Passage.Text.Contains("CDA", StringComparison.Ordinal), p.Passage.Text));
    }

    /// <summary>
    /// "vragen 25 en 39": the answers to either (a regression pass: only 25, and a "39" anywhere in them).
    /// "antwoord" typed after them is the same request, as after one number (a read-through: it was a word the answers
    /// had to hold, so "vragen 25 en 39 antwoord" found no full match).
    /// </summary>
    [Theory]
    [InlineData("vragen 25 en 39")]
    [InlineData("vragen 25 en 39 antwoord")]
    public async Task Question_numbers_joined_by_en_find_the_answers_to_each(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 50 });

        var numbers = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Question?.Number).ToHashSet();
        Assert.Equal(["25", "39"], numbers.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// "ER" in capitals is the European Council, which the letters mostly write out (a regression pass: "ER van 19
    /// maart" lost the "Europese Raad van 19 maart" passage it found when "ER" was a stop word).
    /// </summary>
    [Fact]
    public async Task ER_finds_the_Europese_Raad_written_out()
    {
        var response = await _index.Search.SearchAsync("ER van 19 maart", new SearchFilters { PageSize = 10 });

        Assert.Null(response.Relaxation);
        Assert.Contains("Europese Raad van 19 maart", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Contains("Europese Raad", response.AlsoSearched);
    }

    [Fact]
    public async Task A_main_question_number_finds_its_sub_questions()
    {
        var response = await _index.Search.SearchAsync("vraag 2", new SearchFilters { PageSize = 50 });

        var numbers = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Question?.Number).ToHashSet();
        Assert.Contains("2", numbers);
        Assert.Contains("2a", numbers);
        Assert.All(numbers, n => Assert.Matches("^2[a-z]?$", n!));
    }

    /// <summary>
    /// The chair who signs a committee's letter is found by name too (QA pass): "Koen Petersen" signs the questions
    /// of 001 and found nothing, since only the government's signatories were units.
    /// </summary>
    [Theory]
    [InlineData("koen petersen")]
    [InlineData("Petersen")]
    public async Task A_committee_chairs_name_finds_the_letter_signed(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var hit = Assert.Single(response.Hits);
        Assert.StartsWith("001_", hit.SourceFile, StringComparison.Ordinal);
        var passage = Assert.Single(hit.Passages);
        Assert.True(passage.MatchesAllTerms);
        var raw = await File.ReadAllTextAsync(Path.Combine(_index.Corpus, hit.SourceFile));
        Assert.Equal("Koen Petersen", raw[passage.Start..passage.End]);
    }

    /// <summary>
    /// Partial matches keep the marks that stand only together or only as whole words: the front part of a typed
    /// compound ("kern" of "kernwapens") and a decimal number ("1,5" of "1,5 miljard") were unmarked in the partial
    /// step, whose marks are merged into the page's (second QA pass).
    /// </summary>
    [Theory]
    [InlineData("kernwapens", "Het begint met de kern van de kabinetsappreciatie", "**kern**")]
    [InlineData("1,5 miljard", "1,5%", "**1,5")]
    public async Task A_partial_match_keeps_its_whole_word_and_phrase_marks(string query, string passage, string marked)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.NotNull(response.Relaxation);
        var hit = Assert.Single(response.Passages, p => p.Passage.Text.Contains(passage, StringComparison.Ordinal) && p.Snippet.Text.Contains(passage, StringComparison.Ordinal));
        Assert.Contains(marked, hit.Snippet.Markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// A typed compound's front part is marked where a word is that part, not inside another compound: for
    /// "luchtverdediging", "strategisch luchttransport, luchtverdediging- en inlichtingencapaciteit" marks the second
    /// word only (air transport is not air defence); "lucht- en raketverdediging" still marks "lucht".
    /// </summary>
    [Fact]
    public async Task A_typed_compounds_front_part_is_not_marked_inside_another_compound()
    {
        var response = await _index.Search.SearchAsync("luchtverdediging", new SearchFilters { PageSize = 10 });
        Print(response);

        var both = Assert.Single(response.Passages, p => p.Snippet.Text.Contains("strategisch luchttransport, luchtverdediging", StringComparison.Ordinal));
        Assert.Contains("**luchtverdediging**", both.Snippet.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**luchttransport**", both.Snippet.Markdown, StringComparison.Ordinal);
        Assert.Contains(response.Passages, p => p.Snippet.Markdown.Contains("**lucht**", StringComparison.Ordinal));
    }
    [Fact]
    public async Task A_word_with_a_leading_minus_is_left_out_as_with_not()
    {
        var minus = await _index.Search.SearchAsync("drones -oekraine", new SearchFilters { PageSize = 50 });
        var not = await _index.Search.SearchAsync("drones NOT oekraine", new SearchFilters { PageSize = 50 });
        var all = await _index.Search.SearchAsync("drones", new SearchFilters { PageSize = 50 });

        Assert.NotEmpty(minus.Passages);
        Assert.DoesNotContain(minus.Passages, p => p.Passage.Text.Contains("Oekraïne", StringComparison.Ordinal));
        Assert.Equal(not.Passages.Select(p => p.Passage.Start), minus.Passages.Select(p => p.Passage.Start));
        Assert.Contains(all.Passages, p => p.Passage.Text.Contains("Oekraïne", StringComparison.Ordinal));
    }

    /// <summary>
    /// A hyphenated word the letters never write ("Oekraine-steun") or a word that analyses into several
    /// ("title:drones") is relaxed like a phrase: the passages with its parts, not nothing.
    /// </summary>
    [Theory]
    [InlineData("Oekraine-steun", "Oekraïne")]
    [InlineData("title:drones", "drones")]
    public async Task A_word_of_several_parts_the_letters_never_write_falls_back_to_its_parts(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.Equal(10, response.Passages.Count);
        Assert.Equal("some-terms", response.Relaxation);
        Assert.Contains(expected, response.Passages[0].Passage.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A typo finds the nearest word the letters use and "Bedoelde u" offers it first: a swap in a short word the
    /// stemmer changed ("naov"), a swap next to a rarer two-edit word ("defensei": not "defender"), a doubled letter
    /// next to compounds that hold the word ("rakketten": not "raketafweercapaciteiten").
    /// </summary>
    [Theory]
    [InlineData("naov", "navo")]
    [InlineData("defensei", "defensie")]
    [InlineData("rakketten", "raketten")]
    [InlineData("dronesn", "drones")] // the stemmer leaves these far from the word's stem: found through the word one edit away
    [InlineData("drnoes", "drones")]
    [InlineData("herstelleningn", "herstelleningen")]
    public async Task A_typo_finds_and_suggests_the_nearest_word_first(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.NotEmpty(response.Passages);
        Assert.Equal(expected, response.Suggestions[0]);
        Assert.DoesNotContain("defender", response.Suggestions);
    }

    /// <summary>
    /// A short word the letters do not use is not read as a typo of a word one letter away: "kogels" is not "Vogel",
    /// "bommen" not "komen", "lonen" not "lopen", "Rutte" not "routes" (the second QA pass found these).
    /// </summary>
    [Theory]
    [InlineData("kogels", "Vogel")]
    [InlineData("bommen", "komen")]
    [InlineData("lonen", "lopen")]
    [InlineData("Rutte", "routes")]
    [InlineData("tank", "taken")] // four letters: only a swap is a typo (the third QA pass found "tank" marked as "taken")
    [InlineData("tanks", "taken")]
    [InlineData("tank", "taak")]
    public async Task A_short_unknown_word_is_not_rewritten_into_another(string query, string other)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.DoesNotContain(response.Passages, p => p.Snippet.Markdown.Contains($"**{other}**", StringComparison.Ordinal));
    }

    /// <summary>
    /// What only a footnote says is found, as a unit labelled "Voetnoot" whose range is the note's text: the 25 PESCO
    /// states, the transport aircraft, a cited Kamerstuk (all found nothing, or only other passages).
    /// </summary>
    [Theory]
    [InlineData("transportvliegtuigen", "zoals tank- en transportvliegtuigen")]
    [InlineData("36045", "Kamerstuk 36045, nr. 125")]
    [InlineData("pesco lidstaten 25", "van 25 Europese lidstaten")]
    public async Task What_only_a_footnote_says_is_found(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var note = Assert.Single(response.Passages, p => p.Passage.Text.Contains(expected, StringComparison.Ordinal));
        Assert.True(note.MatchesAllTerms);
        Assert.Equal("Voetnoot", note.Passage.Heading);
        var raw = File.ReadAllText(Path.Combine(_index.Corpus, response.Hits.Single(h => h.Passages.Contains(note)).SourceFile));
        Assert.Equal(note.Passage.Text, raw[note.Start..note.End]);
    }

    /// <summary>
    /// A footnote is subordinate text: where paragraphs of the body hold the words, they come first ("kamerstuk" and
    /// "motie" listed the short footnote references "Kamerstuk 22112, nr. 4103" first, high under BM25 for their length).
    /// </summary>
    [Theory]
    [InlineData("kamerstuk")]
    [InlineData("motie")]
    public async Task Body_paragraphs_come_before_footnotes_that_hold_the_same_words(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var footnotes = response.Passages.Select((p, i) => (p, i)).Where(x => x.p.Passage.Heading == "Voetnoot").Select(x => x.i).ToList();
        var body = response.Passages.Select((p, i) => (p, i)).Where(x => x.p.Passage.Heading != "Voetnoot").Select(x => x.i).ToList();
        Assert.NotEmpty(body);
        Assert.NotEqual("Voetnoot", response.Passages[0].Passage.Heading);
        Assert.All(footnotes, f => Assert.True(f > body.Take(3).Max(), $"footnote at rank {f + 1}"));
    }

    /// <summary>
    /// When nothing is found, a word's beginning is suggested only when it is most of the word: "luchtm*" for
    /// "luchtmacht", and not "onde*" for "onderzeeboten" (it finds "onder" and "onderdelen").
    /// </summary>
    [Theory]
    [InlineData("luchtmacht", "luchtm*")]
    [InlineData("onderzeeboten", null)]
    public async Task A_suggested_beginning_is_most_of_the_word(string query, string? expected)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        Assert.Empty(response.Passages);
        Assert.Equal(expected is null ? [] : [expected], response.Suggestions.Where(s => s.EndsWith('*')).ToArray());
    }

    /// <summary>Filters and no words ("dossier 21501-28"): each letter the filter selects once, by its first passage.</summary>
    [Fact]
    public async Task Filters_without_words_list_the_letters_they_select()
    {
        var listed = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 10, Dossier = "21501-28" });
        var none = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 10, Dossier = "99999-1" });
        var nothing = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 10 });

        var hit = Assert.Single(listed.Hits);
        Assert.Equal("21 501-28", hit.Dossier);
        var passage = Assert.Single(hit.Passages);
        Assert.Equal(0, passage.Passage.Index);
        Assert.Empty(passage.Snippet.Highlights);
        Assert.Equal(1, listed.TotalLetters);
        Assert.Empty(none.Hits);
        Assert.Empty(nothing.Hits);
    }

    [Fact]
    public async Task A_filter_only_listing_is_newest_first_and_pages_on()
    {
        var since = new DateOnly(2020, 1, 1);
        var first = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 2, From = since });
        var second = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 2, From = since }, page: 1);
        var all = await _index.Search.SearchAsync("", new SearchFilters { PageSize = 10, From = since });

        Assert.True(all.Hits.Count >= 3);
        var dates = all.Hits.Select(h => h.Date).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.True(first.HasMore);
        Assert.Equal(all.Hits.Select(h => h.LetterId).Take(4), first.Hits.Concat(second.Hits).Select(h => h.LetterId));
    }

    /// <summary>A topic or query of operators alone is not "every letter": only an empty query lists by filter.</summary>
    [Theory]
    [InlineData("OR")]
    [InlineData("()")]
    [InlineData("NOT")]
    public async Task A_query_of_operators_alone_finds_nothing_even_with_filters(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10, From = new DateOnly(2020, 1, 1) });

        Assert.Empty(response.Hits);
    }

    [Fact]
    public async Task A_name_of_letters_and_digits_is_not_relaxed_to_its_parts()
    {
        // The seeds never name the F-35; "35" alone is a page or a dossier number.
        var response = await _index.Search.SearchAsync("F-35", new SearchFilters { PageSize = 10 });

        Assert.Empty(response.Passages);
    }

    [Fact]
    public async Task Pca_drones_shows_the_governments_answer_not_the_members_question()
    {
        var response = await _index.Search.SearchAsync("PCA drones", new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.Equal(PassageRole.Answer, first.Role);
        Assert.Contains("Nederland vervult", first.Snippet.Text, StringComparison.Ordinal);
        Assert.Contains("PCA Drones en Counter-Drones", first.Snippet.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Passages, p => p.Role == PassageRole.Question);
    }

    [Fact]
    public async Task Several_passages_of_one_letter_are_ranked_and_partial_matches_follow_full_ones()
    {
        var response = await _index.Search.SearchAsync("rode lijnen staakt het vuren", new SearchFilters { PageSize = 10 });
        Print(response);

        Assert.InRange(response.FullMatches, 1, 9);
        Assert.Equal(10, response.Passages.Count);
        Assert.True(response.TotalPassages > response.FullMatches);
        Assert.Null(response.Relaxation);
        Assert.All(response.Passages.Take(response.FullMatches), p => Assert.True(p.MatchesAllTerms));
        Assert.All(response.Passages.Skip(response.FullMatches), p => Assert.False(p.MatchesAllTerms));
        Assert.Equal(Enumerable.Range(0, 10), response.Passages.Select(p => p.Rank));
        // A hit never mixes full and partial matches (the card puts its "less relevant" line between them).
        Assert.All(response.Hits, h => Assert.Single(h.Passages.Select(p => p.MatchesAllTerms).Distinct()));

        // With a page or more of full matches there is no partial fill, on any page.
        var broad = await _index.Search.SearchAsync("Oekraïne", new SearchFilters { PageSize = 10 });
        Assert.True(broad.FullMatches >= 10);
        Assert.Equal(broad.FullMatches, broad.TotalPassages);
        Assert.True(broad.TotalLetters >= 3);
        Assert.True(broad.Hits.Count < 10 || broad.Hits.Any(h => h.Passages.Count > 1) || broad.Hits.Select(h => h.LetterId).Distinct().Count() < broad.Hits.Count);
        Assert.All(broad.Passages, p => Assert.True(p.MatchesAllTerms));
    }

    [Fact]
    public async Task Pages_count_the_same_and_continue_the_ranking()
    {
        var first = await _index.Search.SearchAsync("rode lijnen staakt het vuren", new SearchFilters { PageSize = 4 });
        var second = await _index.Search.SearchAsync("rode lijnen staakt het vuren", new SearchFilters { PageSize = 4 }, page: 1);
        var all = await _index.Search.SearchAsync("rode lijnen staakt het vuren", new SearchFilters { PageSize = 8 });

        Assert.Equal(first.TotalPassages, second.TotalPassages);
        Assert.Equal(first.TotalLetters, second.TotalLetters);
        Assert.Equal(first.FullMatches, second.FullMatches);
        Assert.Equal(all.Passages.Select(p => (p.Passage.Start, p.Role)), first.Passages.Concat(second.Passages).Select(p => (p.Passage.Start, p.Role)));
        Assert.Equal(Enumerable.Range(4, 4), second.Passages.Select(p => p.Rank));
    }

    [Fact]
    public void Search_passages_are_paragraph_sized_and_their_offsets_hold_their_text()
    {
        var roles = new HashSet<PassageRole>();
        foreach (var letter in SeedCorpus.All)
        {
            var units = SearchPassages.Split(letter);
            Assert.NotEmpty(units);
            foreach (var unit in units)
            {
                Assert.InRange(unit.Text.Length, 1, SearchPassages.MaxChars);
                Assert.True(unit.Start < unit.End && unit.End <= letter.RawText.Length);
                // The range starts and ends with the unit's text (it may run around footnote lines the parser left out).
                var text = Normalize(unit.Text);
                var range = Normalize(Clean(letter.RawText[unit.Start..unit.End]));
                Assert.StartsWith(text[..Math.Min(30, text.Length)], range, StringComparison.Ordinal);
                Assert.EndsWith(text[^Math.Min(30, text.Length)..], range, StringComparison.Ordinal);
                Assert.Equal(unit.Role == PassageRole.Answer, unit.QuestionText is not null);
                roles.Add(unit.Role);
            }
        }
        Assert.Contains(PassageRole.Answer, roles);
        Assert.Contains(PassageRole.Paragraph, roles);
        // The seed letters do hold blocks far over the limit (whole question-and-answer blocks of 4,000+ characters).
        Assert.Contains(SeedCorpus.All.SelectMany(l => l.Passages), p => p.Text.Length > 2 * SearchPassages.MaxChars);
    }

    public static TheoryData<string> OffsetQueries() =>
    [
        "drones", "PCA drones", "munitie", "Oekraïne", "steun", "defensie", "herstellening", "bevroren russische tegoeden",
        "staakt het vuren", "SAFE leningen", "dual-use technologie", "militaire mobiliteit", "defensie-industrie",
        "counter-drone", "Witboek", "sancties omzeilen", "voorraden", "NAVO", "interoperabiliteit standaardisatie",
        "Oekraine", "vlaggenschipprojecten", "EDIP", "luchtverdediging", "schuldhoudbaarheid", "Kirgizië export",
    ];

    [Theory]
    [MemberData(nameof(OffsetQueries))]
    public async Task The_raw_file_at_each_passages_offsets_is_the_shown_window(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Assert.NotEmpty(response.Passages);
        foreach (var hit in response.Hits)
        {
            var raw = File.ReadAllText(Path.Combine(SeedCorpus.SeedDirectory, hit.SourceFile));
            foreach (var p in hit.Passages)
            {
                Assert.True(p.Start >= 0 && p.Start < p.End && p.End <= raw.Length, $"{query}: [{p.Start},{p.End})");
                var shown = p.Snippet.Text;
                shown = shown.StartsWith("… ", StringComparison.Ordinal) ? shown[2..] : shown;
                shown = shown.EndsWith(" …", StringComparison.Ordinal) ? shown[..^2] : shown;
                Assert.True(shown.Length <= SnippetBuilder.PassageWindowChars, $"{query}: window of {shown.Length}");
                Assert.Equal(Normalize(shown), Normalize(Clean(raw[p.Start..p.End])));
                // The highlights mark the words inside the shown window.
                Assert.All(p.Snippet.Highlights, r => Assert.True(r.Start + r.Length <= p.Snippet.Text.Length));
            }
        }
    }

    /// <summary>
    /// One answer never shows the same paragraph of a letter twice (a letter that prints a paragraph again): no two shown
    /// passages of one letter are repeats by <see cref="SearchPassages.HideRepeats"/>'s rule (90% of one's words in the
    /// other, and 80% of their words shared).
    /// </summary>
    [Theory]
    [MemberData(nameof(OffsetQueries))]
    public async Task A_page_does_not_show_a_letters_paragraph_twice(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        var shown = response.Hits.SelectMany(h => h.Passages.Select(p => (h.LetterId, Words: WordsOf(p.Passage.Text)))).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            for (var j = 0; j < shown.Count; j++)
            {
                if (i == j || shown[i].LetterId != shown[j].LetterId || shown[i].Words.Count < SearchPassages.MinRepeatWords)
                {
                    continue;
                }
                var shared = shown[i].Words.Intersect(shown[j].Words).Count();
                var union = shown[i].Words.Union(shown[j].Words).Count();
                var repeat = shared >= 0.9 * shown[i].Words.Count && shared >= 0.8 * union;
                Assert.False(repeat, $"{query}: passage {i} of {shown[i].LetterId} repeats passage {j} ({shared} of {union} words): "
                    + $"{string.Join(" ", shown[i].Words.Except(shown[j].Words))} | {string.Join(" ", shown[j].Words.Except(shown[i].Words))}");
            }
        }
    }

    /// <summary>Distinct words as the repeat rule reads them: letters and digits, lower case.</summary>
    private static HashSet<string> WordsOf(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+").Where(w => w.Length > 0).ToHashSet();

    /// <summary>
    /// The seed agenda answers two questions about the flagship projects with nearly the same text; the copy is shown
    /// once, and is still found by the words of the question it answered ("positie van andere lidstaten").
    /// </summary>
    [Theory]
    [InlineData("positie andere lidstaten vlaggenschipprojecten")]
    [InlineData("beoordeelt kabinet voorgestelde vlaggenschipprojecten")]
    public async Task An_answer_given_twice_is_found_by_either_question(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        Assert.True(response.FullMatches >= 1, $"{query}: {response.FullMatches} full matches, relaxation {response.Relaxation}");
        var first = response.Passages[0];
        Assert.Equal(PassageRole.Answer, first.Role);
        Assert.Contains("vlaggenschipprojecten", first.Passage.Text, StringComparison.Ordinal);
    }

    /// <summary>The raw text cleaned line by line as the parser cleans it (markup and footnote markers out).</summary>
    private static string Clean(string raw) =>
        string.Join('\n', raw.Split('\n').Select(line => TextCleaner.CleanLine(line, markdown: true)));

    /// <summary>Without whitespace: line breaks and hyphenated line ends are unwrapped in the clean text.</summary>
    private static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private void Print(SearchResponse response)
    {
        output.WriteLine($"{response.TotalPassages} passages, {response.TotalLetters} letters, full {response.FullMatches}, relaxation {response.Relaxation}");
        foreach (var p in response.Passages)
        {
            output.WriteLine($"#{p.Rank} {p.Role} all={p.MatchesAllTerms} {p.Score:F2} [{p.Start},{p.End}) :: {p.Snippet.Text[..Math.Min(140, p.Snippet.Text.Length)]}");
        }
    }
}
