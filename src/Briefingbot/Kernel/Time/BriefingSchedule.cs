using System.Globalization;
using Briefingbot.Storage;
using Quartz;

namespace Briefingbot.Kernel.Time;

/// <summary>
/// A subscription's weekly schedule as a Quartz cron expression in its IANA time zone, and the period arithmetic
/// the delivery ledger is keyed by. All fire times come from Quartz's own <see cref="CronExpression"/>, so what
/// the ledger calls "this period" is exactly what the trigger fires for, DST included: a wall-clock time in the
/// spring-forward gap fires once at the end of the gap; one in the autumn overlap fires at its first occurrence.
/// </summary>
public sealed class BriefingSchedule
{
    private static readonly string[] CronDays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private BriefingSchedule(string cron, TimeZoneInfo timeZone)
    {
        Cron = cron;
        TimeZone = timeZone;
        Expression = new CronExpression(cron, timeZone);
    }

    /// <summary>e.g. <c>0 0 8 ? * MON</c>.</summary>
    public string Cron { get; }

    public TimeZoneInfo TimeZone { get; }

    internal CronExpression Expression { get; }

    /// <summary>The schedule of <paramref name="subscription"/>; an unknown time zone falls back to <paramref name="fallbackTimeZone"/>.</summary>
    public static BriefingSchedule For(Subscription subscription, string fallbackTimeZone = "Europe/Amsterdam")
    {
        var cron = string.Create(CultureInfo.InvariantCulture,
            $"{subscription.TimeOfDay.Second} {subscription.TimeOfDay.Minute} {subscription.TimeOfDay.Hour} ? * {CronDays[(int)subscription.DayOfWeek]}");
        return new BriefingSchedule(cron, ResolveTimeZone(subscription.TimeZone) ?? ResolveTimeZone(fallbackTimeZone) ?? TimeZoneInfo.Utc);
    }

    /// <summary>The IANA (or Windows) zone, or null if this machine does not know it.</summary>
    public static TimeZoneInfo? ResolveTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>The first scheduled time strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant) =>
        Expression.GetNextValidTimeAfter(instant) ?? throw new InvalidOperationException($"Cron '{Cron}' has no next fire time.");

    /// <summary>
    /// The scheduled time that starts the period <paramref name="instant"/> falls in: the latest fire time at or
    /// before it. The period lasts until the next fire time.
    /// </summary>
    public DateTimeOffset PeriodStart(DateTimeOffset instant)
    {
        // Weekly schedule: the previous fire time lies within the last 7 days (8 for a DST-shortened margin).
        var candidate = NextAfter(instant.AddDays(-8));
        while (true)
        {
            var next = NextAfter(candidate);
            if (next > instant)
            {
                return candidate;
            }
            candidate = next;
        }
    }

    /// <summary>
    /// The ledger key of the period starting at <paramref name="periodStart"/>: that fire time as local wall-clock
    /// time in the schedule's zone, to the minute, e.g. <c>2026-11-30T08:00</c>. It is the fire time Quartz computed,
    /// so in the spring-forward gap it is the gap-adjusted time (a 02:30 schedule on that Sunday gives
    /// <c>…T03:00</c>), not the scheduled 02:30; it is stable because a period always yields the same fire time.
    /// </summary>
    public string PeriodKey(DateTimeOffset periodStart)
    {
        var local = TimeZoneInfo.ConvertTime(periodStart, TimeZone);
        return local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The moment a delivered briefing was composed as of, the start of its period, read back from its key in this
    /// schedule's zone; never later than when it was sent. The next briefing lists the letters that arrived after
    /// it: letters that arrived after the period started but before a retry or a long fan-out finished were in
    /// neither briefing when the send's completion was taken instead (a QA pass). Null without a delivery.
    /// </summary>
    public DateTimeOffset? ComposedAsOf(Delivery? delivery)
    {
        if (delivery is null)
        {
            return null;
        }
        if (!DateTime.TryParseExact(delivery.PeriodKey, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return delivery.CompletedAt;
        }
        // A wall-clock time of the autumn overlap fired at its first occurrence (Quartz): the larger offset.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        var start = new DateTimeOffset(local, offset);
        // Never later than the delivery was claimed or sent: should the zone have changed since (the key is wall-clock
        // time in the zone of that day), a letter is listed twice rather than never.
        foreach (var bound in new DateTimeOffset?[] { delivery.ClaimedAt, delivery.CompletedAt })
        {
            if (bound is { } b && b < start)
            {
                start = b;
            }
        }
        return start;
    }
}
