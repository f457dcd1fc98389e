using Briefingbot.Briefings;
using Briefingbot.Briefings.Dispatch;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Briefings;

public sealed class BriefingDeliveryTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private static async Task<(BriefingWorld World, ServiceProvider Services)> StartAsync(string conversationId)
    {
        var world = new BriefingWorld(MondayMorning.AddDays(-1));
        await world.SubscribeAsync(conversationId, DayOfWeek.Monday, new TimeOnly(8, 0));
        world.Time.SetUtcNow(MondayMorning);
        return (world, world.StartServices(o => o.RetryBackoff = TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Conversation_gone_sets_subscription_inactive_with_the_reason(int status)
    {
        var (world, services) = await StartAsync("c-gone");
        using var _ = world;
        await using var __ = services;
        world.Messenger.Script("c-gone", new ConnectorResult(ConnectorOutcome.ConversationGone, StatusCode: status));

        var outcome = await services.GetRequiredService<BriefingDelivery>().DeliverAsync("c-gone", MondayMorning);

        Assert.Equal(DeliveryOutcome.Gone, outcome);
        var subscription = await world.Subscriptions.GetAsync("c-gone");
        Assert.Equal(SubscriptionStatus.Inactive, subscription!.Status);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), subscription.StatusReason, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Gone, Assert.Single(world.Ledger.All).State);
        // Nothing retries a gone conversation.
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await services.GetRequiredService<BriefingCatchUp>().SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Missing_conversation_reference_sets_subscription_inactive()
    {
        using var world = new BriefingWorld(MondayMorning.AddDays(-1));
        var created = world.Time.GetUtcNow();
        await world.Subscriptions.UpsertAsync(new Subscription("c-noref", null, [], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active, null, "t", created, created));
        world.Time.SetUtcNow(MondayMorning);
        await using var services = world.StartServices();

        Assert.Equal(DeliveryOutcome.Gone, await services.GetRequiredService<BriefingDelivery>().DeliverAsync("c-noref", MondayMorning));
        Assert.Equal(SubscriptionStatus.Inactive, (await world.Subscriptions.GetAsync("c-noref"))!.Status);
    }

    [Fact]
    public async Task Failed_send_is_retried_with_backoff_then_recorded_as_failed()
    {
        var (world, services) = await StartAsync("c-fail");
        using var _ = world;
        await using var __ = services;
        var error = new ConnectorResult(ConnectorOutcome.Failed, StatusCode: 502, Error: "Bad Gateway", Attempts: 3);
        world.Messenger.Script("c-fail", error, error, error, error, error);
        var delivery = services.GetRequiredService<BriefingDelivery>();
        var sweep = services.GetRequiredService<BriefingCatchUp>();

        Assert.Equal(DeliveryOutcome.Failed, await delivery.DeliverAsync("c-fail", MondayMorning));
        world.Time.Advance(TimeSpan.FromSeconds(10));
        await sweep.SweepAsync(CancellationToken.None); // within the 30 s backoff: no retry
        Assert.Equal(1, Assert.Single(world.Ledger.All).Attempts);

        // Backoff doubles: 30 s, 60 s; the third attempt is the last (MaxAttempts = 3).
        foreach (var wait in new[] { 30, 60 })
        {
            world.Time.Advance(TimeSpan.FromSeconds(wait));
            await sweep.SweepAsync(CancellationToken.None);
        }
        var row = Assert.Single(world.Ledger.All);
        Assert.Equal((DeliveryState.Failed, 3), (row.State, row.Attempts));
        Assert.Contains("502", row.Error, StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromHours(1));
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal(3, Assert.Single(world.Ledger.All).Attempts);
        Assert.Empty(world.Messenger.Sent);
    }

    [Fact]
    public async Task Throttled_send_is_recorded_and_succeeds_on_retry()
    {
        var (world, services) = await StartAsync("c-429");
        using var _ = world;
        await using var __ = services;
        world.Messenger.Script("c-429", new ConnectorResult(ConnectorOutcome.Throttled, StatusCode: 429, Attempts: 5));

        Assert.Equal(DeliveryOutcome.Failed, await services.GetRequiredService<BriefingDelivery>().DeliverAsync("c-429", MondayMorning));
        world.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await services.GetRequiredService<BriefingCatchUp>().SweepAsync(CancellationToken.None));

        Assert.Equal(1, world.Messenger.CountFor("c-429"));
        Assert.Equal(DeliveryState.Sent, Assert.Single(world.Ledger.All).State);
    }

    [Fact]
    public async Task Claim_left_by_a_crashed_sender_is_taken_over_only_after_the_claim_timeout()
    {
        var (world, services) = await StartAsync("c-stale");
        using var _ = world;
        await using var __ = services;
        Assert.True(await world.Ledger.TryClaimAsync("c-stale", "2026-11-30T08:00", "dead-instance", MondayMorning, TimeSpan.FromMinutes(5)));
        var delivery = services.GetRequiredService<BriefingDelivery>();
        var sweep = services.GetRequiredService<BriefingCatchUp>();

        Assert.Equal(DeliveryOutcome.AlreadyClaimed, await delivery.DeliverAsync("c-stale", MondayMorning));
        world.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        world.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        Assert.Equal(1, world.Messenger.CountFor("c-stale"));
    }

    [Fact]
    public async Task Same_period_is_sent_at_most_once_whoever_asks()
    {
        var (world, services) = await StartAsync("c-once");
        using var _ = world;
        await using var __ = services;
        var delivery = services.GetRequiredService<BriefingDelivery>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => delivery.DeliverAsync("c-once", MondayMorning.AddMinutes(i * 10))));

        Assert.Equal(1, outcomes.Count(o => o == DeliveryOutcome.Sent));
        Assert.Equal(1, world.Messenger.CountFor("c-once"));
    }
}
