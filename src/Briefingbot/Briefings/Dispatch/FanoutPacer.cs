using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Dispatch;

/// <summary>
/// Smooths a briefing fan-out to <see cref="BriefingOptions.FanoutPerTenantPerSecond"/> per tenant before the
/// messenger's own pacing (exact windows at the service's limit). Two reasons: the tenant's 50/s budget is shared
/// with interactive replies, which must not queue behind ten thousand briefings; and a steady stream a little under
/// the limit arrives at the service without bursts, so jitter rarely costs a 429 (see docs/briefing.md).
/// A token bucket refilled every ~45 ms keeps bursts to two messages.
/// </summary>
public sealed class FanoutPacer : IDisposable
{
    // One standalone bucket per tenant (a bot serves a handful of tenants). Not a PartitionedRateLimiter: its shared
    // 100 ms replenishment tick aliases with a ~200 ms period and lets bursts through that cost 429s (measured).
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucketRateLimiterOptions _bucket;

    public FanoutPacer(IOptions<BriefingOptions> options)
    {
        var rate = Math.Max(1, options.Value.FanoutPerTenantPerSecond);
        // Whole tokens per refill, about twenty refills a second (bursts of two at 46/s), the period chosen so the
        // rate comes out exact. Measured: 46.9/s with at most 48 in any one second.
        var tokens = Math.Max(1, rate / 20);
        _bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokens / rate),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    /// <summary>Waits for this tenant's turn to send one briefing message.</summary>
    public async ValueTask WaitAsync(string? tenantId, CancellationToken ct)
    {
        var bucket = _buckets.GetOrAdd(tenantId ?? "", _ => new TokenBucketRateLimiter(_bucket));
        using var lease = await bucket.AcquireAsync(1, ct);
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
