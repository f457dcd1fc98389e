using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>Admins added by chat command (the configured admins live in configuration, not here).</summary>
public sealed class AdminStore(StoreDatabase database, TimeProvider timeProvider) : IAdminStore
{
    private ISqlDialect D => database.Dialect;

    public async Task<bool> IsAdminAsync(string aadObjectId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var count = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM admins WHERE aad_object_id = @aadObjectId", new { aadObjectId }, ct);
        return count > 0;
    }

    public async Task<IReadOnlyList<(string AadObjectId, string? Name)>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT aad_object_id, name FROM admins ORDER BY added_at, aad_object_id",
            null, r => (r.Text("aad_object_id"), r.NullableText("name")), ct);
    }

    public async Task<bool> AddAsync(string aadObjectId, string? name, string addedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        await using var connection = await database.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(
            $"""
            INSERT INTO admins (aad_object_id, name, added_by, added_at)
            VALUES (@aadObjectId, @name, @addedBy, {D.Timestamp("@now")})
            ON CONFLICT (aad_object_id) DO NOTHING
            """,
            new { aadObjectId, name, addedBy, now = DbValues.Timestamp(timeProvider.GetUtcNow()) }, ct);
        return inserted == 1;
    }

    public async Task<bool> RemoveAsync(string aadObjectId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM admins WHERE aad_object_id = @aadObjectId", new { aadObjectId }, ct);
        return deleted > 0;
    }
}
