namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// When a weekly briefing is due: weekday + local time in an IANA zone, converted to an instant with the zone's
/// rules of that very day, so it stays at 08:00 local across DST (07:00Z in winter, 06:00Z in summer for Amsterdam).
/// </summary>
/// <remarks>
/// Conventions for the two days a year when local time is irregular:
/// a time inside the spring-forward gap (02:30 on the last Sunday of March) is delivered at the moment the clock
/// jumps past it, shifted by the gap (03:30 summer time), once; a time that occurs twice at fall-back is delivered
/// at its first occurrence (summer time), once.
/// </remarks>
public static class DeliverySchedule
{
    /// <summary>The first scheduled instant strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DayOfWeek day, TimeOnly time, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // Start a day early: near midnight the zone's "today" and the instant can straddle a date line.
        for (var i = -1; i <= 8; i++)
        {
            var date = localToday.AddDays(i);
            if (date.DayOfWeek != day)
            {
                continue;
            }
            var at = ToInstant(date, time, zone);
            if (at > now)
            {
                return at;
            }
        }
        throw new InvalidOperationException("No weekday within eight days; unreachable.");
    }

    /// <summary>The instant of local <paramref name="date"/> <paramref name="time"/> in <paramref name="zone"/> (see remarks for DST).</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the gap: use the offset that held just before it, so the instant lands where the wall clock jumped to.
            var before = local;
            for (var minutes = 0; minutes < 24 * 60 && zone.IsInvalidTime(before); minutes += 15)
            {
                before = before.AddMinutes(-15);
            }
            var offsetBefore = zone.GetUtcOffset(before);
            return new DateTimeOffset(local - offsetBefore, TimeSpan.Zero);
        }
        if (zone.IsAmbiguousTime(local))
        {
            // Twice that night: the first occurrence has the larger (summer) offset.
            var first = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, first).ToUniversalTime();
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
