namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

/// <summary>The delivery ledger: at most one briefing per (subscription, period).</summary>
/// <remarks>
/// Completing a delivery is fenced by its claim: <see cref="MarkPartSentAsync"/>, <see cref="MarkSentAsync"/> and
/// <see cref="MarkFailedAsync"/> change the row only while it is still Claimed by the same claimer and attempt, and
/// say whether they did. A slow sender whose claim was taken over can therefore never overwrite the new owner's row.
/// </remarks>
public interface IDeliveryLedger
{
    /// <summary>
    /// Atomically claims (conversation, period) for sending. A claim is returned if this caller may send: no row yet,
    /// or a previous claim is older than <paramref name="staleAfter"/> and not Sent/Gone (a crashed sender), or Failed
    /// with attempts left. The claim carries the attempt number (its fencing token) and the parts already sent.
    /// </summary>
    /// <param name="periodEnd">When the period ends (the next scheduled time): after it the sweep leaves the row alone.</param>
    Task<DeliveryClaim?> ClaimAsync(string conversationId, string periodKey, string claimedBy, DateTimeOffset now, TimeSpan staleAfter, DateTimeOffset? periodEnd = null, CancellationToken ct = default);
    /// <summary>
    /// Records that the first <paramref name="partsSent"/> parts of a multi-part briefing went out, and the parts as
    /// rendered (<paramref name="renderedParts"/>, kept until the row is Sent): a retry sends the rest of that same
    /// rendering, so parts never shift when the content changed in between. False: the claim was lost.
    /// </summary>
    Task<bool> MarkPartSentAsync(DeliveryClaim claim, int partsSent, string? activityId, string? renderedParts = null, CancellationToken ct = default);
    /// <summary>False: the claim was lost (taken over by another sender) and nothing was changed.</summary>
    Task<bool> MarkSentAsync(DeliveryClaim claim, string? activityId, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Marks Failed (retried by the sweep from <paramref name="retryAt"/>) or Gone. False: the claim was lost.</summary>
    Task<bool> MarkFailedAsync(DeliveryClaim claim, DeliveryState state, string error, DateTimeOffset now, DateTimeOffset? retryAt = null, CancellationToken ct = default);
    Task<Delivery?> GetAsync(string conversationId, string periodKey, CancellationToken ct = default);
    Task<IReadOnlyList<Delivery>> ListAsync(DeliveryState? state = null, int limit = 100, CancellationToken ct = default);
    /// <summary>
    /// What the sweep should look at, filtered in the database, oldest claim first, at most <paramref name="limit"/>:
    /// Failed rows with attempts left whose retry time has come, and Claimed rows claimed at or before
    /// <paramref name="staleBefore"/>; both only while their period has not ended and their subscription is active.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ListDueAsync(DateTimeOffset now, DateTimeOffset staleBefore, int limit, CancellationToken ct = default);
    /// <summary>The latest Sent delivery of a conversation (for "letters since the previous briefing").</summary>
    Task<Delivery?> LastSentAsync(string conversationId, CancellationToken ct = default);
}
