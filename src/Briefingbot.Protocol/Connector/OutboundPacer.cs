using System.Threading.RateLimiting;
using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// Keeps outbound writes under the Teams rate limits: sliding windows per conversation (7/1 s, 8/2 s, 60/30 s,
/// 1800/1 h by default) and exact sliding windows per tenant (50/1 s). Waiting here is cheap; a 429 costs a retry and, repeated, a block.
/// Limiters of idle conversations are dropped by <see cref="PartitionedRateLimiter"/> itself, so memory stays flat
/// however many conversations a briefing run touches. A singleton: the limits are per process, which is exact for one
/// instance and conservative enough behind a load balancer (briefings are sent by one instance at a time).
/// </summary>
internal sealed class OutboundPacer : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly SlidingLogLimiter _perTenant;

    public OutboundPacer(IOptions<BotProtocolOptions> options, TimeProvider time)
    {
        var pacing = options.Value.Pacing;
        _perConversation = Chain(pacing.EffectivePerConversation, pacing.QueueLimit);
        // The tenant's budget is what a briefing fan-out runs into, so it is counted exactly (see SlidingLogLimiter);
        // a conversation gets one briefing, and its approximate windows only ever pace a chat's replies.
        _perTenant = new SlidingLogLimiter(pacing.EffectivePerTenant, pacing.QueueLimit, time);
    }

    /// <summary>Waits for a permit to write to <paramref name="conversationId"/> in <paramref name="tenantId"/>; refused when a queue is full.</summary>
    public async ValueTask<PacingVerdict> WaitAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        // The tenant's place in the queue is taken first: if the tenant would refuse, the conversation's permit (a
        // sliding-window permit is never given back) must not be spent on a send that does not happen.
        SlidingLogLimiter.Reservation? tenantPlace = null;
        if (!string.IsNullOrEmpty(tenantId))
        {
            tenantPlace = _perTenant.TryReserve(tenantId);
            if (tenantPlace is null)
            {
                return PacingVerdict.TenantQueueFull;
            }
        }
        using (tenantPlace)
        {
            // Sliding-window permits are not given back on dispose; the lease only reports whether we got one.
            using (var lease = await _perConversation.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false))
            {
                if (!lease.IsAcquired)
                {
                    return PacingVerdict.ConversationQueueFull;
                }
            }
            // Channels without tenants (Slack, Web Chat) have no per-tenant limit to respect.
            if (tenantPlace is not null)
            {
                await tenantPlace.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            return PacingVerdict.Go;
        }
    }

    /// <summary>
    /// A permit now or not at all, for a reply that must not keep its inbound request waiting. <see cref="ImmediateVerdict.ConversationOnly"/>
    /// means the conversation's permit was taken but the tenant has none free: finish with <see cref="WaitForTenantAsync"/>.
    /// </summary>
    public ImmediateVerdict TryAcquireNow(string conversationId, string? tenantId)
    {
        using (var lease = _perConversation.AttemptAcquire(conversationId, 1))
        {
            if (!lease.IsAcquired)
            {
                return ImmediateVerdict.NotNow;
            }
        }
        if (string.IsNullOrEmpty(tenantId) || _perTenant.TryAcquireNow(tenantId))
        {
            return ImmediateVerdict.Go;
        }
        return ImmediateVerdict.ConversationOnly;
    }

    /// <summary>Waits for the tenant's permit only (the conversation's is already held, see <see cref="TryAcquireNow"/>).</summary>
    public async ValueTask<PacingVerdict> WaitForTenantAsync(string? tenantId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(tenantId) || await _perTenant.AcquireAsync(tenantId, cancellationToken).ConfigureAwait(false)
            ? PacingVerdict.Go
            : PacingVerdict.TenantQueueFull;

    public void Dispose()
    {
        _perConversation.Dispose();
    }

    private static PartitionedRateLimiter<string> Chain(IReadOnlyList<RateLimitWindow> windows, int queueLimit)
    {
        var limiters = windows.Select(w => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = w.PermitLimit,
                Window = w.Window,
                // Segments of at least 250 ms: the partitioned limiter replenishes on its own 100 ms tick, so 100 ms
                // segments slid late and a 50/s window let only ~31/s through (measured by bench-fanout, docs/briefing.md).
                SegmentsPerWindow = (int)Math.Clamp(w.Window.Ticks / TimeSpan.FromMilliseconds(250).Ticks, 1, 60),
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }), StringComparer.Ordinal)).ToArray();
        return limiters.Length == 1 ? limiters[0] : PartitionedRateLimiter.CreateChained(limiters);
    }
}

/// <summary>The answer of <see cref="OutboundPacer.WaitAsync"/>.</summary>
internal enum PacingVerdict
{
    Go,
    ConversationQueueFull,
    TenantQueueFull,
}

/// <summary>The answer of <see cref="OutboundPacer.TryAcquireNow"/>.</summary>
internal enum ImmediateVerdict
{
    Go,
    /// <summary>No permit taken; the conversation has no slot free now.</summary>
    NotNow,
    /// <summary>The conversation's permit is taken, the tenant's is not free now.</summary>
    ConversationOnly,
}
