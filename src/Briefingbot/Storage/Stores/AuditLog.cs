using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>Append-only log of admin actions.</summary>
public sealed class AuditLog(StoreDatabase database, TimeProvider timeProvider) : IAuditLog
{
    private ISqlDialect D => database.Dialect;

    public async Task AppendAsync(string actorAadObjectId, string? actorName, string action, string details, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO audit_log (occurred_at, actor_aad_object_id, actor_name, action, details)
            VALUES ({D.Timestamp("@now")}, @actorAadObjectId, @actorName, @action, @details)
            """,
            new { now = DbValues.Timestamp(timeProvider.GetUtcNow()), actorAadObjectId, actorName, action, details }, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await database.OpenAsync(ct);
        // Ordered by id, not time: entries appended in the same instant keep their order.
        return await connection.QueryRowsAsync(
            "SELECT * FROM audit_log ORDER BY id DESC LIMIT @count",
            new { count },
            r => new AuditEntry(
                r.Long("id"), r.Timestamp("occurred_at"), r.Text("actor_aad_object_id"), r.NullableText("actor_name"),
                r.Text("action"), r.Text("details")),
            ct);
    }
}
