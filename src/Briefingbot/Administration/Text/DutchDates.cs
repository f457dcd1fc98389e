using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefingbot.Administration.Text;

/// <summary>Dutch date words: parsing what users type and formatting what they read. Culture-independent on purpose.</summary>
public static partial class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    /// <summary>"1 december 2025".</summary>
    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"maandag 1 december 2025".</summary>
    public static string FormatWithWeekday(DateOnly date) => $"{WeekdayName(date.DayOfWeek)} {Format(date)}";

    /// <summary>"1–2 december 2025", "30 november – 1 december 2025" or a single date.</summary>
    public static string FormatRange(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            return Format(start);
        }
        if (start.Year == end.Year && start.Month == end.Month)
        {
            return $"{start.Day}–{end.Day} {Months[end.Month - 1]} {end.Year}";
        }
        return start.Year == end.Year
            ? $"{start.Day} {Months[start.Month - 1]} – {Format(end)}"
            : $"{Format(start)} – {Format(end)}";
    }

    /// <summary>"24 november 2026 08:15" (the moment as given, in its own offset).</summary>
    public static string FormatMoment(DateTimeOffset moment) =>
        $"{Format(DateOnly.FromDateTime(moment.DateTime))} {moment.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string WeekdayName(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>Dutch (and English) weekday names and short forms: "maandag", "ma", "monday".</summary>
    public static bool TryParseWeekday(string text, out DayOfWeek day)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < 7; i++)
        {
            var dutch = Weekdays[i];
            var english = ((DayOfWeek)i).ToString().ToLowerInvariant();
            if (t == dutch || t == english || t == english[..3] || (t.Length == 2 && dutch.StartsWith(t, StringComparison.Ordinal)))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }
        day = default;
        return false;
    }

    /// <summary>The first day a command accepts: earlier (or later than <see cref="Latest"/>) is a typo, and day arithmetic near DateOnly's ends overflows.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The last day a command accepts.</summary>
    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>The Dutch hint for a date outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public const string RangeHint = "kies een datum tussen 1900 en 2199";

    public static bool IsInRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Accepts "2025-11-24", "24-11-2025", "24/11/2025" and "24 november 2025", from 1900 to 2199 (see <see cref="IsInRange"/>).</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        if (TryParseAnyYear(text, out date) && IsInRange(date))
        {
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed date outside the accepted range (for a clearer message).</summary>
    public static bool IsOutOfRange(string text) => TryParseAnyYear(text, out var date) && !IsInRange(date);

    private static bool TryParseAnyYear(string text, out DateOnly date)
    {
        var t = text.Trim().TrimEnd('.', ',');
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d", "d-M-yyyy", "dd-MM-yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        var m = WrittenDate().Match(t);
        if (m.Success)
        {
            var month = Array.IndexOf(Months, m.Groups["month"].Value.ToLowerInvariant()) + 1;
            if (month > 0 && int.TryParse(m.Groups["day"].Value, CultureInfo.InvariantCulture, out var day) &&
                int.TryParse(m.Groups["year"].Value, CultureInfo.InvariantCulture, out var year) &&
                day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }
        }
        date = default;
        return false;
    }

    /// <summary>
    /// Finds a date at the start of <paramref name="text"/> (ISO, numeric or written, e.g. "1 december 2025 RBZ") and
    /// returns the rest; for parsers of command arguments.
    /// </summary>
    public static bool TryParseLeading(string text, out DateOnly date, out string rest)
    {
        var t = text.TrimStart();
        var written = LeadingWrittenDate().Match(t);
        if (written.Success && TryParse(written.Value, out date))
        {
            rest = t[written.Length..].Trim();
            return true;
        }
        var token = t.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (token.Length > 0 && TryParse(token[0], out date))
        {
            rest = token.Length > 1 ? token[1].Trim() : "";
            return true;
        }
        date = default;
        rest = text;
        return false;
    }

    [GeneratedRegex(@"^(?<day>\d{1,2})\s+(?<month>[a-zA-Z]+)\s+(?<year>\d{4})$")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^\d{1,2}\s+[a-zA-Z]+\s+\d{4}(?=\s|$)")]
    private static partial Regex LeadingWrittenDate();
}
