using Briefingbot.Dossiers.Ingest;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary><see cref="IIndexFeedLedger"/> on the shared database (table <c>index_feeds</c>, migration 12).</summary>
public sealed class IndexFeedLedger(StoreDatabase database, TimeProvider timeProvider) : IIndexFeedLedger
{
    private ISqlDialect D => database.Dialect;

    public async Task<bool> HasFedAsync(string indexId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexId);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync(
            "SELECT index_id FROM index_feeds WHERE index_id = @indexId", new { indexId }, r => r.Text("index_id"), cancellationToken);
        return rows.Count > 0;
    }

    public async Task MarkFedAsync(string indexId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO index_feeds (index_id, fed_at) VALUES (@indexId, {D.Timestamp("@now")}) ON CONFLICT (index_id) DO NOTHING",
            new { indexId, now = DbValues.Timestamp(timeProvider.GetUtcNow()) }, cancellationToken);
    }
}
