using System.Globalization;
using System.Text;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>Lower-cases and strips diacritics from a word outside the Lucene chain (word lists, prefixes).</summary>
internal static class TextFolding
{
    public static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        string decomposed;
        try
        {
            decomposed = lower.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return lower; // lone surrogates or non-characters: nothing to fold
        }
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
