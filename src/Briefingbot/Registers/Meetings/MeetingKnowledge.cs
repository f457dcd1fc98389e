using Briefingbot.Storage;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// What the meeting register knew on a given day, for the views "as it stood" (<c>--per</c>) and the briefing: one rule
/// for both (a QA pass found <c>briefing --per 2025-11-24</c> naming a meeting known only from a letter written after
/// that day, and an admin's change of today erasing a meeting from every view of the past).
/// </summary>
public static class MeetingKnowledge
{
    /// <summary>
    /// Whether <paramref name="meeting"/> was on the books on <paramref name="day"/>: one cancelled (or replaced) later
    /// still was; one an admin added or imported later was not yet. An extracted meeting is known from its letters
    /// (<see cref="LetterKnownOn"/>).
    /// </summary>
    public static bool OnTheBooks(MeetingRecord meeting, DateOnly day) =>
        (!meeting.Cancelled || DayOf(meeting.UpdatedAt) > day)
        && (meeting.Origin == MeetingOrigin.Extracted || DayOf(meeting.CreatedAt) <= day);

    /// <summary>
    /// The undated letters provably written after <paramref name="day"/>: they look back on a meeting that began after it
    /// ("de Coalitie-vergadering van 25 november jl." was written after 25 November).
    /// </summary>
    public static async Task<IReadOnlySet<string>> LettersWrittenAfterAsync(IMeetingRegister register, DateOnly day, CancellationToken ct)
    {
        var later = new HashSet<string>(StringComparer.Ordinal);
        foreach (var meeting in await register.ListAsync(day.AddDays(1), null, includeCancelled: true, ct))
        {
            if (meeting.StartDate <= day)
            {
                continue;
            }
            foreach (var source in await register.SourcesAsync(meeting.Id, ct))
            {
                if (source.IsAfterLetter == false)
                {
                    later.Add(source.LetterId);
                }
            }
        }
        return later;
    }

    /// <summary>Whether a letter existed on <paramref name="day"/>: by its date, else unless it is provably later.</summary>
    public static bool LetterKnownOn(string letterId, DateOnly? letterDate, DateOnly day, IReadOnlySet<string> writtenAfter) =>
        letterDate is { } date ? date <= day : !writtenAfter.Contains(letterId);

    private static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);
}
