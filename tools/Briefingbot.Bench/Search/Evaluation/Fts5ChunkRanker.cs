using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// Baseline: a plain SQLite FTS5 table (tokenizer <c>unicode61</c>: case and diacritics folded, no stemming, stop
/// words or compounds) over ~600-character chunks of the raw letters (<see cref="TextChunker"/>), ranked by FTS5's
/// bm25. The query's words (<see cref="BaselineQuery.Terms"/>) are each quoted as an FTS5 string, so no FTS5 syntax is
/// interpreted, and OR'ed or AND'ed. A returned span is the whole chunk.
/// </summary>
public sealed class Fts5ChunkRanker : IPassageRanker, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly BaselineQuery.Combine _combine;

    private Fts5ChunkRanker(SqliteConnection connection, BaselineQuery.Combine combine)
    {
        _connection = connection;
        _combine = combine;
    }

    public string Name => _combine == BaselineQuery.Combine.Or ? "SQLite FTS5, terms OR'ed" : "SQLite FTS5, terms AND'ed";

    /// <summary>Copies <paramref name="chunks"/> into a new in-memory FTS5 table.</summary>
    public static Fts5ChunkRanker Build(IEnumerable<TextChunk> chunks, BaselineQuery.Combine combine)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE VIRTUAL TABLE chunks USING fts5(source_file UNINDEXED, start UNINDEXED, end UNINDEXED, body, tokenize = 'unicode61')";
                create.ExecuteNonQuery();
            }
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO chunks (source_file, start, end, body) VALUES ($file, $start, $end, $body)";
            var file = insert.Parameters.Add("$file", SqliteType.Text);
            var start = insert.Parameters.Add("$start", SqliteType.Integer);
            var end = insert.Parameters.Add("$end", SqliteType.Integer);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var chunk in chunks)
            {
                file.Value = chunk.SourceFile;
                start.Value = chunk.Start;
                end.Value = chunk.End;
                body.Value = chunk.Text;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            return new Fts5ChunkRanker(connection, combine);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyList<RankedSpan>> RankAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        var terms = BaselineQuery.Terms(query);
        if (terms.Count == 0 || k <= 0)
        {
            return Task.FromResult<IReadOnlyList<RankedSpan>>([]);
        }
        using var command = _connection.CreateCommand();
        // bm25() is lower-is-better; ties in chunk order keep the ranking deterministic.
        command.CommandText = "SELECT source_file, start, end, bm25(chunks) FROM chunks WHERE chunks MATCH $q ORDER BY bm25(chunks), rowid LIMIT $k";
        var separator = _combine == BaselineQuery.Combine.Or ? " OR " : " AND ";
        command.Parameters.AddWithValue("$q", string.Join(separator, terms.Select(t => "\"" + t + "\"")));
        command.Parameters.AddWithValue("$k", k);
        var spans = new List<RankedSpan>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            spans.Add(new RankedSpan(
                reader.GetString(0),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                -reader.GetDouble(3)));
        }
        return Task.FromResult<IReadOnlyList<RankedSpan>>(spans);
    }

    public void Dispose() => _connection.Dispose();
}
