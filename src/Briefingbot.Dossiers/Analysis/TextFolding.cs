using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// The one diacritic folding: lower case, then exactly what the analyzer's <see cref="ASCIIFoldingFilter"/> does
/// ("Oekraïne" → "oekraine", "ß" → "ss", "æ" → "ae", "ø" → "o", "ł" → "l", "ﬁ" → "fi"), so a word folded outside the
/// Lucene chain (word lists, prefixes, commands) matches the indexed term.
/// </summary>
public static class TextFolding
{
    public static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        try
        {
            // Compose first: the filter maps precomposed letters ("ï"), and typed text may carry "i" + U+0308.
            lower = lower.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // lone surrogates or non-characters: fold what can be folded, char by char
        }
        var input = lower.ToCharArray();
        // The filter's own bound: one char folds to at most four ("⑽" → "(10)").
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Combining marks the composition left standing (no precomposed form) carry no letter of their own.
            if (CharUnicodeInfo.GetUnicodeCategory(output[i]) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(output[i]);
            }
        }
        return builder.ToString();
    }
}
