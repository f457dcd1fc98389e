using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests.Letters;

public partial class LetterParserPassageTests
{
    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Passage_offsets_point_exactly_at_their_source(string seed)
    {
        var letter = SeedCorpus.Get(seed);
        Assert.NotEmpty(letter.Passages);
        var previousEnd = 0;
        foreach (var p in letter.Passages)
        {
            Assert.True(p.Start < p.End, $"passage {p.Index} is empty");
            Assert.True(p.Start >= previousEnd, $"passage {p.Index} overlaps its predecessor");
            Assert.True(p.End <= letter.RawText.Length);
            previousEnd = p.End;

            var source = letter.RawText[p.Start..p.End];
            var words = Words(p.Text);
            Assert.NotEmpty(words);
            // Every word of the cleaned text appears, in order, in the raw source range.
            var at = 0;
            foreach (var w in words)
            {
                var found = source.IndexOf(w, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"{letter.Id} passage {p.Index}: '{w}' not found in order in raw[{p.Start}..{p.End}]");
                at = found + w.Length;
            }
            // Exact bounds: the range starts at the passage's first word and ends right after its last one.
            Assert.True(source.IndexOf(words[0], StringComparison.Ordinal) <= 12, $"{letter.Id} passage {p.Index} starts early: «{source[..Math.Min(40, source.Length)]}»");
            Assert.True(source.Length - (source.LastIndexOf(words[^1], StringComparison.Ordinal) + words[^1].Length) <= 12,
                $"{letter.Id} passage {p.Index} ends late: «{source[Math.Max(0, source.Length - 40)..]}»");
            Assert.False(char.IsWhiteSpace(source[0]) || char.IsWhiteSpace(source[^1]), "ranges are trimmed");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Passages_hold_no_chrome(string seed)
    {
        var letter = SeedCorpus.Get(seed);
        foreach (var p in letter.Passages)
        {
            Assert.DoesNotContain("↩", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("[overzicht]", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nummer: 2022D", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<sup>", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("**", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Kamerstukken I¸", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Den Haag, 2", p.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(ShoutingHeader(), p.Text);
            Assert.DoesNotContain("\n", p.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("↩", letter.Title ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Footnote_markers_and_page_numbers_are_removed_from_text()
    {
        var witboek = SeedCorpus.Get("000");
        Assert.Contains(witboek.Passages, p => p.Text.Contains("voor de Europese Unie. De Commissie en de Hoge Vertegenwoordiger", StringComparison.Ordinal));
        Assert.Contains(witboek.Passages, p => p.Text.Contains("(HV) geven hieraan invulling", StringComparison.Ordinal));
        // Real numbers stay.
        Assert.Contains(witboek.Passages, p => p.Text.Contains("Gereedheid 2030 («Witboek»)", StringComparison.Ordinal));

        var so = SeedCorpus.Get("001");
        // "2" on its own line is a page number, "3 Kamerstukken I¸2024-2025, 36741, A." a footnote: neither is in the flow.
        Assert.DoesNotContain(so.Passages, p => p.Text.Contains("Turkije? 2", StringComparison.Ordinal));
        Assert.Contains(so.Passages, p => p.Text.Contains("het gezamenlijk Witboek van de Europese Commissie", StringComparison.Ordinal));
    }

    /// <summary>
    /// Footnotes are read apart from the text, each with the exact raw range of its text (the number left out): plain
    /// ("9 Kamerstuk 36045, nr. 125", 001), Markdown list items with a return arrow ("3. PESCO … lidstaten.↩︎", 003),
    /// and no-break spaces kept as written ("35 570").
    /// </summary>
    [Theory]
    [InlineData("001", "9", "Kamerstuk 36045, nr. 125")]
    [InlineData("003", "3", "PESCO (Permanent and structured cooperation) is een samenwerkingsverband op het gebied van defensie van 25 Europese lidstaten.")]
    [InlineData("003", "6", "Zie motie van de leden Van den Nieuwenhuijzen en Belhaj (Kamerstuk 35")]
    [InlineData("004", "1", "Ukraine Support Tracker - Kiel Institute")]
    public void Footnotes_are_read_with_their_raw_ranges(string seed, string number, string text)
    {
        var letter = SeedCorpus.Get(seed);

        var note = Assert.Single(letter.Footnotes, f => f.Number == number && f.Text.StartsWith(text, StringComparison.Ordinal));
        Assert.Equal(note.Text, letter.RawText[note.Start..note.End]);
        Assert.All(letter.Footnotes, f => Assert.Equal(f.Text, letter.RawText[f.Start..f.End]));
        Assert.DoesNotContain(letter.Passages, p => p.Text.Contains(note.Text, StringComparison.Ordinal));
    }

    /// <summary>
    /// A footnote's web address on a line of its own ("1 Ukraine Support Tracker - Kiel Institute" / "https://…") is
    /// the footnote's: it was joined to the next paragraph of 004, whose snippet then began with the address.
    /// </summary>
    [Fact]
    public void A_footnote_web_address_on_its_own_line_stays_out_of_the_text()
    {
        var letter = SeedCorpus.Get("004");

        Assert.DoesNotContain(letter.Passages, p => p.Text.Contains("kielinstitut", StringComparison.Ordinal));
        Assert.Contains(letter.Passages, p => p.Text.Contains("Gezien de noodzaak van steun voor Oekraïne is het belangrijk", StringComparison.Ordinal));
    }

    /// <summary>
    /// A wrapped reference whose number falls on the next line ("… 30821 nr." / "321).") is one sentence: after a short
    /// line ending in "nr." the number was a paragraph of its own, without words, and was dropped.
    /// </summary>
    [Fact]
    public void A_number_after_a_wrapped_abbreviation_continues_the_sentence()
    {
        const string raw = "Den Haag, 11 april 2025\n\n"
            + "Het kabinet heeft de conclusies omarmd in de brief over\nmilitaire mobiliteit van 13 oktober jl. Zie daarvoor de\n"
            + "brief over het spoor (Kamerstukken II 2025-2026 30821 nr.\n321). Daarin staat ook de planning van de werkzaamheden.\n\n"
            + "De conclusies staan in de brief over militaire mobiliteit\n(Kamerstukken II 2025-2026 30821 nr.\n321).\n\n"
            + "Een nieuwe alinea begint hier, met nog een zin over de inzet\nvan het kabinet.\n";

        var letter = new LetterParser().Parse("a.txt", raw);

        Assert.Contains(letter.Passages, p => p.Text.EndsWith("(Kamerstukken II 2025-2026 30821 nr. 321).", StringComparison.Ordinal));
        Assert.Contains(letter.Passages, p => p.Text.Contains("30821 nr. 321). Daarin staat", StringComparison.Ordinal));
    }

    [Fact]
    public void Double_spaced_lines_are_unwrapped_into_paragraphs()
    {
        var so = SeedCorpus.Get("001");
        var intro = so.Passages[0];
        Assert.StartsWith("De leden van de commissie voor Buitenlandse Zaken, Defensie en Ontwikkelingshulp (BDO) hebben met belangstelling", intro.Text, StringComparison.Ordinal);
        Assert.EndsWith("naar aanleiding hiervan een aantal vragen en opmerkingen.", intro.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_label_paragraphs_instead_of_becoming_passages()
    {
        var witboek = SeedCorpus.Get("000");
        var p = Assert.Single(witboek.Passages, x => x.Text.StartsWith("Het kabinet verwelkomt het Witboek", StringComparison.Ordinal));
        Assert.Equal("Kern kabinetsappreciatie", p.Heading);
        Assert.DoesNotContain(witboek.Passages, x => x.Text == "Kern kabinetsappreciatie");

        var web = SeedCorpus.Get("003");
        Assert.Contains(web.Passages, x => x.Heading == "Aanleiding" && x.Text.StartsWith("De geopolitieke veiligheidssituatie", StringComparison.Ordinal));
    }

    /// <summary>
    /// A heading the letter repeats ("Kabinetspositie" under each theme of a kabinetsappreciatie) names a part of the
    /// section above it, so its paragraphs carry both (a QA pass: "kabinetspositie partnerschappen" had no passage with
    /// every word). A heading that occurs once stays as it is.
    /// </summary>
    [Fact]
    public void A_repeated_heading_carries_the_section_heading_above_it()
    {
        var witboek = SeedCorpus.Get("000");

        var partners = Assert.Single(witboek.Passages, x => x.Text.StartsWith("Het kabinet benadrukt het belang van samenwerking met partners", StringComparison.Ordinal));
        var forward = Assert.Single(witboek.Passages, x => x.Text.StartsWith("Het kabinet onderschrijft de call to action", StringComparison.Ordinal));
        var section = Assert.Single(witboek.Passages, x => x.Text.StartsWith("De huidige veiligheidsdreigingen vereisen", StringComparison.Ordinal));

        Assert.Equal("Partnerschappen › Kabinetspositie", partners.Heading);
        Assert.Equal("Weg vooruit › Kabinetspositie", forward.Heading);
        Assert.Equal("Partnerschappen", section.Heading);
        // The letter's five "Kabinetspositie" headings, each under its own theme.
        Assert.Equal(5, witboek.Passages.Where(x => x.Heading?.EndsWith(" › Kabinetspositie", StringComparison.Ordinal) == true).Select(x => x.Heading).Distinct().Count());
    }

    [Fact]
    public void Vraag_antwoord_document_has_one_passage_per_question()
    {
        var so = SeedCorpus.Get("004");
        var qa = so.Passages.Where(p => p.Kind == PassageKind.QuestionAnswer).ToList();
        Assert.True(qa.Count >= 47, $"only {qa.Count} questions");
        var first = qa[0];
        Assert.Equal("1", first.QuestionNumber);
        Assert.Equal("D66", first.Party);
        Assert.Equal("Wat zijn voor het kabinet de rode lijnen waaraan een plan voor een staakt het vuren in Oekraïne moet voldoen?", first.Question);
        Assert.StartsWith("Nederland verwelkomt de Amerikaanse inspanningen", first.Answer, StringComparison.Ordinal);

        var q9 = Assert.Single(qa, p => p.QuestionNumber == "9");
        Assert.Equal("PVV", q9.Party);
        Assert.Equal("Tijdens de RBZ Defensie van 1 december a.s. worden geen raadsconclusies aangenomen.", q9.Answer);

        // "… digitalisering. Vraag 47. Hoe waarborgt …": the glued marker still starts a question.
        Assert.Contains(qa, p => p.QuestionNumber == "47" && p.Question!.StartsWith("Hoe waarborgt de minister", StringComparison.Ordinal));
        Assert.All(qa, p => Assert.NotNull(p.Party));
        Assert.Equal(["BBB", "CDA", "D66", "FVD", "GroenLinks-PvdA", "PVV"], qa.Select(p => p.Party!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Numbered_questions_are_split_from_their_answers_with_sub_questions()
    {
        var so = SeedCorpus.Get("001");
        var answered = so.Passages.Where(p => p.Kind == PassageKind.QuestionAnswer && p.Answer is not null).ToList();
        Assert.True(answered.Count >= 30, $"only {answered.Count} answered questions");
        var vvd1b = Assert.Single(answered, p => p.QuestionNumber == "1b" && p.Party == "VVD");
        Assert.Equal("Hoe draagt dit een NAVO geïntegreerde benadering van dit vraagstuk?", vvd1b.Question);
        Assert.StartsWith("Een hechte trans-Atlantische relatie", vvd1b.Answer, StringComparison.Ordinal);

        var bbb4 = Assert.Single(answered, p => p.QuestionNumber == "4" && p.Party == "BBB");
        Assert.EndsWith("(olie en gas)?", bbb4.Question, StringComparison.Ordinal);
        Assert.Contains("begin 2026 aan te bieden voor parlementaire behandeling", bbb4.Answer, StringComparison.Ordinal);

        // The members' own remark after their question belongs to the question.
        var pvdd1 = Assert.Single(answered, p => p.QuestionNumber == "1" && p.Party == "PvdD");
        Assert.EndsWith("als het om defensie gaat.", pvdd1.Question, StringComparison.Ordinal);
        Assert.StartsWith("Defensie moet zorgen", pvdd1.Answer, StringComparison.Ordinal);
        Assert.Equal(["BBB", "D66", "PvdD", "VVD"], so.Passages.Where(p => p.Party is not null).Select(p => p.Party!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Markdown_bold_questions_carry_party_and_no_number_the_letter_does_not_print()
    {
        var nota = SeedCorpus.Get("002");
        var qa = nota.Passages.Where(p => p.Kind == PassageKind.QuestionAnswer).ToList();
        Assert.Equal(14, qa.Count);
        // The letter numbers none of its questions: a count of them was shown as "Vraag 13 van de leden van de
        // GroenLinks-PvdA-fractie" (a QA pass), and "vraag 13" found it.
        Assert.All(qa, p => Assert.Null(p.QuestionNumber));
        Assert.Equal("BBB", qa[0].Party);
        Assert.Equal("GroenLinks-PvdA", qa[^1].Party);
        Assert.All(qa, p => Assert.False(string.IsNullOrEmpty(p.Answer)));
        // A question without an "Antwoord" line is still split from its answer.
        var q12 = qa[11];
        Assert.EndsWith("op dit leerpunt van de oorlog in Oekraïne?", q12.Question, StringComparison.Ordinal);
        Assert.StartsWith("Het aanleggen en onderhouden van voorraden", q12.Answer, StringComparison.Ordinal);
    }

    private static List<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\bBRIEF VAN DE\b")]
    private static partial Regex ShoutingHeader();
}
