using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary><see cref="IUserNameStore"/> on the shared database: one row per user id (trimmed, lower case).</summary>
public sealed class UserNameStore(StoreDatabase database, TimeProvider timeProvider) : IUserNameStore
{
    private const int MaxNameLength = 200;

    private ISqlDialect D => database.Dialect;

    /// <summary>The key under which an id is stored.</summary>
    public static string Key(string userId) => userId.Trim().ToLowerInvariant();

    public async Task RememberAsync(string userId, string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        trimmed = trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
        await using var connection = await database.OpenAsync(ct);
        // Written only when new or changed, so a user's every message does not rewrite the row.
        await connection.ExecuteAsync(
            $"""
            INSERT INTO user_names (user_id, name, updated_at)
            VALUES (@userId, @name, {D.Timestamp("@now")})
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            WHERE user_names.name <> excluded.name
            """,
            new { userId = Key(userId), name = trimmed, now = DbValues.Timestamp(timeProvider.GetUtcNow()) }, ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var keys = userIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(Key).Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (keys.Length == 0)
        {
            return result;
        }
        await using var connection = await database.OpenAsync(ct);
        // One named parameter per id: the same SQL on both providers (Npgsql would pass a list as one array).
        var parameters = new Dapper.DynamicParameters();
        for (var i = 0; i < keys.Length; i++)
        {
            parameters.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), keys[i]);
        }
        var list = string.Join(", ", keys.Select((_, i) => "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var rows = await connection.QueryRowsAsync(
            $"SELECT user_id, name FROM user_names WHERE user_id IN ({list})",
            parameters, r => (Id: r.Text("user_id"), Name: r.Text("name")), ct);
        foreach (var (id, name) in rows)
        {
            result[id] = name;
        }
        // Callers look names up by the id as they recorded it (any case, maybe with spaces).
        foreach (var id in userIds)
        {
            if (!string.IsNullOrWhiteSpace(id) && result.TryGetValue(Key(id), out var name))
            {
                result[id] = name;
            }
        }
        return result;
    }
}
