using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// The Dutch analysis chain used at index time and at query time alike:
/// words (hyphens, and a number's decimal comma or point, kept) → an "'s" ending dropped, "R&amp;D" one word (<see cref="ApostropheFilter"/>) → "%" read as the word "procent" →  whole + parts of hyphenated words → the numeral "één" and stop words in capitals ("ER") marked to keep (<see cref="KeptStopWordFilter"/>) → lower case → ASCII folding ("Oekraïne" = "Oekraine")
/// → separable verbs written apart joined ("op te schalen" also "opschalen", <see cref="SeparableVerbFilter"/>) → Dutch stop words → compound parts from a small dictionary ("dronebestrijding" also yields "drone",
/// "bestrijding"; stacked at the same position) → "-es"/"-ies" plurals to singular ("drones", "sancties") → Snowball Dutch stemmer ("drones" = "drone", "investeringen" =
/// "investering") → stems mended where Snowball leaves plural and singular apart ("grondstoffen" = "grondstof",
/// "brieven" = "brief"). The word-pair fields (<see cref="AdjacentPairsFilter.PairsFieldOf"/>) end with the pairs
/// of adjacent terms instead (<see cref="AdjacentPairsFilter"/>).
/// </summary>
/// <remarks>
/// Components are reused per field, not globally: the word-pair fields end with another filter, and a globally
/// reused chain would give every field the chain of whichever field was analysed first.
/// Folding runs before stemming on purpose: the Snowball Dutch stemmer treats accented vowels specially, and a user
/// who types "Oekraine" must land on the same stem as the text's "Oekraïne".
/// </remarks>
/// <param name="compounds">False leaves out the compound-part step: the same terms for every whole word, at a
/// fraction of the cost. Only for highlighting, which looks for compound parts separately (<c>SnippetBuilder</c>);
/// the index and its queries always use the full chain.</param>
public sealed class DutchLetterAnalyzer(bool compounds = true) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new LetterTokenizer(reader);
        TokenStream stream = new ApostropheFilter(tokenizer);
        stream = new NumberPunctuationFilter(stream);
        stream = new PercentFilter(stream);
        stream = new HyphenatedWordFilter(stream);
        stream = new KeptStopWordFilter(stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SeparableVerbFilter(stream);
        stream = new StopFilterKeepingMarked(stream, DutchWordLists.StopWords);
        if (compounds)
        {
            stream = new DictionaryCompoundWordTokenFilter(
                LuceneVersion.LUCENE_48, stream, DutchWordLists.CompoundParts,
                minWordSize: 8, minSubwordSize: 5, maxSubwordSize: 20, onlyLongestMatch: true);
        }
        stream = new LoanwordPluralFilter(stream);
        stream = new SnowballFilter(stream, new DutchStemmer());
        stream = new DutchStemNormalizationFilter(stream);
        // A dictionary word on its own ("oekraine") is also its own compound part; keep one term per position.
        stream = new RemoveDuplicatesTokenFilter(stream);
        if (AdjacentPairsFilter.IsPairsField(fieldName))
        {
            stream = new AdjacentPairsFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
