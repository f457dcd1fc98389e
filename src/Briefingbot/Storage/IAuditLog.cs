namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface IAuditLog
{
    Task AppendAsync(string actorAadObjectId, string? actorName, string action, string details, CancellationToken ct = default);
    Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct = default);
}
