using Briefingbot.Briefings.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Briefingbot.Tests.Briefings;

public sealed class BriefingScheduleTests
{
    [Fact]
    public async Task Monday_0800_Amsterdam_fires_at_0700Z_in_winter()
    {
        using var world = new BriefingWorld(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)); // Sunday
        await world.SubscribeAsync("c-winter", DayOfWeek.Monday, new TimeOnly(8, 0));
        await using var services = world.StartServices();
        var scheduler = services.GetRequiredService<BriefingScheduler>();
        var quartz = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.ReconcileAsync(CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), await scheduler.NextFireTimeAsync("c-winter", CancellationToken.None));

        await quartz.Start();
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        await world.Messenger.WhenSentAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        await quartz.Shutdown(true);

        var delivery = Assert.Single(world.Ledger.All);
        Assert.Equal("2026-11-30T08:00", delivery.PeriodKey);
    }
}
