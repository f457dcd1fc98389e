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

    public async Task<bool> TryClaimAsync(string conversationId, string periodKey, string claimedBy, DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // A Claimed row older than staleAfter belongs to a sender that died mid-send: it may be taken over (the one
        // window where a briefing can go out twice: the old sender posted but died before MarkSent). Sent and Gone
        // rows are final. Failed rows are retried while attempts are left.
        var affected = await connection.ExecuteAsync(
            $"""
            INSERT INTO deliveries (conversation_id, period_key, state, attempts, claimed_by, claimed_at)
            VALUES (@conversationId, @periodKey, '{Claimed}', 1, @claimedBy, {D.Timestamp("@now")})
            ON CONFLICT (conversation_id, period_key) DO UPDATE SET
                state = '{Claimed}',
                attempts = deliveries.attempts + 1,
                claimed_by = excluded.claimed_by,
                claimed_at = excluded.claimed_at,
                completed_at = NULL,
                error = NULL
            WHERE (deliveries.state = '{Claimed}' AND deliveries.claimed_at <= {D.Timestamp("@staleBefore")})
               OR (deliveries.state = '{Failed}' AND deliveries.attempts < @maxAttempts)
            """,
            new
            {
                conversationId,
                periodKey,
                claimedBy,
                now = DbValues.Timestamp(now),
                staleBefore = DbValues.Timestamp(now - staleAfter),
                maxAttempts = options.Value.MaxDeliveryAttempts,
            },
            ct);
        return affected == 1;
    }

    public async Task MarkSentAsync(string conversationId, string periodKey, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // An upsert, so the fact "sent" is recorded even if the claim row is somehow missing.
        await connection.ExecuteAsync(
            $"""
            INSERT INTO deliveries (conversation_id, period_key, state, attempts, claimed_at, completed_at, activity_id)
            VALUES (@conversationId, @periodKey, '{Sent}', 1, {D.Timestamp("@now")}, {D.Timestamp("@now")}, @activityId)
            ON CONFLICT (conversation_id, period_key) DO UPDATE SET
                state = '{Sent}', completed_at = excluded.completed_at, activity_id = excluded.activity_id, error = NULL
            """,
            new { conversationId, periodKey, activityId, now = DbValues.Timestamp(now) }, ct);
    }

    public async Task MarkFailedAsync(string conversationId, string periodKey, DeliveryState state, string error, DateTimeOffset now, CancellationToken ct = default)
    {
        if (state is not (DeliveryState.Failed or DeliveryState.Gone))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A delivery can only be marked Failed or Gone.");
        }
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO deliveries (conversation_id, period_key, state, attempts, claimed_at, completed_at, error)
            VALUES (@conversationId, @periodKey, @state, 1, {D.Timestamp("@now")}, {D.Timestamp("@now")}, @error)
            ON CONFLICT (conversation_id, period_key) DO UPDATE SET
                state = excluded.state, completed_at = excluded.completed_at, error = excluded.error
            WHERE deliveries.state <> '{Sent}'
            """,
            new { conversationId, periodKey, state = state.ToString(), error, now = DbValues.Timestamp(now) }, ct);
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
        r.NullableText("error"));
}
