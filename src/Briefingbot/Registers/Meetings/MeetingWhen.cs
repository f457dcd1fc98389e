using Briefingbot.Dossiers.Text;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// How a meeting's date reads, at the precision it is known: a day ("maandag 1 december 2025"), a range
/// ("26–27 juni 2025"), a month ("juli 2023": never a made-up day), or days inferred from the summit table, marked as such.
/// Shared by the meetings card, the briefing and the calendar feed.
/// </summary>
public static class MeetingWhen
{
    public static string Format(DateOnly start, DateOnly end, DatePrecision precision, string? source) => precision switch
    {
        DatePrecision.Month => Month(start),
        DatePrecision.Inferred => Days(start, end) + InferredNote(source),
        _ => Days(start, end),
    };

    /// <summary>"juli 2023".</summary>
    public static string Month(DateOnly date) => DutchDates.FormatMonth(date);

    /// <summary>" (afgeleid uit de lijst van NAVO-toppen)": the days are not in the letter.</summary>
    public static string InferredNote(string? source) =>
        source == NatoSummits.Source ? " (afgeleid uit de lijst van NAVO-toppen)" : " (afgeleid)";

    private static string Days(DateOnly start, DateOnly end) =>
        end > start ? DutchDates.FormatRange(start, end) : DutchDates.FormatWithWeekday(start);

    /// <summary>"over 5 dagen", or for a month-precise meeting "deze maand" / "in juli 2026": no day count from a made-up day.</summary>
    public static string Ahead(DateOnly start, DatePrecision precision, DateOnly today)
    {
        if (precision == DatePrecision.Month)
        {
            return start.Year == today.Year && start.Month == today.Month ? "deze maand, dag nog onbekend" : "dag nog onbekend";
        }
        var days = start.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => "al begonnen",
            0 => "vandaag",
            1 => "morgen",
            _ => $"over {days} dagen",
        };
    }
}
