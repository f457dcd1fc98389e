namespace Briefingbot.Cards;

/// <summary>Dates as Dutch readers write them ("11 april 2025"), independent of the server's culture data.</summary>
public static class DutchDates
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string FormatOrUnknown(DateOnly? date) => date is { } d ? Format(d) : "datum onbekend";

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
