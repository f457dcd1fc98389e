using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Letters;

/// <summary>Abbreviations a letter defines ("Europees Defensiefonds (EDF)"): the pairs found, and what is not one.</summary>
public sealed class AbbreviationsTests
{
    [Theory]
    [InlineData("Nederland draagt bij aan het Europees Defensiefonds (EDF) en aan andere fondsen.", "EDF", "Europees Defensiefonds")]
    [InlineData("Via het NAVO Defensieplanningsproces (NDPP) worden doelen verdeeld.", "NDPP", "NAVO Defensieplanningsproces")]
    [InlineData("De Europese Defensie Technologische en Industriële Basis (EDTIB) moet groeien.", "EDTIB", "Europese Defensie Technologische en Industriële Basis")]
    [InlineData("Het Europees Defensie-Industrieprogramma (EDIP) is aangenomen.", "EDIP", "Europees Defensie-Industrieprogramma")]
    [InlineData("Met de Wet op de Defensiegereedheid (WODG) wordt dit geregeld.", "WODG", "Wet op de Defensiegereedheid")]
    [InlineData("Munitie wordt via het *NATO Support and Procurement Agency* (NSPA) gekocht.", "NSPA", "NATO Support and Procurement Agency")]
    [InlineData("Dit gebeurt in Permanent Structured Cooperation (*PESCO*) verband.", "PESCO", "Permanent Structured Cooperation")]
    public void A_defined_abbreviation_is_found_with_its_long_form(string text, string shortForm, string longForm)
    {
        var found = Abbreviations.Find(text);

        Assert.Equal([(shortForm, longForm)], found);
    }

    [Theory]
    [InlineData("Zie de bijlage (zie bijlage 2) voor het overzicht.")]
    [InlineData("Het kabinet heeft dit eerder gemeld (2025).")]
    [InlineData("De minister (VVD) beantwoordt de vragen.")]
    [InlineData("Samen met de NAVO-bondgenoten en EU-partners voor collectieve verdediging (NAVO) werken we samen.")]
    [InlineData("De Europese Rapid Alert System en Industriële Basis (EDTIB) worden genoemd.")]
    [InlineData("(EDF) staat aan het begin van de zin.")]
    public void Parentheses_that_define_nothing_give_no_pair(string text)
    {
        Assert.Empty(Abbreviations.Find(text));
    }

    [Fact]
    public void A_long_text_of_many_parentheses_is_read_in_one_pass()
    {
        // 20,000 parentheses in one 1.3 MB paragraph: each is read with the text just before it, not all of it before.
        var text = string.Concat(Enumerable.Repeat("Het Europees Defensiefonds (EDF) en de kosten (ca. 2025) en meer ", 20_000));
        var reads = 0;

        var found = Abbreviations.Find(text, onRead: length => reads += length);

        Assert.Equal([("EDF", "Europees Defensiefonds")], found);
        Assert.True(reads < 40_000 * 500, $"{reads:N0} characters read");
    }

    [Fact]
    public void A_pair_is_found_once_however_often_it_is_defined()
    {
        var text = "Het Europees Defensiefonds (EDF) helpt. Later: het Europees Defensiefonds (EDF) helpt weer. En het Europees Defensie Agentschap (EDA).";

        Assert.Equal([("EDF", "Europees Defensiefonds"), ("EDA", "Europees Defensie Agentschap")], Abbreviations.Find(text));
    }

    [Fact]
    public void Keys_are_folded_and_typed_words_map_to_the_head_of_their_keys()
    {
        var key = Abbreviations.Key("EDTIB", "Europese Defensie Technologische en\n  Industriële Basis");

        Assert.Equal("edtib\u001feuropese defensie technologische en industriele basis", key);
        Assert.StartsWith(Abbreviations.ShortFormOf("EdTIB")! + Abbreviations.Separator, key, StringComparison.Ordinal);
        Assert.Null(Abbreviations.ShortFormOf("x"));
        Assert.Null(Abbreviations.ShortFormOf("navo/eu"));
        Assert.Null(Abbreviations.ShortFormOf("2025"));
        Assert.Equal("europese defensie technologische en industriele basis",
            Abbreviations.LongFormOf(["Europese", "Defensie", "Technologische", "en", "Industriële", "Basis"]));
        Assert.Null(Abbreviations.LongFormOf(["Defensiefonds"]));
        Assert.StartsWith(Abbreviations.LongFormOf(["europees", "defensiefonds"])! + Abbreviations.Separator,
            Abbreviations.LongFormKey("EDF", "Europees Defensiefonds"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_letters_define_their_common_abbreviations()
    {
        // As the ingest reads them: passage by passage of the parsed letters.
        var pairs = SeedCorpus.All
            .SelectMany(l => l.Passages)
            .SelectMany(p => Abbreviations.Find(p.Text))
            .Select(p => (p.Short, Abbreviations.Normalize(p.Long)))
            .ToHashSet();

        Assert.Contains(("EDF", "europees defensiefonds"), pairs);
        Assert.Contains(("PESCO", "permanent structured cooperation"), pairs);
        Assert.Contains(("PCA", "prioritised capability area"), pairs);
        Assert.Contains(("EDTIB", "europese defensie technologische en industriele basis"), pairs);
        Assert.Contains(("NSPA", "nato support and procurement agency"), pairs);
        // Found inside words from a joining word ("en Industriële Basis"), and the short form inside its own long form
        // ("NAVO-bondgenoten ... (NAVO)"): both refused.
        Assert.DoesNotContain(pairs, p => p.Item2.StartsWith("en ", StringComparison.Ordinal));
        Assert.DoesNotContain(pairs, p => p.Short == "NAVO");
        Assert.True(pairs.Count >= 50, $"{pairs.Count} pairs");
    }
}
