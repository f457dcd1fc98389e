using Briefingbot.Briefings.Dispatch;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// The safety nets around the triggers. At start-up: every active subscription whose current period began while
/// the service was down (and that existed then) gets its briefing once. Every sweep: claims abandoned by a crashed
/// sender are taken over after <see cref="BriefingOptions.ClaimTimeout"/>, and failed deliveries are retried with
/// exponential backoff up to <see cref="BriefingOptions.MaxAttempts"/> — but only within their own period: a
/// briefing is never sent for a week that has already passed.
/// </summary>
public sealed class BriefingCatchUp(
    ISubscriptionStore subscriptions,
    IDeliveryLedger ledger,
    BriefingDelivery delivery,
    ProcessIdentity instance,
    TimeProvider time,
    IOptions<BriefingOptions> options,
    ILogger<BriefingCatchUp> logger)
{
    private readonly BriefingOptions _options = options.Value;

    /// <summary>
    /// Sends every briefing still owed for the current period. <paramref name="ownsAllClaims"/>: no other instance
    /// shares the ledger (SQLite), so claims made before this process started belong to a process that is gone and
    /// are taken over now instead of after the claim timeout. Claims this process made since (its own triggers,
    /// which may already be firing) are left alone.
    /// </summary>
    /// <returns>How many briefings were sent.</returns>
    public async Task<int> RunAtStartupAsync(bool ownsAllClaims, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var active = await subscriptions.ListAsync(SubscriptionStatus.Active, ct);
        var due = new List<string>();
        foreach (var subscription in active)
        {
            var schedule = BriefingSchedule.For(subscription);
            var periodStart = schedule.PeriodStart(now);
            // A subscription made (or rescheduled) after this period's time starts with the next period.
            if (subscription.UpdatedAt > periodStart)
            {
                continue;
            }
            var row = await ledger.GetAsync(subscription.ConversationId, schedule.PeriodKey(periodStart), ct);
            if (row is null || row.State is DeliveryState.Claimed or DeliveryState.Failed)
            {
                due.Add(subscription.ConversationId);
            }
        }
        Log.CatchUp(logger, due.Count, active.Count);
        // "Stale" = claimed at or before (start − 1 ms): strictly before anything this process can have claimed —
        // a fixed instant for the whole catch-up, which can take minutes while the sweep already claims rows.
        return await DeliverAllAsync(due, now, _options.ClaimTimeout, ownsAllClaims ? instance.StartedAt - TimeSpan.FromMilliseconds(1) : null, ct);
    }

    /// <summary>Takes over stale claims and retries failed deliveries of the current period.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        try
        {
            var now = time.GetUtcNow();
            var retry = new List<string>();
            // Attempts, backoff, staleness and period are filtered in the database, oldest claim first, so that
            // after a large outage the oldest failures of the week get their turn first and none starves.
            foreach (var row in await ledger.ListDueAsync(now, now - _options.ClaimTimeout, _options.SweepBatchSize, ct))
            {
                // Rows written before the ledger kept period_end, and schedules changed since the claim.
                if (await IsCurrentPeriodAsync(row, now, ct))
                {
                    retry.Add(row.ConversationId);
                }
            }
            return await DeliverAllAsync(retry.Distinct(StringComparer.Ordinal).ToList(), now, _options.ClaimTimeout, null, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SweepFailed(logger, ex);
            return 0;
        }
    }

    /// <summary>RetryBackoff × 2^(attempts−1), at most 30 minutes.</summary>
    public TimeSpan Backoff(int attempts) => _options.Backoff(attempts);

    private async Task<bool> IsCurrentPeriodAsync(Delivery row, DateTimeOffset now, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(row.ConversationId, ct);
        if (subscription is not { Status: SubscriptionStatus.Active })
        {
            return false;
        }
        var schedule = BriefingSchedule.For(subscription);
        return schedule.PeriodKey(schedule.PeriodStart(now)) == row.PeriodKey;
    }

    private async Task<int> DeliverAllAsync(IReadOnlyList<string> conversationIds, DateTimeOffset moment, TimeSpan staleAfter, DateTimeOffset? claimedBefore, CancellationToken ct)
    {
        var sent = 0;
        // The messenger paces per conversation and per tenant; this only bounds how many wait on it at once.
        await Parallel.ForEachAsync(conversationIds, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = ct },
            async (id, token) =>
            {
                if (await delivery.DeliverAsync(id, moment, staleAfter, claimedBefore, token) == DeliveryOutcome.Sent)
                {
                    Interlocked.Increment(ref sent);
                }
            });
        return sent;
    }
}
