using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// A promise's status as it stood at an earlier moment, one rule for the weekly briefing and the register view of a
/// past day (issue 14 item 9: later decisions are not applied): the last change in its history at or before that
/// moment, else open when an admin changed it only later. A promise no admin ever changed has the status it came with:
/// the official register's ("Voldaan"), which the sync writes without history (a QA pass: a fulfilled register promise
/// showed as open and overdue for an earlier moment).
/// </summary>
public static class PromiseStatusHistory
{
    /// <param name="atOrBefore">Whether a change made at that moment counts (an instant, or a day in the register's zone).</param>
    public static PromiseStatus StatusAt(PromiseRecord promise, IReadOnlyList<PromiseStatusChange> history, Func<DateTimeOffset, bool> atOrBefore) =>
        history.Count == 0
            ? promise.Status
            : history.Where(h => atOrBefore(h.ChangedAt)).OrderBy(h => h.ChangedAt).LastOrDefault()?.Status ?? PromiseStatus.Open;
}
