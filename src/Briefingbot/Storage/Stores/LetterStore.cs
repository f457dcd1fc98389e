using System.Data.Common;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>
/// Letters in the shared store. Every change (new text, deletion) takes the next store-wide version, so an instance
/// follows the store by asking for versions above the last one it has seen. Deleted letters stay as tombstones so
/// followers learn about the deletion.
/// </summary>
public sealed class LetterStore(StoreDatabase database) : ILetterStore
{
    private ISqlDialect D => database.Dialect;

    public async Task<bool> UpsertAsync(string sourceFile, string contentHash, string rawText, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await SerializeVersionsAsync(connection, tx, ct);
        var current = await connection.QuerySingleRowAsync(
            "SELECT content_hash, deleted FROM letters WHERE source_file = @sourceFile",
            new { sourceFile }, r => new Tuple<string, bool>(r.Text("content_hash"), r.Bool("deleted")), ct, tx);
        if (current is not null && current.Item1 == contentHash && !current.Item2)
        {
            await tx.CommitAsync(ct);
            return false;
        }

        var version = await NextVersionAsync(connection, tx, ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO letters (source_file, content_hash, raw_text, version, deleted, updated_at)
            VALUES (@sourceFile, @contentHash, @rawText, @version, FALSE, {D.Timestamp("@now")})
            ON CONFLICT (source_file) DO UPDATE SET
                content_hash = excluded.content_hash, raw_text = excluded.raw_text, version = excluded.version,
                deleted = FALSE, updated_at = excluded.updated_at
            """,
            new { sourceFile, contentHash, rawText, version, now = DbValues.Timestamp(now) }, ct, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> MarkDeletedAsync(string sourceFile, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await SerializeVersionsAsync(connection, tx, ct);
        var live = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM letters WHERE source_file = @sourceFile AND deleted = FALSE", new { sourceFile }, ct, tx);
        if (live == 0)
        {
            await tx.CommitAsync(ct);
            return false;
        }

        var version = await NextVersionAsync(connection, tx, ct);
        await connection.ExecuteAsync(
            $"UPDATE letters SET deleted = TRUE, version = @version, updated_at = {D.Timestamp("@now")} WHERE source_file = @sourceFile",
            new { sourceFile, version, now = DbValues.Timestamp(now) }, ct, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Changes (including deletions) with a version above <paramref name="version"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredLetter>> ChangesSinceAsync(long version, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM letters WHERE version > @version ORDER BY version LIMIT @limit",
            new { version, limit }, Map, ct);
    }

    /// <summary>The letters currently in the store (not deleted), by source file.</summary>
    public async Task<IReadOnlyList<StoredLetter>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM letters WHERE deleted = FALSE ORDER BY source_file", null, Map, ct);
    }

    /// <summary>
    /// Source files of live letters whose ingest id is <paramref name="letterId"/> (the file name without its
    /// extension), without reading their text.
    /// </summary>
    internal async Task<IReadOnlyList<string>> SourceFilesOfAsync(string letterId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var candidates = await connection.QueryRowsAsync(
            """
            SELECT source_file FROM letters
            WHERE deleted = FALSE AND (source_file = @letterId OR substr(source_file, 1, length(@prefix)) = @prefix)
            """,
            new { letterId, prefix = letterId + "." }, r => r.Text("source_file"), ct);
        return candidates
            .Where(f => f == letterId || string.Equals(Path.GetFileNameWithoutExtension(f), letterId, StringComparison.Ordinal))
            .ToList();
    }

    private async Task SerializeVersionsAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        if (D.SerializeLetterVersionsSql is { } sql)
        {
            await connection.ExecuteAsync(sql, null, ct, tx);
        }
    }

    private async Task<long> NextVersionAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.ScalarAsync<long>(D.NextLetterVersionSql, null, ct, tx);

    private static StoredLetter Map(DbRow r) => new(
        r.Text("source_file"), r.Text("content_hash"), r.Text("raw_text"), r.Long("version"), r.Bool("deleted"), r.Timestamp("updated_at"));
}
