using Briefingbot.Storage.Database;
using Microsoft.Extensions.Options;

namespace Briefingbot.Storage.Stores;

/// <summary>
/// The exactly-once guard of the briefing: a row per (conversation, period), claimed by one sender at a time.
/// Every claim is a single INSERT ... ON CONFLICT DO UPDATE ... WHERE statement, so the decision "may I send?" is
/// atomic in the database: PostgreSQL locks the conflicting row and re-checks the WHERE against its latest committed
/// version; SQLite runs writers one at a time. Exactly one of N concurrent claimers affects a row.
/// </summary>
public sealed class DeliveryLedger(StoreDatabase database, IOptions<StorageOptions> options) : IDeliveryLedger
{
    private const string Claimed = nameof(DeliveryState.Claimed);
    private const string Sent = nameof(DeliveryState.Sent);
    private const string Failed = nameof(DeliveryState.Failed);

    private ISqlDialect D => database.Dialect;

    public async Task<DeliveryClaim?> ClaimAsync(string conversationId, string periodKey, string claimedBy, DateTimeOffset now, TimeSpan staleAfter, DateTimeOffset? periodEnd = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // A Claimed row older than staleAfter belongs to a sender that died mid-send: it may be taken over (the one
        // window where a briefing can go out twice: the old sender posted but died before MarkSent). Sent and Gone
        // rows are final. Failed rows are retried while attempts are left. parts_sent is kept: a retry resumes there.
        // attempts is the claim's fencing token: every takeover increments it, so even the same claimer's older
        // attempt cannot complete the row any more.
        return await connection.QuerySingleRowAsync(
            $"""
            INSERT INTO deliveries (conversation_id, period_key, state, attempts, claimed_by, claimed_at, period_end)
            VALUES (@conversationId, @periodKey, '{Claimed}', 1, @claimedBy, {D.Timestamp("@now")}, {D.Timestamp("@periodEnd")})
            ON CONFLICT (conversation_id, period_key) DO UPDATE SET
                state = '{Claimed}',
                attempts = deliveries.attempts + 1,
                claimed_by = excluded.claimed_by,
                claimed_at = excluded.claimed_at,
                period_end = COALESCE(excluded.period_end, deliveries.period_end),
                completed_at = NULL,
                retry_at = NULL,
                error = NULL
            WHERE (deliveries.state = '{Claimed}' AND deliveries.claimed_at <= {D.Timestamp("@staleBefore")})
               OR (deliveries.state = '{Failed}' AND deliveries.attempts < @maxAttempts)
            RETURNING attempts, parts_sent, parts_json
            """,
            new
            {
                conversationId,
                periodKey,
                claimedBy,
                now = DbValues.Timestamp(now),
                periodEnd = DbValues.Timestamp(periodEnd),
                staleBefore = DbValues.Timestamp(now - staleAfter),
                maxAttempts = options.Value.MaxDeliveryAttempts,
            },
            r => new DeliveryClaim(conversationId, periodKey, claimedBy, r.Int("attempts"), r.Int("parts_sent"), r.NullableText("parts_json")),
            ct);
    }

    public async Task<bool> MarkPartSentAsync(DeliveryClaim claim, int partsSent, string? activityId, string? renderedParts = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            UPDATE deliveries SET parts_sent = @partsSent, activity_id = COALESCE(activity_id, @activityId),
                parts_json = COALESCE(@renderedParts, parts_json)
            WHERE {Fence}
            """,
            new { claim.ConversationId, claim.PeriodKey, claim.ClaimedBy, claim.Attempt, partsSent, activityId, renderedParts }, ct);
        return affected == 1;
    }

    public async Task<bool> MarkSentAsync(DeliveryClaim claim, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            UPDATE deliveries SET state = '{Sent}', completed_at = {D.Timestamp("@now")},
                activity_id = COALESCE(activity_id, @activityId), error = NULL, retry_at = NULL, parts_json = NULL
            WHERE {Fence}
            """,
            new { claim.ConversationId, claim.PeriodKey, claim.ClaimedBy, claim.Attempt, activityId, now = DbValues.Timestamp(now) }, ct);
        return affected == 1;
    }

    public async Task<bool> MarkFailedAsync(DeliveryClaim claim, DeliveryState state, string error, DateTimeOffset now, DateTimeOffset? retryAt = null, CancellationToken ct = default)
    {
        if (state is not (DeliveryState.Failed or DeliveryState.Gone))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A delivery can only be marked Failed or Gone.");
        }
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            UPDATE deliveries SET state = @state, completed_at = {D.Timestamp("@now")}, error = @error,
                retry_at = {D.Timestamp("@retryAt")}
            WHERE {Fence}
            """,
            new
            {
                claim.ConversationId, claim.PeriodKey, claim.ClaimedBy, claim.Attempt,
                state = state.ToString(), error, now = DbValues.Timestamp(now),
                retryAt = DbValues.Timestamp(state == DeliveryState.Failed ? retryAt ?? now : (DateTimeOffset?)null),
            }, ct);
        return affected == 1;
    }

    /// <summary>Only the current claim (same claimer, same attempt, still Claimed) may complete a row.</summary>
    private const string Fence = $"""
        conversation_id = @ConversationId AND period_key = @PeriodKey
        AND state = '{Claimed}' AND claimed_by = @ClaimedBy AND attempts = @Attempt
        """;

    public async Task<IReadOnlyList<Delivery>> ListDueAsync(DateTimeOffset now, DateTimeOffset staleBefore, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            $"""
            SELECT * FROM deliveries
            WHERE ((state = '{Failed}' AND attempts < @maxAttempts AND (retry_at IS NULL OR retry_at <= {D.Timestamp("@now")}))
                OR (state = '{Claimed}' AND claimed_at <= {D.Timestamp("@staleBefore")}))
              AND (period_end IS NULL OR period_end > {D.Timestamp("@now")})
              AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.conversation_id = deliveries.conversation_id AND s.status = 'Active')
            ORDER BY claimed_at, conversation_id, period_key
            LIMIT @limit
            """,
            new
            {
                now = DbValues.Timestamp(now),
                staleBefore = DbValues.Timestamp(staleBefore),
                maxAttempts = options.Value.MaxDeliveryAttempts,
                limit,
            }, Map, ct);
    }

    public async Task<Delivery?> GetAsync(string conversationId, string periodKey, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            "SELECT * FROM deliveries WHERE conversation_id = @conversationId AND period_key = @periodKey",
            new { conversationId, periodKey }, Map, ct);
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(DeliveryState? state = null, int limit = 100, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            """
            SELECT * FROM deliveries WHERE @state IS NULL OR state = @state
            ORDER BY claimed_at DESC, conversation_id, period_key LIMIT @limit
            """,
            new { state = state?.ToString(), limit }, Map, ct);
    }

    public async Task<Delivery?> LastSentAsync(string conversationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            $"""
            SELECT * FROM deliveries WHERE conversation_id = @conversationId AND state = '{Sent}'
            ORDER BY completed_at DESC LIMIT 1
            """,
            new { conversationId }, Map, ct);
    }

    private static Delivery Map(DbRow r) => new(
        r.Text("conversation_id"),
        r.Text("period_key"),
        r.Enum<DeliveryState>("state"),
        r.Int("attempts"),
        r.NullableText("claimed_by"),
        r.Timestamp("claimed_at"),
        r.NullableTimestamp("completed_at"),
        r.NullableText("activity_id"),
        r.NullableText("error"),
        r.Int("parts_sent"),
        r.NullableTimestamp("retry_at"),
        r.NullableTimestamp("period_end"));
}
