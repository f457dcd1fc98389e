using Briefingbot.Dossiers.Analysis;

namespace Briefingbot.Dossiers.Tests.Index;

public class DutchAnalysisTests
{
    private static readonly DutchLetterAnalyzer Analyzer = new();

    private static List<string> Terms(string text) => TokenAnalysis.Analyze(Analyzer, "text", text).Select(t => t.Term).ToList();

    private static string Single(string word) => Assert.Single(TokenAnalysis.Analyze(Analyzer, "text", word), t => !t.Stacked).Term;

    /// <summary>"%" is the word "procent", at the offsets of the sign; the rest of a word around it passes on.</summary>
    [Theory]
    [InlineData("2%", new[] { "2", "procent" })]
    [InlineData("3,5%", new[] { "3,5", "procent" })]
    [InlineData("2 %", new[] { "2", "procent" })]
    [InlineData("3%-norm", new[] { "3", "procent", "norm" })]
    [InlineData("%", new[] { "procent" })]
    public void A_percent_sign_is_the_word_procent(string text, string[] expected)
    {
        var tokens = TokenAnalysis.Analyze(Analyzer, "text", text).Where(t => !t.Stacked).ToList();

        Assert.Equal(expected, tokens.Select(t => t.Term));
        Assert.Equal(Enumerable.Range(tokens[0].Position, tokens.Count), tokens.Select(t => t.Position));
        var sign = Assert.Single(tokens, t => t.Term == "procent");
        Assert.Equal("%", text[sign.Start..sign.End]);
        Assert.Equal(Terms("2 procent"), Terms("2%"));
    }

    /// <summary>A number keeps its decimal comma or point; every other comma or point separates words, as before.</summary>
    [Theory]
    [InlineData("EUR 18,1 mld.", new[] { "eur", "18,1", "mld" })]
    [InlineData("2.000 militairen.", new[] { "2.000", "militair" })]
    [InlineData("d.m.v. de NAVO,", new[] { "d", "m", "v", "navo" })]
    [InlineData("... , .", new string[0])]
    [InlineData("1,5-graden", new[] { "1,5", "grad" })]
    public void A_numbers_decimal_comma_stays_in_the_number(string text, string[] expected)
    {
        var tokens = TokenAnalysis.Analyze(Analyzer, "text", text).Where(t => !t.Stacked).ToList();

        Assert.Equal(expected, tokens.Select(t => t.Term));
        foreach (var token in tokens.Where(t => t.Term.Any(char.IsAsciiDigit)))
        {
            Assert.Equal(token.Term, text[token.Start..token.End]);
        }
    }

