using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary><see cref="IConversationStateStore"/> on the shared database: one row per (conversation, kind).</summary>
public sealed class ConversationStateStore(StoreDatabase database, TimeProvider timeProvider) : IConversationStateStore
{
    /// <summary>How often a write also deletes expired rows: not on every search answer, which writes here.</summary>
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);

    private long _nextCleanupTicks;

    private ISqlDialect D => database.Dialect;

    public async Task<string?> GetAsync(string conversationId, string kind, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            $"SELECT value FROM conversation_state WHERE conversation_id = @conversationId AND kind = @kind AND expires_at > {D.Timestamp("@now")}",
            new { conversationId, kind, now = DbValues.Timestamp(timeProvider.GetUtcNow()) }, r => r.Text("value"), ct);
    }

    public async Task SetAsync(string conversationId, string kind, string value, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO conversation_state (conversation_id, kind, value, expires_at)
            VALUES (@conversationId, @kind, @value, {D.Timestamp("@expiresAt")})
            ON CONFLICT (conversation_id, kind) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
            """,
            new { conversationId, kind, value, expiresAt = DbValues.Timestamp(now + lifetime) }, ct);
        // Expired state of other conversations goes with a later write (indexed on expires_at), at most every
        // CleanupEvery per instance, so the table stays small without a second write per search.
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextCleanupTicks, (now + CleanupEvery).UtcTicks, due) == due)
        {
            await connection.ExecuteAsync(
                $"DELETE FROM conversation_state WHERE expires_at <= {D.Timestamp("@now")}", new { now = DbValues.Timestamp(now) }, ct);
        }
    }

    public async Task<bool> TryAddAsync(string conversationId, string kind, string value, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            INSERT INTO conversation_state (conversation_id, kind, value, expires_at)
            VALUES (@conversationId, @kind, @value, {D.Timestamp("@expiresAt")})
            ON CONFLICT (conversation_id, kind) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
            WHERE conversation_state.expires_at <= {D.Timestamp("@now")}
            """,
            new { conversationId, kind, value, expiresAt = DbValues.Timestamp(now + lifetime), now = DbValues.Timestamp(now) }, ct);
        return affected == 1;
    }

    public async Task<bool> ReplaceAsync(string conversationId, string kind, string expected, string value, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            UPDATE conversation_state SET value = @value, expires_at = {D.Timestamp("@expiresAt")}
            WHERE conversation_id = @conversationId AND kind = @kind AND value = @expected AND expires_at > {D.Timestamp("@now")}
            """,
            new { conversationId, kind, value, expected, expiresAt = DbValues.Timestamp(now + lifetime), now = DbValues.Timestamp(now) }, ct);
        return affected == 1;
    }
}
