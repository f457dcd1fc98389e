using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>Named saved searches. Names are stored as given; callers normalise them (e.g. lower case).</summary>
public sealed class TopicStore(StoreDatabase database) : ITopicStore
{
    private ISqlDialect D => database.Dialect;

    public async Task<Topic?> GetAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync("SELECT * FROM topics WHERE name = @name", new { name }, Map, ct);
    }

    public async Task<IReadOnlyList<Topic>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync("SELECT * FROM topics ORDER BY name", null, Map, ct);
    }

    public async Task UpsertAsync(Topic topic, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic.Name);
        await using var connection = await database.OpenAsync(ct);
        // Replacing a topic keeps who created it and when: only the query and the change time move.
        await connection.ExecuteAsync(
            $"""
            INSERT INTO topics (name, query, created_by, created_at, updated_at)
            VALUES (@Name, @Query, @CreatedBy, {D.Timestamp("@CreatedAt")}, {D.Timestamp("@UpdatedAt")})
            ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at
            """,
            new
            {
                topic.Name,
                topic.Query,
                topic.CreatedBy,
                CreatedAt = DbValues.Timestamp(topic.CreatedAt),
                UpdatedAt = DbValues.Timestamp(topic.UpdatedAt),
            },
            ct);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync("DELETE FROM topics WHERE name = @name", new { name }, ct) > 0;
    }

    private static Topic Map(DbRow r) => new(
        r.Text("name"), r.Text("query"), r.Text("created_by"), r.Timestamp("created_at"), r.Timestamp("updated_at"));
}
