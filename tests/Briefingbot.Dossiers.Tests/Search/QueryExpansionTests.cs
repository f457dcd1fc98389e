using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Query-time Dutch knowledge (<c>QueryExpansions</c>): synonyms that share no stem, country adjectives, question
/// words, the head of a compound the letters use. Over small letters written for these tests, not the seeds.
/// </summary>
public sealed class QueryExpansionTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", Letter("Aanschaf",
            "Nederland werkt met België aan de gezamenlijke aanschaf van nieuwe fregatten.",
            "De strijdkrachten van beide landen oefenen twee keer per jaar samen op zee.",
            "Het kabinet bespreekt de jaarlijkse begroting voor onderhoud in het voorjaar.",
            "Elke taak van de marine wordt jaarlijks opnieuw bekeken door de commandant."));
        _index.WriteLetter("b.txt", Letter("Technologie",
            "Het kabinet wil de afhankelijkheid van Amerika op het gebied van clouddiensten verkleinen.",
            "De Raad neemt op 12 december een besluit over de lening aan het land.",
            "Over de lening wordt later nog gesproken met de lidstaten van de Unie.",
            "Taakspecialisatie vraagt om een nader kader van de minister.",
            "Specialisatie kent drie varianten die samen een ladder vormen."));
        _index.WriteLetter("c.txt", Letter("Krijgsmacht",
            "De krijgsmacht moet snel kunnen opschalen bij een conflict.",
            "De krijgsmacht bestaat uit vier onderdelen met elk een eigen commandant.",
            "De krijgsmacht oefent in de natuur op verschillende oefenterreinen.",
            "De krijgsmacht krijgt extra geld voor personeel en materieel.",
            "In een enkel geval worden de strijdkrachten van een bondgenoot uitgenodigd."));
        _index.WriteLetter("d.txt", Letter("Fondsen",
            "Nederland draagt bij aan het Europees Defensiefonds (EDF) voor onderzoek naar nieuwe technieken.",
            "Het EDF financiert ook projecten van kleine bedrijven in de lidstaten."));
        _index.WriteLetter("e.txt", Letter("Onbemande systemen",
            "Uit het Europees Defensiefonds komt geld voor onderzoek naar drones.",
            "Een ander fonds betaalt de opleiding van piloten."));
        _index.WriteLetter("f.txt", Letter("Leveringen",
            "De toeleveringsketens raken overbelast door de vraag.",
            "De marine koopt nieuwe raketten voor haar fregatten.",
            "De veiligheidssituatie aan de oostgrens is verslechterd.",
            "Die situatie vraagt om meer veiligheid voor de schepen."));
        _index.WriteLetter("g.txt", Letter("Productie",
            "De productie van drones in Oekraïne stijgt snel.",
            "Drones worden ook in Polen gebruikt voor bewaking van de grens.",
            "De NAVO vraagt de lidstaten om meer munitie op voorraad te houden.",
            "Het kabinet heeft vorig jaar fors geïnvesteerd in nieuwe fregatten.",
            "Het innovatiekantoor van de EU in Kyiv wordt uitgebreid met een afdeling voor innovatie."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_synonym_that_shares_no_stem_finds_the_passage()
    {
        // "inkopen" never occurs; the letter says "aanschaf".
        var response = await _index.Search.SearchAsync("gezamenlijk inkopen", new SearchFilters { PageSize = 10 });

        Assert.NotEmpty(response.Passages);
        Assert.Contains("gezamenlijke aanschaf", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Contains("**aanschaf**", response.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_country_adjective_finds_the_country()
    {
        var response = await _index.Search.SearchAsync("amerikaanse afhankelijkheid", new SearchFilters { PageSize = 10 });

        Assert.NotEmpty(response.Passages);
        Assert.Contains("afhankelijkheid van Amerika", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
    }

    [Fact]
    public async Task A_verb_in_eren_finds_its_noun_in_atie_or_uctie()
    {
        // "produceren" never occurs; the letter says "productie".
        var response = await _index.Search.SearchAsync("drones produceren", new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.Contains("**productie**", first.Snippet.Markdown, StringComparison.Ordinal);
        Assert.Equal(["productie"], response.AlsoSearched);
    }

    [Theory]
    [InlineData("innovatie kiev")]
    [InlineData("innovatie kiew")]
    public async Task Kiev_typed_finds_kyiv(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.Contains("**Kyiv**", first.Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nato_typed_finds_navo()
    {
        var response = await _index.Search.SearchAsync("nato munitie", new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.Contains("**NAVO**", first.Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_or_verbal_noun_finds_its_participle()
    {
        // "investeringen" and "geïnvesteerd" share no stem; the letter writes only the participle.
        var response = await _index.Search.SearchAsync("investeringen fregatten", new SearchFilters { PageSize = 10 });

        var first = response.Passages[0];
        Assert.True(first.MatchesAllTerms);
        Assert.Contains("**geïnvesteerd**", first.Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verb_forms_remembered_for_one_index_snapshot_are_looked_up_again_after_a_new_letter()
    {
        // The first search remembers that the letters hold no form of "opschalen" (per index snapshot); a letter
        // that writes "opgeschaald" must be found once it is indexed.
        var before = await _index.Search.SearchAsync("opschalen marine", new SearchFilters { PageSize = 10 });
        _index.WriteLetter("h.txt", Letter("Marine", "De marine is vorig jaar opgeschaald met twee schepen."));
        await _index.IngestAsync();
        var after = await _index.Search.SearchAsync("opschalen marine", new SearchFilters { PageSize = 10 });

        Assert.DoesNotContain(before.Passages, p => p.MatchesAllTerms);
        Assert.True(after.Passages[0].MatchesAllTerms);
        Assert.Contains("**opgeschaald**", after.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("versterking", "versterk", "versterkt")]
    [InlineData("bescherming", "bescherm", "beschermd")]
    [InlineData("investeren", "invester", "investeert")]
    [InlineData("investering", "invester", "geinvesteerd")]
    [InlineData("opschalen", "opschal", "opgeschaald")]
    [InlineData("ontwikkeling", "ontwikkel", "ontwikkeld")]
    public void Verb_forms_include_the_finite_form_and_the_participle(string typed, string stem, string expected)
    {
        Assert.Contains(expected, QueryExpansions.VerbForms(typed, stem));
        Assert.DoesNotContain("geontwikkeld", QueryExpansions.VerbForms(typed, stem)); // no ge- after a prefix
    }

    [Theory]
    [InlineData("onderhandeld", "onderhandelen")]
    [InlineData("verhoogd", "verhogen")]
    [InlineData("gesteund", "steunen")]
    [InlineData("opgeschaald", "opschalen")]
    [InlineData("gebruikt", "gebruiken")]
    [InlineData("gestopt", "stoppen")]
    [InlineData("gemeld", "melden")]
    [InlineData("geleefd", "leven")]
    [InlineData("gereisd", "reizen")]
    public void A_typed_participle_guesses_its_infinitive(string typed, string expected)
    {
        Assert.Contains(expected, QueryExpansions.InfinitiveForms(typed));
    }

    [Theory]
    [InlineData("gebied", "bieden")] // a noun whose ge- is part of the word
    [InlineData("gerecht", "rechten")]
    [InlineData("gemiddeld", "middelen")] // an adjective whose guessed verb is a common noun (a QA pass)
    [InlineData("geacht", "achten")]
    [InlineData("geland", "landen")]
    [InlineData("gereed", "reden")]
    [InlineData("steunen", "")] // not a participle
    [InlineData("staat", "staten")] // too short to guess
    public void Words_that_are_no_participle_guess_no_infinitive(string typed, string unexpected)
    {
        var forms = QueryExpansions.InfinitiveForms(typed);
        Assert.DoesNotContain(unexpected, forms);
        if (unexpected.Length == 0 || typed.Length < 6)
        {
            Assert.Empty(forms);
        }
    }

    [Fact]
    public async Task A_typed_participle_finds_the_letters_that_write_the_infinitive()
    {
        // Further from the stems than a typo: "opgeschaald" / "opschal", "gesteund" / "steun".
        _index.WriteLetter("p.txt", Letter("Handel", "Het kabinet wil de productie van munitie in Europa opschalen en steunen."));
        await _index.IngestAsync();

        foreach (var (query, marked) in new[] { ("opgeschaald munitie", "**opschalen**"), ("munitie gesteund", "**steunen**") })
        {
            var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

            Assert.True(response.Passages[0].MatchesAllTerms, $"{query}: {response.FullMatches} full matches, relaxation {response.Relaxation}");
            Assert.Contains(marked, response.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
            Assert.Contains("opschalen en steunen", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("steun", "steun")] // typed as a noun, not a verb
    [InlineData("defensie", "defensie")]
    [InlineData("middelen", "middel")] // a plural noun: not "gemiddeld"
    [InlineData("rechten", "recht")] // not "gerecht"
    [InlineData("plannen", "plan")] // not "plant"
    public void Words_not_typed_as_a_verb_have_no_verb_forms(string typed, string stem)
    {
        Assert.Empty(QueryExpansions.VerbForms(typed, stem));
    }

    [Theory]
    [InlineData("produceren", "productie")]
    [InlineData("integreren", "integratie")]
    [InlineData("Standaardiseren", "standaardisatie")]
    [InlineData("coördineren", "coordinatie")]
    public void Derived_forms_pair_a_verb_in_eren_with_its_noun(string typed, string expected)
    {
        Assert.Equal([expected], QueryExpansions.DerivedForms(typed));
    }

    [Theory]
    [InlineData("leren")] // too short to be a Latin-derived verb
    [InlineData("generatie")] // a noun: its guessed verb ("genereren") is another word
    [InlineData("situatie-analyse")]
    [InlineData("investering")]
    public void Other_words_have_no_derived_form(string typed)
    {
        Assert.Empty(QueryExpansions.DerivedForms(typed));
    }

    [Fact]
    public async Task A_question_word_is_not_searched_and_wanneer_prefers_a_date()
    {
        var response = await _index.Search.SearchAsync("wanneer besluit lening", new SearchFilters { PageSize = 10 });

        Assert.NotEmpty(response.Passages);
        // Without the question word both words match this passage in full; and it names a month.
        Assert.Contains("12 december", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.Equal("wanneer besluit lening", response.Query);
    }

    [Fact]
    public async Task A_query_of_only_question_words_is_still_searched()
    {
        var response = await _index.Search.SearchAsync("wanneer", new SearchFilters { PageSize = 10 });

        // Nothing says "wanneer", but the query is not emptied into an error either.
        Assert.Empty(response.Passages);
        Assert.Equal("wanneer", response.Query);
    }

    [Fact]
    public async Task A_word_one_edit_from_a_known_word_is_a_typo_not_a_compound_of_short_parts()
    {
        // "rakketten" would split into "rak" (of "raken") and "ket" (a part of "toeleveringsketens"); it is "raketten".
        var response = await _index.Search.SearchAsync("rakketten", new SearchFilters { PageSize = 10 });

        Assert.Equal("fuzzy", response.Relaxation);
        Assert.StartsWith("De marine koopt nieuwe raketten", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Passages, p => p.Passage.Text.Contains("raken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_compound_one_linking_letter_from_the_written_one_is_found_as_written_not_as_a_typo()
    {
        // "veiligheidsituatie" is one edit from "veiligheidssituatie" too, but it is that compound: found without a
        // typo, so a second unknown word still leaves it a partial match of the exact step.
        var alone = await _index.Search.SearchAsync("veiligheidsituatie", new SearchFilters { PageSize = 10 });
        var withUnknown = await _index.Search.SearchAsync("veiligheidsituatie xyzzyq", new SearchFilters { PageSize = 10 });

        Assert.StartsWith("De veiligheidssituatie aan de oostgrens", alone.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Equal("some-terms", withUnknown.Relaxation);
        Assert.StartsWith("De veiligheidssituatie aan de oostgrens", withUnknown.Passages[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_compound_also_finds_its_head_among_the_partial_matches()
    {
        var response = await _index.Search.SearchAsync("voorwaarden taakspecialisatie", new SearchFilters { PageSize = 10 });

        Assert.Contains(response.Passages, p => p.Passage.Text.StartsWith("Specialisatie kent drie varianten", StringComparison.Ordinal));
        var compound = response.Passages.First(p => p.Passage.Text.StartsWith("Taakspecialisatie", StringComparison.Ordinal));
        var head = response.Passages.First(p => p.Passage.Text.StartsWith("Specialisatie kent", StringComparison.Ordinal));
        Assert.True(compound.Rank < head.Rank, "the word as typed ranks above its head");
    }

    [Fact]
    public async Task A_rare_synonym_never_outranks_the_common_word_as_typed()
    {
        // "strijdkrachten" is rarer than "krijgsmacht"; without the cap it would rank first for "krijgsmacht".
        var response = await _index.Search.SearchAsync("krijgsmacht", new SearchFilters { PageSize = 10 });

        var typed = response.Passages.Where(p => p.Passage.Text.Contains("krijgsmacht", StringComparison.Ordinal)).Max(p => p.Score);
        var synonym = response.Passages.Single(p => p.Passage.Text.Contains("strijdkrachten van een bondgenoot", StringComparison.Ordinal));
        Assert.True(synonym.Score <= typed, $"synonym {synonym.Score} above typed {typed}");
        // Four passages say "krijgsmacht", two "strijdkrachten": all six are found.
        Assert.Equal(6, response.Passages.Count(p => p.Passage.Text.Contains("krijgsmacht", StringComparison.Ordinal) || p.Passage.Text.Contains("strijdkrachten", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_word_in_a_large_share_of_the_passages_is_not_expanded()
    {
        using var analyzer = new Briefingbot.Dossiers.Analysis.DutchLetterAnalyzer();
        string Build(int docFreq) => new LetterQueryBuilder(analyzer)
            .Build(new WordNode("steun"), MatchMode.AllTerms, new LetterQueryBuilder.Highlights(), _ => true, _ => docFreq, 100_000)!
            .ToString();

        // In 1% of 100,000 passages: its synonyms are looked for too; in 30%: the word alone (cost, and no gain).
        Assert.Contains("text:hulp", Build(1_000), StringComparison.Ordinal);
        Assert.DoesNotContain("hulp", Build(30_000), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_of_two_known_words_is_searched_by_its_parts_without_a_typo_expansion()
    {
        using var analyzer = new Briefingbot.Dossiers.Analysis.DutchLetterAnalyzer();
        var known = Briefingbot.Dossiers.Analysis.TokenAnalysis.Analyze(analyzer, Briefingbot.Dossiers.Index.IndexFields.Text, "olie voorraad drones")
            .Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        string Build(string word) => new LetterQueryBuilder(analyzer)
            .Build(new WordNode(word), MatchMode.AllTermsFuzzy, new LetterQueryBuilder.Highlights(), known.Contains, _ => 10, 100_000)!
            .ToString();

        // A compound the letters do not use: its two parts, no typo automaton (milliseconds to build for a long word).
        var compound = Build("olievoorraad");
        var part = Briefingbot.Dossiers.Analysis.TokenAnalysis.Analyze(analyzer, Briefingbot.Dossiers.Index.IndexFields.Text, "voorraad").Single().Term;
        Assert.Contains("text:" + part, compound, StringComparison.Ordinal);
        Assert.DoesNotContain("~", compound, StringComparison.Ordinal);
        // A typo splits into no known words: typos allowed as before.
        Assert.Contains("~", Build("voorrraad"), StringComparison.Ordinal);

        // The compound the letters write with a linking letter the typed word lacks, or without the one it has.
        foreach (var word in "veiligheidssituatie kabinetstandpunt".Split(' '))
        {
            known.Add(Briefingbot.Dossiers.Analysis.TokenAnalysis.Analyze(analyzer, Briefingbot.Dossiers.Index.IndexFields.Text, word).Single(t => !t.Stacked).Term);
        }
        known.UnionWith(Briefingbot.Dossiers.Analysis.TokenAnalysis.Analyze(analyzer, Briefingbot.Dossiers.Index.IndexFields.Text, "veiligheid situatie kabinet standpunt").Select(t => t.Term));
        foreach (var (typed, written) in new[] { ("veiligheidsituatie", "veiligheidssituatie"), ("kabinetsstandpunt", "kabinetstandpunt") })
        {
            var writtenTerm = Briefingbot.Dossiers.Analysis.TokenAnalysis.Analyze(analyzer, Briefingbot.Dossiers.Index.IndexFields.Text, written).Single(t => !t.Stacked).Term;
            var query = Build(typed);
            Assert.Contains("text:" + writtenTerm + " ", query, StringComparison.Ordinal);
            Assert.DoesNotContain("~", query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_abbreviation_a_letter_defines_also_finds_its_long_form_in_other_letters()
    {
        // e.txt never says "EDF"; d.txt defines it ("Europees Defensiefonds (EDF)").
        var response = await _index.Search.SearchAsync("edf drones", new SearchFilters { PageSize = 10 });

        Assert.NotEmpty(response.Passages);
        Assert.StartsWith("Uit het Europees Defensiefonds komt geld", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.Contains("**Europees Defensiefonds**", response.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_abbreviation_as_typed_ranks_above_its_long_form()
    {
        var response = await _index.Search.SearchAsync("EDF", new SearchFilters { PageSize = 10 });

        var typed = response.Passages.Where(p => p.Passage.Text.Contains("EDF", StringComparison.Ordinal)).ToList();
        var spelledOut = response.Passages.Single(p => p.Passage.Text.StartsWith("Uit het Europees Defensiefonds", StringComparison.Ordinal));
        Assert.Equal(2, typed.Count);
        Assert.All(typed, p => Assert.True(p.Rank < spelledOut.Rank, $"{p.Passage.Text} at {p.Rank}, the long form alone at {spelledOut.Rank}"));
        Assert.True(spelledOut.MatchesAllTerms);
    }

    [Theory]
    [InlineData("edf drones")]
    [InlineData("europees defensiefonds projecten")]
    [InlineData("gezamenlijk inkopen")]
    public async Task The_topic_check_counts_the_letters_the_search_finds_in_full(string query)
    {
        // An admin adding a topic sees how many letters match it: the same words, synonyms and abbreviations as a search.
        var check = await _index.Search.CheckQueryAsync(query);
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 50 });

        Assert.True(check.IsValid);
        Assert.Equal(1, check.MatchingLetters);
        Assert.Equal(check.MatchingLetters, response.Hits.Where(h => h.Passages.Any(p => p.MatchesAllTerms)).Select(h => h.LetterId).Distinct().Count());
    }

    [Theory]
    [InlineData("europees defensiefonds projecten")]
    [InlineData("\"Europees Defensiefonds\" projecten")]
    [InlineData("projecten Europees Defensiefonds")]
    public async Task An_abbreviation_spelled_out_also_finds_its_short_form(string query)
    {
        // "Het EDF financiert ook projecten …" never spells the fund out; d.txt defines "Europees Defensiefonds (EDF)".
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        Assert.NotEmpty(response.Passages);
        Assert.StartsWith("Het EDF financiert ook projecten", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.Contains("**EDF**", response.Passages[0].Snippet.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_that_only_start_a_long_form_do_not_find_its_short_form()
    {
        // "europees" alone is not "Europees Defensiefonds": the passage that only says "EDF" is no match for it.
        var response = await _index.Search.SearchAsync("europees projecten", new SearchFilters { PageSize = 10 });

        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms && p.Passage.Text.StartsWith("Het EDF financiert", StringComparison.Ordinal));
    }

    private static string Letter(string subject, params string[] paragraphs) => TestLetters.Text(subject, paragraphs);
}
