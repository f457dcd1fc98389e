using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Text;

/// <summary>
/// The one place for Dutch dates: month and weekday names, parsing what letters and users write
/// ("11 april 2025", "24 nov. 2025", "2025-11-24") and formatting what readers see ("maandag 1 december 2025").
/// Culture-independent on purpose: the server's culture data never changes a card.
/// </summary>
/// <remarks>
/// A month word must be a whole token from the table below: "mrt" and "sept." are months, "maar" ("but") and
/// "jan" inside "Jansen" are not. No prefix matching.
/// </remarks>
public static partial class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] ShortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    private static readonly string[] ShortWeekdays = ["zo", "ma", "di", "wo", "do", "vr", "za"];

    private static readonly Dictionary<string, int> MonthWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["jan"] = 1, ["january"] = 1,
        ["februari"] = 2, ["feb"] = 2, ["febr"] = 2, ["february"] = 2,
        ["maart"] = 3, ["mrt"] = 3, ["mar"] = 3, ["march"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["jun"] = 6, ["june"] = 6,
        ["juli"] = 7, ["jul"] = 7, ["july"] = 7,
        ["augustus"] = 8, ["aug"] = 8, ["august"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10, ["oct"] = 10, ["october"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Regex alternation of the full Dutch month names (for extractors that must not read "jan" in a name as January).</summary>
    public const string MonthPattern = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

    /// <summary>Regex of a full or abbreviated Dutch month, whole word, optional dot ("mrt.", "sept", "november").</summary>
    public const string MonthOrAbbreviationPattern =
        "(?:" + MonthPattern + "|jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\b\\.?";

    /// <summary>The full Dutch month names, January first.</summary>
    public static IReadOnlyList<string> MonthNames => Months;

    // ---- parsing ----

    /// <summary>Month number (1-12) for a whole Dutch (or English) month name or abbreviation, with or without a dot; else null.</summary>
    public static int? Month(string word)
    {
        var w = word.Trim().TrimEnd('.');
        return MonthWords.TryGetValue(w, out var m) ? m : null;
    }

    /// <summary>Same as <see cref="Month"/> (the name search queries use).</summary>
    public static int? ParseMonth(string word) => Month(word);

    /// <summary>Builds a date when the parts form a real calendar day; null otherwise (never throws).</summary>
    public static DateOnly? Create(int year, int month, int day)
    {
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>Finds "11 april 2025" or "24 nov. 2025" (day, Dutch month, year) in <paramref name="text"/>, or null.</summary>
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

    /// <summary>Dutch (and English) weekday names and short forms: "maandag", "ma", "monday".</summary>
    public static bool TryParseWeekday(string text, out DayOfWeek day)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < 7; i++)
        {
            var dutch = Weekdays[i];
            var english = ((DayOfWeek)i).ToString().ToLowerInvariant();
            if (t == dutch || t == english || t == english[..3] || t == ShortWeekdays[i])
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

    /// <summary>
    /// Accepts "2025-11-24", "24-11-2025", "24/11/2025", "24 november 2025" and "24 nov. 2025", from 1900 to 2199
    /// (see <see cref="IsInRange"/>).
    /// </summary>
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
        if (m.Success && Month(m.Groups["month"].Value) is { } month &&
            int.TryParse(m.Groups["day"].Value, CultureInfo.InvariantCulture, out var day) &&
            int.TryParse(m.Groups["year"].Value, CultureInfo.InvariantCulture, out var year) &&
            year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
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

    // ---- formatting ----

    /// <summary>"1 december 2025".</summary>
    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"maandag 1 december 2025".</summary>
    public static string FormatWithWeekday(DateOnly date) => $"{WeekdayName(date.DayOfWeek)} {Format(date)}";

    /// <summary>"ma 1 dec": compact, for narrow columns.</summary>
    public static string FormatShort(DateOnly date) => $"{ShortWeekdays[(int)date.DayOfWeek]} {date.Day} {ShortMonths[date.Month - 1]}";

    /// <summary>"juli 2026": a month-precise date, never a made-up day.</summary>
    public static string FormatMonth(DateOnly date) => $"{Months[date.Month - 1]} {date.Year}";

    /// <summary>"1 december 2025", or "datum onbekend".</summary>
    public static string FormatOrUnknown(DateOnly? date) => date is { } d ? Format(d) : "datum onbekend";

    /// <summary>
    /// A letter's date, or for a letter without one what is known: that it precedes the meeting its title names
    /// ("eind november 2025, vóór de RBZ Defensie van 1 december 2025"). Never an exact date that the letter does not state.
    /// </summary>
    public static string FormatOrBound(DateOnly? date, string? meeting, DateOnly? meetingDate)
    {
        if (date is { } d)
        {
            return Format(d);
        }
        if (meetingDate is not { } m)
        {
            return "datum onbekend";
        }
        // Papers for a meeting (annotated agenda, written consultation) come in the weeks before it.
        var month = m.Day <= 10 ? m.AddMonths(-1) : m;
        var when = (m.Day <= 10 ? "eind " : "") + FormatMonth(month);
        var what = string.IsNullOrWhiteSpace(meeting) ? "de vergadering" : "de " + meeting;
        return $"{when}, vóór {what} van {Format(m)}";
    }

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

    /// <summary>"maandag".</summary>
    public static string WeekdayName(DayOfWeek day) => Weekdays[(int)day];

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>" + MonthOrAbbreviationPattern + @")\s*(?<year>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<day>\d{1,2})\s+(?<month>[a-zA-Z]+\.?)\s+(?<year>\d{4})$")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^\d{1,2}\s+[a-zA-Z]+\.?\s+\d{4}(?=\s|$)")]
    private static partial Regex LeadingWrittenDate();
}
