using Briefingbot.Dossiers.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Tests.Analysis;

/// <summary>
/// The one folding (issue 17, item 2) must agree with the analyzer's chain (LowerCaseFilter then ASCIIFoldingFilter),
/// or a word list or prefix folded outside Lucene misses the indexed term.
/// </summary>
public class TextFoldingTests
{
    public static TheoryData<string> Words() =>
    [
        "Oekraïne", "België", "coördinatie", "reëel", "Curaçao", "café", "Žižka", "Škoda", "Łódź", "Gdańsk",
        "Straße", "Æbleskiver", "Ørsted", "Søren", "ﬁnanciën", "ﬂexibel", "Œuvre", "Þórshöfn", "Đakovo", "İstanbul",
        "naïef", "ideeën", "Zürich", "Ålesund", "façade", "Müller", "Brønnøysund", "Kraków", "Ærø", "Āžuolas", "ĳzer",
        "Oekrai\u0308ne", "EU-landen", "Noord-Macedonië", "ß", "æ", "ø", "ł",
    ];

    [Theory]
    [MemberData(nameof(Words))]
    public void Fold_agrees_with_the_analyzers_ascii_folding(string word) =>
        Assert.Equal(AnalyzerFold(word), TextFolding.Fold(word));

    [Theory]
    [InlineData("Oekraïne", "oekraine")]
    [InlineData("Oekrai\u0308ne", "oekraine")]
    [InlineData("Straße", "strasse")]
    [InlineData("ﬁnanciën", "financien")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Æbleskiver", "aebleskiver")]
    public void Fold_lowers_and_strips_to_ascii(string word, string folded) => Assert.Equal(folded, TextFolding.Fold(word));

    [Fact]
    public void A_lone_surrogate_does_not_throw() => Assert.Equal("a\uD800b", TextFolding.Fold("A\uD800B"));

    private static string AnalyzerFold(string word)
    {
        // Composed first, as typed text and letters come in; the chain itself is the analyzer's.
        using var reader = new StringReader(word.Normalize(System.Text.NormalizationForm.FormC));
        using TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, new KeywordTokenizer(reader)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        var result = term.ToString();
        stream.End();
        return result;
    }
}
