using Briefingbot.Briefings.Scheduling;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Briefingbot.Tests.Briefings;

/// <summary>The real Quartz scheduler (SQLite job store) driven by a FakeTimeProvider.</summary>
public sealed class BriefingScheduleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("2026-11-29T12:00:00Z", "2026-11-30T07:00:00Z", "2026-11-30T08:00")] // winter: CET = UTC+1
    [InlineData("2026-05-31T12:00:00Z", "2026-06-01T06:00:00Z", "2026-06-01T08:00")] // summer: CEST = UTC+2
    public async Task Monday_0800_Amsterdam_fires_at_the_right_UTC_instant(string sunday, string expectedFire, string expectedPeriod)
    {
        using var world = new BriefingWorld(DateTimeOffset.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture));
        await world.SubscribeAsync("c-1", DayOfWeek.Monday, new TimeOnly(8, 0));
        await using var services = world.StartServices();
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var fire = DateTimeOffset.Parse(expectedFire, System.Globalization.CultureInfo.InvariantCulture);

        await scheduler.ReconcileAsync(CancellationToken.None);
        Assert.Equal(fire, await scheduler.NextFireTimeAsync("c-1", CancellationToken.None));

        var ran = await JobExecutionSignal.AttachAsync(quartz);
        await quartz.Start();
        world.Time.SetUtcNow(fire.AddSeconds(-1));
        Assert.Empty(world.Messenger.Sent); // nothing before its time (the job has not run: Executed stays 0)
        world.Time.SetUtcNow(fire);
        await ran.WhenExecutedAsync(1).WaitAsync(Patience);
        await quartz.Shutdown(true);

        Assert.Equal(1, ran.Executed);
        Assert.Single(world.Messenger.Sent);
        var delivery = Assert.Single((await world.DeliveriesAsync()));
        Assert.Equal(expectedPeriod, delivery.PeriodKey);
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(fire, delivery.CompletedAt);
    }

    /// <summary>
    /// The moment a delivered briefing was composed as of, read back from its key: the period start, the first
    /// occurrence of a wall-clock time in the autumn overlap (as Quartz fires), and never after the delivery was claimed
    /// or sent. The next briefing lists the letters after it (a QA pass and a review).
    /// </summary>
    [Fact]
    public void A_delivered_briefing_was_composed_as_of_its_period_start()
    {
        var monday = BriefingSchedule.For(new Subscription("c", null, [], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active, null, "t", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        var sunday = BriefingSchedule.For(new Subscription("c", null, [], DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Amsterdam", SubscriptionStatus.Active, null, "t", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        static Delivery Sent(string key, DateTimeOffset claimed, DateTimeOffset completed) =>
            new("c", key, DeliveryState.Sent, 2, "i", claimed, completed, null, null);

        // Retried and sent an hour after 08:00 CET (07:00Z): composed as of 07:00Z.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero),
            monday.ComposedAsOf(Sent("2026-11-30T08:00", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 8, 1, 0, TimeSpan.Zero))));
        // 02:30 on 25 October 2026 happens twice; Quartz fired at the first (CEST, 00:30Z).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            sunday.ComposedAsOf(Sent("2026-10-25T02:30", new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 2, 5, 0, TimeSpan.Zero))));
        // A key read later than the delivery was claimed (the zone changed since): the claim bounds it.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero),
            monday.ComposedAsOf(Sent("2026-11-30T08:00", new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 6, 1, 0, TimeSpan.Zero))));
        Assert.Null(monday.ComposedAsOf(null));
    }

    [Fact]
    public async Task Time_in_the_spring_forward_gap_fires_once_at_the_end_of_the_gap()
    {
        // 2026-03-29 02:00 CET the clocks jump to 03:00 CEST: Sunday 02:30 does not exist that day.
        using var world = new BriefingWorld(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        await world.SubscribeAsync("c-gap", DayOfWeek.Sunday, new TimeOnly(2, 30));
        await using var services = world.StartServices();
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.ReconcileAsync(CancellationToken.None);

        var endOfGap = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero); // 03:00 CEST
        Assert.Equal(endOfGap, await scheduler.NextFireTimeAsync("c-gap", CancellationToken.None));

        var ran = await JobExecutionSignal.AttachAsync(quartz);
        await quartz.Start();
        world.Time.SetUtcNow(endOfGap);
        await ran.WhenExecutedAsync(1).WaitAsync(Patience);
        // Walk through the rest of the day: the trigger's next time is a week later, in summer time.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 0, 30, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync("c-gap", CancellationToken.None));
        await quartz.Shutdown(true);

        Assert.Equal(1, ran.Executed);
        Assert.Equal(1, world.Messenger.CountFor("c-gap"));
    }

    [Fact]
    public async Task Briefing_missed_during_downtime_is_sent_exactly_once_at_start_up()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await world.SubscribeAsync("c-down", DayOfWeek.Monday, new TimeOnly(8, 0));

        // Running on Sunday: the trigger is stored with its next fire time Monday 07:00Z.
        await using (var first = world.StartServices())
        {
            await first.GetRequiredService<BriefingScheduler>().ReconcileAsync(CancellationToken.None);
            var quartz = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await quartz.Start();
            await quartz.Shutdown(true);
        }

        // Down across Monday 08:00; back at 11:00 local.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await using (var second = world.StartServices())
        {
            var quartz = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var ran = await JobExecutionSignal.AttachAsync(quartz);
            await second.GetRequiredService<BriefingScheduler>().ReconcileAsync(CancellationToken.None);
            await quartz.Start();
            // Both safety nets run: Quartz's misfire (fire once now) and the catch-up pass; the ledger lets one send.
            var sentByCatchUp = await second.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, CancellationToken.None);
            await ran.WhenExecutedAsync(1).WaitAsync(Patience);
            await quartz.Shutdown(true);

            Assert.InRange(sentByCatchUp, 0, 1);
            Assert.Equal(1, ran.Executed);
        }

        Assert.Equal(1, world.Messenger.CountFor("c-down"));
        var delivery = Assert.Single((await world.DeliveriesAsync()));
        Assert.Equal(("2026-11-30T08:00", DeliveryState.Sent), (delivery.PeriodKey, delivery.State));

        // A restart right after sending sends nothing more.
        world.Time.Advance(TimeSpan.FromMinutes(5));
        await using (var third = world.StartServices())
        {
            var scheduler = third.GetRequiredService<BriefingScheduler>();
            await scheduler.ReconcileAsync(CancellationToken.None);
            var quartz = await third.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await quartz.Start();
            var sent = await third.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, CancellationToken.None);
            // Quartz owes nothing either: the trigger's next firing is next week's.
            Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync("c-down", CancellationToken.None));
            await quartz.Shutdown(true);
            Assert.Equal(0, sent);
        }
        Assert.Equal(1, world.Messenger.CountFor("c-down"));
    }

    [Fact]
    public async Task Briefing_not_sent_at_start_up_when_its_period_has_passed()
    {
        // Down for over a week: the period that started last Monday is over; the current one started today and is owed once.
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await world.SubscribeAsync("c-long", DayOfWeek.Monday, new TimeOnly(8, 0));
        world.Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        await using var services = world.StartServices();

        var sent = await services.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["2026-12-07T08:00"], (await world.DeliveriesAsync()).Select(d => d.PeriodKey));
    }

    [Fact]
    public async Task A_long_start_up_catch_up_leaves_claims_this_process_made_since_it_started_alone()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        using var world = new BriefingWorld(monday.AddDays(-1));
        await world.SubscribeAsync("c-1-slow", DayOfWeek.Monday, new TimeOnly(8, 0));
        await world.SubscribeAsync("c-2-busy", DayOfWeek.Monday, new TimeOnly(8, 0));
        world.Time.SetUtcNow(monday);
        await using var services = world.StartServices(o => o.MaxConcurrentSends = 1);
        var instance = services.GetRequiredService<Briefingbot.Briefings.Dispatch.ProcessIdentity>();
        // 5 s after the start this process (its sweep, say) claims c-2-busy and is still sending it.
        world.Time.Advance(TimeSpan.FromSeconds(5));
        var busy = await world.Ledger.ClaimAsync("c-2-busy", "2026-11-30T08:00", instance.Id, world.Time.GetUtcNow(), TimeSpan.FromMinutes(5));
        Assert.NotNull(busy);
        // The catch-up owes both; c-1-slow (first in order) takes 30 s to send.
        world.Messenger.BeforeSend = _ =>
        {
            world.Time.Advance(TimeSpan.FromSeconds(30));
            return Task.CompletedTask;
        };

        var sent = await services.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, CancellationToken.None);

        // c-2-busy was claimed after the start: not taken over, however long the catch-up took to reach it.
        Assert.Equal(1, sent);
        Assert.Equal((1, 0), (world.Messenger.CountFor("c-1-slow"), world.Messenger.CountFor("c-2-busy")));
        var row = Assert.Single(await world.DeliveriesAsync(), d => d.ConversationId == "c-2-busy");
        Assert.Equal((DeliveryState.Claimed, 1), (row.State, row.Attempts));
        Assert.True(await world.Ledger.MarkSentAsync(busy!, "act-busy", world.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Subscription_made_after_this_weeks_time_waits_for_next_week()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)); // Tuesday
        await world.SubscribeAsync("c-new", DayOfWeek.Monday, new TimeOnly(8, 0));
        await using var services = world.StartServices();

        var sent = await services.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Empty(world.Messenger.Sent);
    }

    [Fact]
    public async Task Reconcile_writes_more_triggers_than_one_batch_and_removes_them_again()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var count = BriefingScheduler.TriggersPerTransaction * 2 + 7;
        for (var i = 0; i < count; i++)
        {
            await world.SubscribeAsync($"c-{i:D3}", DayOfWeek.Monday, new TimeOnly(8, i % 60));
        }
        await using var services = world.StartServices();
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // Written in batches (one Quartz transaction each): every trigger is there, with its own time.
        Assert.Equal(new ReconcileResult(count, 0, count), await scheduler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(count, (await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(BriefingScheduler.Group))).Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, (count - 1) % 60, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync($"c-{count - 1:D3}", CancellationToken.None));

        for (var i = 0; i < count; i++)
        {
            await world.Subscriptions.SetStatusAsync($"c-{i:D3}", SubscriptionStatus.Paused, null, world.Time.GetUtcNow());
        }
        Assert.Equal(new ReconcileResult(0, count, 0), await scheduler.ReconcileAsync(CancellationToken.None));
        Assert.Empty(await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(BriefingScheduler.Group)));
    }

    [Fact]
    public async Task Schedule_change_takes_effect_at_once()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var subscription = await world.SubscribeAsync("c-move", DayOfWeek.Monday, new TimeOnly(8, 0));
        await using var services = world.StartServices();
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        await scheduler.ReconcileAsync(CancellationToken.None);

        await world.Subscriptions.UpsertAsync(subscription with { DayOfWeek = DayOfWeek.Wednesday, TimeOfDay = new TimeOnly(9, 30), TimeZone = "Europe/London" });
        await scheduler.SubscriptionChangedAsync("c-move", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync("c-move", CancellationToken.None));

        await world.Subscriptions.SetStatusAsync("c-move", SubscriptionStatus.Paused, null, world.Time.GetUtcNow());
        await scheduler.SubscriptionChangedAsync("c-move", CancellationToken.None);
        Assert.Null(await scheduler.NextFireTimeAsync("c-move", CancellationToken.None));
    }

    [Fact]
    public async Task Subscriptions_changed_outside_the_bot_are_scheduled_by_the_periodic_reconcile()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        using var world = new BriefingWorld(now);
        await world.SubscribeAsync("c-paused", DayOfWeek.Tuesday, new TimeOnly(9, 0));
        await using var services = world.StartServices(o =>
        {
            o.ReconcileInterval = TimeSpan.FromMinutes(5);
            o.SweepInterval = TimeSpan.FromHours(1);
        });
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        Assert.Equal(new ReconcileResult(1, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));

        // Written straight to the store, as another tool (or a node whose trigger write failed) would: no notifier.
        await world.SubscribeAsync("c-outside", DayOfWeek.Monday, new TimeOnly(8, 0));
        await world.Subscriptions.SetStatusAsync("c-paused", SubscriptionStatus.Paused, null, now);
        Assert.Null(await scheduler.NextFireTimeAsync("c-outside", CancellationToken.None));

        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var reconciled = await JobExecutionSignal.AttachAsync(quartz, BriefingScheduler.MaintenanceGroup);
        await quartz.Start();
        world.Time.Advance(TimeSpan.FromMinutes(5));
        await reconciled.WhenExecutedAsync(1).WaitAsync(Patience);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync("c-outside", CancellationToken.None));
        Assert.Null(await scheduler.NextFireTimeAsync("c-paused", CancellationToken.None));
        Assert.Equal(new ReconcileResult(0, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));
        await quartz.Shutdown(true);
    }

    [Fact]
    public async Task Reconcile_trusts_the_triggers_it_confirmed_and_reads_them_all_again_after_the_full_check_interval()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await world.SubscribeAsync("c-1", DayOfWeek.Monday, new TimeOnly(8, 0));
        await using var services = world.StartServices(o => o.ReconcileFullCheckInterval = TimeSpan.FromHours(1));
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = BriefingScheduler.TriggerKeyFor("c-1");
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(new ReconcileResult(1, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));

        // The trigger rewritten behind the subscription's back (say, by a tool writing the job store directly).
        var tampered = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(BriefingJob.Key)
            .UsingJobData(BriefingJob.ConversationIdKey, "c-1")
            .WithCronSchedule("0 0 9 ? * TUE", c => c.InTimeZone(TimeZoneInfo.Utc))
            .StartAt(world.Time.GetUtcNow())
            .Build();
        await quartz.RescheduleJob(key, tampered);

        // Within the interval the reconcile trusts what it confirmed and does not read the trigger: that is what
        // keeps a reconcile of thousands of unchanged subscriptions cheap.
        Assert.Equal(new ReconcileResult(0, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));
        Assert.NotEqual(monday, await scheduler.NextFireTimeAsync("c-1", CancellationToken.None));

        // After it, every trigger is read again and the schedule repaired.
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new ReconcileResult(1, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(monday, await scheduler.NextFireTimeAsync("c-1", CancellationToken.None));

        // A trigger that disappears is noticed at once: the trigger names are listed on every reconcile.
        await quartz.UnscheduleJob(key);
        Assert.Equal(new ReconcileResult(1, 0, 1), await scheduler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(monday, await scheduler.NextFireTimeAsync("c-1", CancellationToken.None));
    }
}
