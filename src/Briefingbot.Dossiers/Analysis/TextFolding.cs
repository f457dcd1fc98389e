using System.Globalization;
using System.Text;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>Lower-cases and strips diacritics from a word outside the Lucene chain (word lists, suggestions).</summary>
internal static class TextFolding
{
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
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
