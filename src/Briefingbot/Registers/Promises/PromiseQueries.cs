using Briefingbot.Kernel.Time;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// The promise register as it stands today or stood on a given day, in listing order: overdue first (oldest due
/// date first), then due within <see cref="DueSoonDays"/> days, then later, then undated; closed ones last.
/// Also used by the weekly briefing.
/// </summary>
public sealed class PromiseQueries(IPromiseRegister register, DutchClock clock)
{
    public const int DueSoonDays = 30;

    /// <param name="today">The day the view is for (today, or the <c>--per</c> date).</param>
    /// <param name="historical">
    /// True for a <c>--per</c> view: promises made after <paramref name="today"/> are left out (made = the letter's date,
    /// else the day the register learnt of it) and each status is the one in its history on that day.
    /// </param>
    /// <param name="letterIds">Only promises from these letters (a topic filter); null = all.</param>
    public async Task<IReadOnlyList<PromiseItem>> ListAsync(DateOnly today, bool historical, PromiseFilter filter,
        IReadOnlySet<string>? letterIds, CancellationToken cancellationToken)
    {
        // An extracted promise the official register (Sources) already holds is shown once, as the official one.
        var all = Sources.Registers.OfficialPromises.WithoutDuplicates(await register.ListAsync(cancellationToken));
        var items = new List<PromiseItem>();
        foreach (var p in all)
        {
            if (letterIds is not null && !letterIds.Contains(p.LetterId))
            {
                continue;
            }
            if (historical && MadeOn(p) > today)
            {
                continue;
            }
            var status = historical ? await StatusOnAsync(p, today, cancellationToken) : p.Status;
            var urgency = Classify(p.DueDate, status, today);
            var keep = filter switch
            {
                PromiseFilter.Open => status == PromiseStatus.Open,
                PromiseFilter.Overdue => urgency == PromiseUrgency.Overdue,
                _ => true,
            };
            if (keep)
            {
                items.Add(new PromiseItem(p, status, urgency));
            }
        }
        return items
            .OrderBy(i => i.Urgency)
            .ThenBy(i => i.Promise.DueDate ?? DateOnly.MaxValue)
            .ThenByDescending(i => i.Promise.LetterDate ?? DateOnly.MinValue)
            .ThenBy(i => i.Promise.Number)
            .ToList();
    }

    public static PromiseUrgency Classify(DateOnly? due, PromiseStatus status, DateOnly today) => (status, due) switch
    {
        (not PromiseStatus.Open, _) => PromiseUrgency.Closed,
        (_, null) => PromiseUrgency.Undated,
        (_, { } d) when d < today => PromiseUrgency.Overdue,
        (_, { } d) when d <= today.AddDays(DueSoonDays) => PromiseUrgency.DueSoon,
        _ => PromiseUrgency.Later,
    };

    /// <summary>The day the promise was made: its letter's date, else the day the register first saw it.</summary>
    public DateOnly MadeOn(PromiseRecord p) => p.LetterDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.CreatedAt, clock.Zone).DateTime);

    /// <summary>The status on <paramref name="day"/> (in the register's zone), by the briefing's rule (<see cref="PromiseStatusHistory"/>).</summary>
    private async Task<PromiseStatus> StatusOnAsync(PromiseRecord p, DateOnly day, CancellationToken cancellationToken) =>
        PromiseStatusHistory.StatusAt(p, await register.HistoryAsync(p.Number, cancellationToken),
            changedAt => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(changedAt, clock.Zone).DateTime) <= day);
}