    /// <summary>
    /// An "'s" ending is the word's plural or possessive ("EDA's", "ROC’s", "risico’s"): the word alone, at its own
    /// offsets. "R&amp;D" is one word. Elsewhere an apostrophe or ampersand separates words, as before (QA pass: "EDA's"
    /// had to match a stray "s", "R&amp;D" the initials "R." and "D.").
    /// </summary>
    [Theory]
    [InlineData("EDA's", new[] { "eda" }, new[] { "EDA" })]
    [InlineData("de ROC’s en", new[] { "roc" }, new[] { "ROC" })]
    [InlineData("risico’s", new[] { "risico" }, new[] { "risico" })]
    [InlineData("het 3%-R&D-actieplan", new[] { "3", "procent", "r&d", "actieplan" }, new[] { "3", "%", "R&D", "actieplan" })]
    [InlineData("in R&D investeren", new[] { "r&d", "invester" }, new[] { "R&D", "investeren" })]
    [InlineData("Risk & burden", new[] { "risk", "burd" }, new[] { "Risk", "burden" })]
    [InlineData("zo'n ‘wapens’", new[] { "n", "wapen" }, new[] { "n", "wapens" })] // "zo" is a stop word
    [InlineData("AT&T", new[] { "at&t" }, new[] { "AT&T" })]
    [InlineData("RAND & Co", new[] { "rand", "co" }, new[] { "RAND", "Co" })]
    [InlineData("'s-Hertogenbosch", new[] { "s", "hertogenbosch" }, new[] { "s", "Hertogenbosch" })]
    public void An_apostrophe_s_is_left_out_and_R_and_D_is_one_word(string text, string[] expected, string[] raw)
    {
        var tokens = TokenAnalysis.Analyze(Analyzer, "text", text).Where(t => !t.Stacked).ToList();

        Assert.Equal(expected, tokens.Select(t => t.Term));
        Assert.Equal(raw, tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(Enumerable.Range(tokens[0].Position, tokens.Count), tokens.Select(t => t.Position));
    }

    /// <summary>
    /// A stop word written in capitals is an abbreviation ("de ER van 23 oktober": the European Council) and the
    /// numeral "één" is no article; both are kept. "er" and "een" in lower case are still stop words (QA pass: "ER"
    /// found nothing).
    /// </summary>
    [Theory]
    [InlineData("de ER van 23 oktober", new[] { "er", "23", "oktober" })]
    [InlineData("er is een plan", new[] { "plan" })]
    [InlineData("Er is één plan", new[] { "een", "plan" })]
    [InlineData("ÉÉN DEFENSIE", new[] { "een", "defensie" })]
    public void A_stop_word_in_capitals_and_the_numeral_een_are_kept(string text, string[] expected)
    {
        Assert.Equal(expected, TokenAnalysis.Analyze(Analyzer, "text", text).Where(t => !t.Stacked).Select(t => t.Term));
    }

    [Fact]
    public void Missing_diacritics_give_the_same_term()
    {
        Assert.Equal(Single("Oekraïne"), Single("Oekraine"));
        Assert.Equal(Single("geïmmobiliseerde"), Single("geimmobiliseerde"));
        Assert.Equal(Single("financiële"), Single("financiele"));
    }

    [Fact]
    public void Plural_and_singular_share_a_stem()
    {
        Assert.Equal(Single("drone"), Single("drones"));
        Assert.Equal(Single("investering"), Single("investeringen"));
        Assert.Equal(Single("lening"), Single("leningen"));
        Assert.Equal(Single("capaciteit"), Single("capaciteiten"));
    }

    [Theory]
    [InlineData("grondstof", "grondstoffen")] // Snowball undoubles only kk, dd, tt
    [InlineData("rol", "rollen")]
    [InlineData("cel", "cellen")]
    [InlineData("brief", "brieven")] // a final f is written v before a plural -en
    [InlineData("prijs", "prijzen")] // and a final s is written z
    [InlineData("reis", "reizen")]
    [InlineData("positief", "positieve")] // adjectives in -ief/-ieve
    [InlineData("effectief", "effectieve")]
    public void Plurals_that_change_their_last_consonant_share_a_stem(string singular, string plural)
    {
        Assert.Equal(Single(singular), Single(plural));
    }

    [Fact]
    public void Mending_stems_keeps_different_words_apart()
    {
        Assert.NotEqual(Single("rol"), Single("rood"));
        Assert.NotEqual(Single("brief"), Single("brug"));
        Assert.NotEqual(Single("grondstof"), Single("grondstoffenstrategie"));
    }

    [Fact]
    public void Inflected_verbs_and_adjectives_share_a_stem()
    {
        Assert.Equal(Single("versterken"), Single("versterking"));
        Assert.Equal(Single("sanctie"), Single("sancties"));
        Assert.Equal(Single("Europese"), Single("Europees"));
    }

    [Fact]
    public void Hyphenated_word_is_indexed_whole_and_by_its_parts()
    {
        var tokens = TokenAnalysis.Analyze(Analyzer, "text", "de defensie-industrie groeit");
        var terms = tokens.Select(t => t.Term).ToList();
        Assert.Contains(Single("defensie"), terms);
        Assert.Contains(Single("industrie"), terms);
        Assert.Contains(Single("defensieindustrie"), terms);
        // Parts are consecutive positions (phrase-searchable); the whole is stacked on the first part.
        var defensie = tokens.First(t => t.Term == Single("defensie"));
        var industrie = tokens.First(t => t.Term == Single("industrie") && !t.Stacked);
        Assert.Equal(defensie.Position + 1, industrie.Position);
        var whole = tokens.First(t => t.Term == Single("defensieindustrie"));
        Assert.True(whole.Stacked);
        Assert.Equal("defensie-industrie", "de defensie-industrie groeit"[whole.Start..whole.End]);
    }

    [Fact]
    public void Word_pair_field_holds_the_pairs_of_adjacent_words_as_a_phrase_sees_them()
    {
        var pairs = TokenAnalysis.Analyze(Analyzer, Briefingbot.Dossiers.Index.IndexFields.PairsOf("text"), "Europese defensie-industrie en de defensie industrie")
            .Select(t => t.Term).ToHashSet();
        var defensieIndustrie = AdjacentPairsFilter.Pair(Single("defensie"), Single("industrie"));
        Assert.Contains(AdjacentPairsFilter.Pair(Single("Europese"), Single("defensie")), pairs);
        Assert.Contains(defensieIndustrie, pairs);
        // The whole of the hyphenated word is stacked on "defensie": it pairs with the next position too.
        Assert.Contains(AdjacentPairsFilter.Pair(Single("defensieindustrie"), Single("industrie")), pairs);
        // "en" and "de" are stop words: no pair across the gap.
        Assert.DoesNotContain(AdjacentPairsFilter.Pair(Single("industrie"), Single("defensie")), pairs);
    }

    [Fact]
    public void A_compound_part_pairs_with_its_neighbour_as_a_phrase_over_the_parts_would_match()
    {
        var pairs = TokenAnalysis.Analyze(Analyzer, Briefingbot.Dossiers.Index.IndexFields.PairsOf("text"), "het defensie-industriebeleid")
            .Select(t => t.Term).ToList();
        Assert.Contains(AdjacentPairsFilter.Pair(Single("defensie"), Single("industrie")), pairs);
        Assert.Contains(AdjacentPairsFilter.Pair(Single("defensie"), Single("industriebeleid")), pairs);
    }

    [Theory]
    [InlineData("om de krijgsmacht op te schalen", "opschalen", "op te schalen")]
    [InlineData("in staat om op te kunnen schalen", "opschalen", "op te kunnen schalen")]
    [InlineData("de afhankelijkheid af te bouwen", "afbouwen", "af te bouwen")]
    [InlineData("Door samen te werken", "samenwerken", "samen te werken")]
    [InlineData("om dreigingen tegen te gaan", "tegengaan", "tegen te gaan")]
    public void A_separable_verb_written_apart_is_also_the_verb_as_one_word(string text, string verb, string written)
    {
        var tokens = TokenAnalysis.Analyze(Analyzer, "text", text);
        var joined = Assert.Single(tokens, t => t.Term == Single(verb));
        Assert.True(joined.Stacked);
        Assert.Equal(written, text[joined.Start..joined.End]);
        // The verb's own word is still there, at the same position.
        Assert.Contains(tokens, t => !t.Stacked && t.Position == joined.Position && text[t.Start..t.End] == written.Split(' ')[^1]);
    }

    [Theory]
    [InlineData("om te investeren", "ominvesteren")] // "om te": in order to
    [InlineData("door te investeren in drones", "doorinvesteren")] // "door te": by
    [InlineData("uit te kunnen blijven voeren", "uitblijven")] // an auxiliary is not the verb
    [InlineData("er is niets aan te doen", "aandoen")] // "doen" is a stop word
    [InlineData("een deel te financieren", "deelfinancieren")] // "deel" is a noun here
    public void Words_that_only_look_like_a_separable_verb_are_not_joined(string text, string notJoined)
    {
        Assert.DoesNotContain(Single(notJoined), Terms(text));
    }

    [Fact]
    public void Counter_drone_is_found_by_drone_and_by_counterdrone()
    {
        var terms = Terms("counter-drone systemen");
        Assert.Contains(Single("drones"), terms);
        Assert.Contains(Single("counterdrone"), terms);
        Assert.Contains(Single("counter"), terms);
    }

    [Fact]
    public void Compounds_yield_their_dictionary_parts()
    {
        var terms = Terms("dronebestrijding en munitieproductie");
        Assert.Contains(Single("drone"), terms);
        Assert.Contains(Single("bestrijding"), terms);
        Assert.Contains(Single("munitie"), terms);
        Assert.Contains(Single("productie"), terms);
    }

    /// <summary>EU programme and naval words (a QA pass: "vlaggenschip" and "vlaggenschip projecten" missed the four
    /// "vlaggenschipprojecten"; a second found "mijnen" as a part made "ondermijnen" a full match for it).</summary>
    [Fact]
    public void Flagship_projects_and_mine_countermeasure_vessels_yield_their_parts()
    {
        var terms = Terms("vlaggenschipprojecten en mijnenbestrijdingsvaartuigen");
        Assert.Contains(Single("vlaggenschip"), terms);
        Assert.Contains(Single("projecten"), terms);
        Assert.Contains(Single("vaartuigen"), terms);
        // Not "mijnen" as a part: the dictionary is matched inside words, and "ondermijnen" (to undermine) holds it.
        Assert.DoesNotContain(Single("mijnen"), Terms("het ondermijnen van democratische processen"));
    }

    [Fact]
    public void Stop_words_and_syntax_characters_produce_no_terms()
    {
        Assert.Empty(Terms("de het een van en *:* /.*/ ( ) -- 🚀"));
    }

    [Fact]
    public void Offsets_point_at_the_word_in_the_text()
    {
        const string text = "Steun aan Oekraïne, zo snel mogelijk.";
        var token = TokenAnalysis.Analyze(Analyzer, "text", text).Single(t => t.Term == Single("Oekraine"));
        Assert.Equal("Oekraïne", text[token.Start..token.End]);
    }
}
