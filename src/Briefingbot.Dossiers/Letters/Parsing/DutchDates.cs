using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>Dutch month names and date phrases ("11 april 2025", "2022-12-22").</summary>
public static partial class DutchDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["feb"] = 2, ["febr"] = 2,
        ["maart"] = 3, ["mrt"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5,
        ["juni"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["jul"] = 7,
        ["augustus"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Regex alternation of the full Dutch month names (longest first).</summary>
    public const string MonthPattern = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

    /// <summary>Month number for a Dutch month name or abbreviation, or null.</summary>
    public static int? Month(string name) => Months.TryGetValue(name.Trim().TrimEnd('.'), out var m) ? m : null;

    /// <summary>Builds a date when the parts form a real calendar day; null otherwise (never throws).</summary>
    public static DateOnly? Create(int year, int month, int day)
    {
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>Parses "11 april 2025" (day, Dutch month, year), or null.</summary>
    public static DateOnly? ParseDayMonthYear(string text)
    {
        var m = DayMonthYear().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var month = Month(m.Groups["month"].Value);
        return month is null ? null : Create(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month.Value, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses an ISO date "2022-12-22", or null.</summary>
    public static DateOnly? ParseIso(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>" + MonthPattern + @")\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();
}
