using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Protocol.Tests.Connector;

/// <summary>
/// Issue 16 item 10: a refused send spends no permit, and the idle-log cleanup cannot make a key forget its grants.
/// </summary>
public sealed class PacerPermitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_tenant_refusal_leaves_the_conversations_permit_unspent()
    {
        // One send per hour per conversation and per tenant, one waiter per queue.
        var options = Options.Create(new BotProtocolOptions
        {
            Pacing = new PacingOptions
            {
                PerConversation = [new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromHours(1) }],
                PerTenant = [new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromHours(1) }],
                QueueLimit = 1,
            },
        });
        using var pacer = new OutboundPacer(options, _time);

        Assert.Equal(PacingVerdict.Go, await pacer.WaitAsync("c0", "t", default));
        // c1 gets its conversation permit and waits for the tenant: the tenant's queue is now full.
        var waiting = pacer.WaitAsync("c1", "t", default).AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.Equal(PacingVerdict.TenantQueueFull, await pacer.WaitAsync("c2", "t", default));

        // c2 sent nothing, so its hourly permit must still be there: a send without a tenant goes at once.
        var next = pacer.WaitAsync("c2", null, default);
        Assert.True(next.IsCompleted, "the refused send spent the conversation's permit");
        Assert.Equal(PacingVerdict.Go, await next);

        _time.Advance(TimeSpan.FromHours(1.1));
        Assert.Equal(PacingVerdict.Go, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_log_fetched_before_the_cleanup_still_counts_its_grants()
    {
        var limiter = new SlidingLogLimiter([new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromHours(1) }], 10, _time);

        // Thread A fetches the tenant's (empty, hence idle) log; thread B's cleanup runs before A acquires.
        var fetched = limiter.Fetch("t");
        limiter.RemoveIdleLogs();
        Assert.True(await limiter.AcquireAsync("t", fetched, default));

        // The grant must be remembered under "t": the second send of the hour waits.
        var second = limiter.AcquireAsync("t", default).AsTask();
        Assert.False(second.IsCompleted, "the grant went into a log the cleanup had dropped");
        _time.Advance(TimeSpan.FromHours(1.1));
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task An_immediate_permit_is_refused_without_spending_anything_when_the_conversation_is_full()
    {
        var options = Options.Create(new BotProtocolOptions
        {
            Pacing = new PacingOptions
            {
                PerConversation = [new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromHours(1) }],
                PerTenant = [new RateLimitWindow { PermitLimit = 2, Window = TimeSpan.FromHours(1) }],
            },
        });
        using var pacer = new OutboundPacer(options, _time);

        Assert.Equal(ImmediateVerdict.Go, pacer.TryAcquireNow("c", "t"));
        Assert.Equal(ImmediateVerdict.NotNow, pacer.TryAcquireNow("c", "t"));
        // The tenant's second permit is still free for another conversation.
        Assert.Equal(ImmediateVerdict.Go, pacer.TryAcquireNow("d", "t"));
        Assert.Equal(ImmediateVerdict.ConversationOnly, pacer.TryAcquireNow("e", "t"));
        var tenant = pacer.WaitForTenantAsync("t", default).AsTask();
        Assert.False(tenant.IsCompleted);
        _time.Advance(TimeSpan.FromHours(1.1));
        Assert.Equal(PacingVerdict.Go, await tenant.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
