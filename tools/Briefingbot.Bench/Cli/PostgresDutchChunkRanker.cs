using Briefingbot.Dossiers.Search.Evaluation;
using Npgsql;
using NpgsqlTypes;

namespace Briefingbot.Cli;

/// <summary>
/// Baseline for <c>eval-search</c>: PostgreSQL's built-in <c>'dutch'</c> full-text search (Snowball Dutch stemmer and
/// stop words, no accent folding, no compound splitting) over the same ~600-character chunks as the FTS5 baselines:
/// <c>to_tsvector('dutch', chunk)</c>, the query's words OR'ed into one <c>to_tsquery('dutch', 'a | b')</c>, ranked by
/// <c>ts_rank_cd</c>. The chunks live in a TEMP table of this ranker's own session, so any database will do and
/// nothing is left behind.
/// </summary>
internal sealed class PostgresDutchChunkRanker : IPassageRanker, IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgresDutchChunkRanker(NpgsqlConnection connection) => _connection = connection;

    public string Name => "PostgreSQL 'dutch', terms OR'ed";

    /// <summary>Opens a session on <paramref name="connectionString"/> and loads <paramref name="chunks"/> into a temp table.</summary>
    public static async Task<PostgresDutchChunkRanker> CreateAsync(string connectionString, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var create = new NpgsqlCommand(
                "CREATE TEMP TABLE eval_chunks (id integer PRIMARY KEY, source_file text NOT NULL, start_offset integer NOT NULL, end_offset integer NOT NULL, body text NOT NULL, tsv tsvector)",
                connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var copy = await connection.BeginBinaryImportAsync("COPY eval_chunks (id, source_file, start_offset, end_offset, body) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var i = 0; i < chunks.Count; i++)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(chunks[i].SourceFile, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(chunks[i].Start, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(chunks[i].End, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(chunks[i].Text, NpgsqlDbType.Text, cancellationToken);
                }
                await copy.CompleteAsync(cancellationToken);
            }
            await using (var vectors = new NpgsqlCommand("UPDATE eval_chunks SET tsv = to_tsvector('dutch', body)", connection))
            {
                await vectors.ExecuteNonQueryAsync(cancellationToken);
            }
            return new PostgresDutchChunkRanker(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<RankedSpan>> RankAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        // Terms are runs of letters and digits only, so joining them with '|' is always valid tsquery syntax.
        var terms = BaselineQuery.Terms(query);
        if (terms.Count == 0 || k <= 0)
        {
            return [];
        }
        await using var command = new NpgsqlCommand(
            """
            SELECT source_file, start_offset, end_offset, ts_rank_cd(tsv, q) AS rank
            FROM eval_chunks, to_tsquery('dutch', @q) AS q
            WHERE tsv @@ q
            ORDER BY rank DESC, id
            LIMIT @k
            """,
            _connection);
        command.Parameters.AddWithValue("q", string.Join(" | ", terms));
        command.Parameters.AddWithValue("k", k);
        var spans = new List<RankedSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            spans.Add(new RankedSpan(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFloat(3)));
        }
        return spans;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
