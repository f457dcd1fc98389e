using System.Globalization;
using System.Text;

namespace Briefingbot.Dossiers.Index;

/// <summary>Normalisation of filter values, applied identically when indexing and when filtering.</summary>
public static class FilterValues
{
    /// <summary>"21 501-28", "21501-28 " → "21501-28"; "36 410 X" → "36410X".</summary>
    public static string NormalizeDossier(string dossier)
    {
        var builder = new StringBuilder(dossier.Length);
        foreach (var c in dossier)
        {
            if (!char.IsWhiteSpace(c) && c != '\u00A0')
            {
                builder.Append(char.ToUpperInvariant(c is '–' or '—' ? '-' : c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Document type and chamber compare case-insensitively and ignore surrounding space.</summary>
    public static string NormalizeLabel(string value) => value.Trim().ToLowerInvariant();

    /// <summary>Dates as sortable numbers (yyyyMMdd) for range filters.</summary>
    public static int DateNumber(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The "dossier-nr" key ("22112-4027") by which chat users refer to a Kamerstuk.</summary>
    public static string? DossierNumberKey(string? dossier, string? number) =>
        dossier is null || number is null ? null : NormalizeDossier(dossier) + "-" + NormalizeDossier(number);
}
