using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Text;

namespace Briefingbot.Kernel.Cli;

/// <summary>
/// Dates on the command line must be unambiguous: ISO (<c>2025-02-01</c>) or with the month in Dutch
/// (<c>1 februari 2025</c>, <c>1 feb. 2025</c>), both read by <see cref="DutchDates"/>. Numeric forms that do not
/// start with the year (<c>01/02/2025</c>, <c>01-02-2025</c>) are refused: 1 February to a Dutch reader, 2 January to
/// an American one.
/// </summary>
public static partial class CliDates
{
    /// <summary>The accepted forms, for help texts.</summary>
    public const string Formats = "year-month-day as 2025-02-01, or 1 februari 2025";

    /// <summary>The date, or null with <paramref name="error"/> saying what to write instead.</summary>
    public static DateOnly? Parse(string text, out string? error)
    {
        var t = text.Trim();
        error = null;
        if (YearFirst().IsMatch(t) || HasLetters().IsMatch(t))
        {
            if (DutchDates.TryParse(t, out var date))
            {
                return date;
            }
            error = DutchDates.IsOutOfRange(t)
                ? $"'{text}' is outside {DutchDates.Earliest:yyyy}-{DutchDates.Latest:yyyy}."
                : $"'{text}' is not a date; write {Formats}.";
            return null;
        }
        if (DayMonthYear().Match(t) is { Success: true } m)
        {
            var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var dayFirst = DutchDates.Create(year, b, a);
            var monthFirst = DutchDates.Create(year, a, b);
            error = (dayFirst, monthFirst) switch
            {
                ({ } d, { } us) when d != us =>
                    $"'{text}' is ambiguous: {Iso(d)} or {Iso(us)}? Write year-month-day ({Iso(d)}) or the month in Dutch ({DutchDates.Format(d)}).",
                ({ } d, _) => $"'{text}': write year-month-day ({Iso(d)}) or the month in Dutch ({DutchDates.Format(d)}); day and month in numbers first are ambiguous.",
                (null, { } us) => $"'{text}': write year-month-day ({Iso(us)}) or the month in Dutch ({DutchDates.Format(us)}); day and month in numbers first are ambiguous.",
                _ => $"'{text}' is not a date; write {Formats}.",
            };
            return null;
        }
        error = $"'{text}' is not a date; write {Formats}.";
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex HasLetters();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.\-](?<b>\d{1,2})[/.\-](?<year>\d{4})$")]
    private static partial Regex DayMonthYear();
}
