namespace Briefingbot.Cards;

/// <summary>Dates as Dutch readers write them ("11 april 2025"), independent of the server's culture data.</summary>
public static class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

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
        var when = (m.Day <= 10 ? "eind " : "") + $"{Months[month.Month - 1]} {month.Year}";
        var what = string.IsNullOrWhiteSpace(meeting) ? "de vergadering" : "de " + meeting;
        return $"{when}, vóór {what} van {Format(m)}";
    }

    /// <summary>Month number (1-12) for a Dutch or English month name or abbreviation, else null.</summary>
    public static int? ParseMonth(string word)
    {
        var w = word.Trim('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return null;
        }
        for (int i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(w, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return w switch
        {
            "january" => 1, "february" => 2, "march" => 3, "may" => 5, "june" => 6, "july" => 7,
            "august" => 8, "october" => 10, _ => null,
        };
    }
}
