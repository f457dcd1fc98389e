using Briefingbot.Dossiers.Text;
using System.Globalization;

namespace Briefingbot.Registers.Meetings;

/// <summary>What the meeting register holds: how many meetings (not cancelled), from the first to the last date.</summary>
public sealed record MeetingCoverage(int Count, DateOnly? First, DateOnly? Last)
{
    public static MeetingCoverage Empty { get; } = new(0, null, null);

    /// <summary>The first meeting's start after the period asked for, when the register holds one.</summary>
    public DateOnly? NextAfterPeriod { get; init; }

    /// <summary>
    /// The Dutch note shown instead of a bare "Geen vergaderingen in deze periode" (issue 14, item 8): what the register
    /// covers, and what to do — another period, a <c>--per</c> date, or an agenda import.
    /// </summary>
    /// <param name="command">The command that offers the period and --per ("vergaderingen", "briefing").</param>
    public string EmptyNote(DateOnly from, DateOnly to, string command = "vergaderingen")
    {
        var period = $"Geen vergaderingen van {DutchDates.Format(from)} tot en met {DutchDates.Format(to)}.";
        const string import = "Een beheerder kan vergaderingen toevoegen met `agenda importeer` en de link van een agenda (.ics).";
        if (Count == 0 || First is not { } first || Last is not { } last)
        {
            return $"{period} Het register is nog leeg: vergaderingen komen uit de brieven en uit een agenda-import. {import}";
        }
        var where = last < from ? " De laatste ligt vóór deze periode."
            : first > to ? " De eerste ligt na deze periode."
            : "";
        var iso = CultureInfo.InvariantCulture;
        var per = last < from ? last.AddDays(-7) : first > to ? first.AddDays(-7) : from;
        // The range offered must be one the command takes (at most two years; a QA pass was offered 2020-2026 and then
        // refused): the two years nearest the asked period.
        var rangeStart = last.DayNumber - first.DayNumber <= MeetingPeriod.MaxDays ? first
            : last < from ? last.AddDays(-MeetingPeriod.MaxDays)
            : first > to ? first
            : DateOnly.FromDayNumber(Math.Max(first.DayNumber, from.DayNumber - MeetingPeriod.MaxDays / 2));
        var rangeEnd = DateOnly.FromDayNumber(Math.Min(last.DayNumber, rangeStart.DayNumber + MeetingPeriod.MaxDays));
        var range = $"`vergaderingen {rangeStart.ToString("yyyy-MM-dd", iso)} tot {rangeEnd.ToString("yyyy-MM-dd", iso)}`";
        var asOf = $"`{command} --per {per.ToString("yyyy-MM-dd", iso)}`";
        // The meetings view as of a day before the register's first meeting knows none of them (they come from later
        // letters): that offer led back to this note (a QA pass). It is made only where the register lies before the period.
        var offers = command != "vergaderingen" ? asOf : last < from ? $"{range} of {asOf}" : range;
        if (command == "vergaderingen" && NextAfterPeriod is { } next && next > to)
        {
            // A meeting soon after the period: that one, not a window of two years (a QA pass: `vergaderingen deze week`
            // offered the past year while a meeting was planned next week).
            where = $" De eerstvolgende is op {DutchDates.Format(next)}.";
            offers = $"`vergaderingen {next.ToString("yyyy-MM-dd", iso)} tot {next.AddDays(30).ToString("yyyy-MM-dd", iso)}`";
        }
        return $"{period} Het register kent {Count} {(Count == 1 ? "vergadering" : "vergaderingen")}, van {DutchDates.Format(first)} tot en met {DutchDates.Format(last)}.{where} "
            + $"Bekijk ze met {offers}. {import}";
    }
}
