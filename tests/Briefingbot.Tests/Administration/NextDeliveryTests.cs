using Briefingbot.Administration.Subscriptions;
using Briefingbot.Storage;

namespace Briefingbot.Tests.Administration;

/// <summary>The next delivery the subscription card shows, across DST (Quartz's cron arithmetic in the IANA zone).</summary>
public class NextDeliveryTests
{
    private static class DeliverySchedule
    {
        public static DateTimeOffset Next(DayOfWeek day, TimeOnly time, TimeZoneInfo zone, DateTimeOffset now)
        {
            var subscription = new Subscription("c", null, [], day, time, zone.Id, SubscriptionStatus.Active, null, "x", now, now);
            return SubscriptionCard.NextDelivery(subscription, now)!.Value.ToUniversalTime();
        }
    }

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeOnly Eight = new(8, 0);

    [Fact]
    public void Monday_0800_Amsterdam_is_0700Z_in_winter()
    {
        var next = DeliverySchedule.Next(DayOfWeek.Monday, Eight, Amsterdam, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Monday_0800_Amsterdam_is_0600Z_in_summer_right_after_spring_forward()
    {
        // Monday 23 March 2026 after delivery; clocks go forward on Sunday 29 March.
        var next = DeliverySchedule.Next(DayOfWeek.Monday, Eight, Amsterdam, new DateTimeOffset(2026, 3, 23, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Monday_0800_Amsterdam_is_0700Z_again_after_fall_back()
    {
        var next = DeliverySchedule.Next(DayOfWeek.Monday, Eight, Amsterdam, new DateTimeOffset(2026, 10, 19, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Delivery_exactly_now_moves_to_next_week()
    {
        var now = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(7), DeliverySchedule.Next(DayOfWeek.Monday, Eight, Amsterdam, now));
    }

    [Fact]
    public void Same_day_later_time_is_today()
    {
        var now = new DateTimeOffset(2026, 11, 30, 6, 59, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), DeliverySchedule.Next(DayOfWeek.Monday, Eight, Amsterdam, now));
    }

    [Fact]
    public void Time_in_the_spring_forward_gap_is_delivered_once_at_the_end_of_the_gap()
    {
        // Sunday 29 March 2026 02:30 does not exist in Amsterdam: delivered once, at the end of the gap (03:00 CEST = 01:00Z).
        var next = DeliverySchedule.Next(DayOfWeek.Sunday, new TimeOnly(2, 30), Amsterdam, new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next);
        var after = DeliverySchedule.Next(DayOfWeek.Sunday, new TimeOnly(2, 30), Amsterdam, next);
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 0, 30, 0, TimeSpan.Zero), after);
    }

    [Fact]
    public void Time_that_occurs_twice_at_fall_back_is_delivered_at_its_first_occurrence_only()
    {
        // Sunday 25 October 2026 02:30 happens at 00:30Z (CEST) and 01:30Z (CET): once, at the first.
        var next = DeliverySchedule.Next(DayOfWeek.Sunday, new TimeOnly(2, 30), Amsterdam, new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), next);
        var after = DeliverySchedule.Next(DayOfWeek.Sunday, new TimeOnly(2, 30), Amsterdam, next);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.Zero), after);
    }

    [Fact]
    public void Zone_far_from_utc_uses_its_own_weekday()
    {
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        // Sunday 29 Nov 2026 20:00Z is already Monday 30 Nov 09:00 in Auckland (NZDT, UTC+13): next Monday 08:00 is 7 Dec.
        var next = DeliverySchedule.Next(DayOfWeek.Monday, Eight, auckland, new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 19, 0, 0, TimeSpan.Zero), next);
    }
}
