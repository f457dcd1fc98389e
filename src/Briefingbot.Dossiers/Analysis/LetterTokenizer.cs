using System.Text;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Splits text into words of letters and digits, keeping hyphens inside the word ("defensie-industrie",
/// "counter-drone", "21501-28") so that <see cref="HyphenatedWordFilter"/> can index both the whole and its parts.
/// Everything else (punctuation, Lucene syntax characters, emoji) separates words, which is why query junk such as
/// <c>title:*</c> or <c>/.*/</c> can never reach a query parser as syntax.
/// </summary>
internal sealed class LetterTokenizer : CharTokenizer
{
    public LetterTokenizer(TextReader input)
        : base(LuceneVersion.LUCENE_48, input)
    {
    }

    protected override bool IsTokenChar(int c)
    {
        if (c < 0x80)
        {
            // '%' is a word of its own ("procent"), split off by PercentFilter; a comma or point stays only inside a
            // number (NumberPunctuationFilter splits at the others).
            // An apostrophe or ampersand stays in the word for ApostropheFilter, which cuts at it or drops an "'s".
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '%' or ',' or '.' or '\'' or '&';
        }

        // Non-breaking hyphen and hyphen (U+2010/2011) behave like '-' inside words; the typographic apostrophe
        // (U+2019) like '\''.
        if (c is 0x2010 or 0x2011 or 0x2019)
        {
            return true;
        }

        // Variation selectors (emoji presentation, "✈️" is "✈" + U+FE0F) are marks that belong to no word: alone they
        // would be one, and a query with an emoji a word that nothing matches.
        if (!Rune.IsValid(c) || c is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF))
        {
            return false;
        }

        var rune = new Rune(c);
        // Combining marks keep decomposed diacritics ("i" + U+0308) inside the word.
        return Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.NonSpacingMark;
    }

    protected override int Normalize(int c) => c is 0x2010 or 0x2011 ? '-' : c;
}
