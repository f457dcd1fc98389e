using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Dispatch;

/// <summary>
/// Smooths a briefing fan-out to <see cref="BriefingOptions.FanoutPerTenantPerSecond"/> per tenant before the
/// messenger's own pacing. Two reasons: the tenant's 50/s budget is shared with interactive replies, which must
/// not queue behind ten thousand briefings; and a steady stream just under the limit is what the messenger's
/// sliding-window pacer passes at full speed, whereas a flood that queues in it drains at a fraction of the limit
/// (measured: ~31/s for a 47/s sliding window with 10 segments; see docs/briefing.md).
/// A token bucket refilled every ~200 ms keeps bursts to a handful of messages.
/// </summary>
public sealed class FanoutPacer : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FanoutPacer(IOptions<BriefingOptions> options)
    {
        var rate = Math.Max(1, options.Value.FanoutPerTenantPerSecond);
        // Whole tokens per refill: about five refills a second, the period chosen so the rate comes out exact.
        var tokens = Math.Max(1, rate / 5);
        var period = TimeSpan.FromSeconds((double)tokens / rate);
        _limiter = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    /// <summary>Waits for this tenant's turn to send one briefing message.</summary>
    public async ValueTask WaitAsync(string? tenantId, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(tenantId ?? "", 1, ct);
    }

    public void Dispose() => _limiter.Dispose();
}
