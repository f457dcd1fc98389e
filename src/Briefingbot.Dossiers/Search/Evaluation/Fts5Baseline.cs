using System.Text;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Data.Sqlite;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// The comparison point for our ranking: a plain SQLite FTS5 table (tokenizer <c>unicode61</c>, which folds case
/// and diacritics but has no Dutch stemming, stop words or compounds; the approach of OpenTK) over exactly the
/// passages in our index. Queries are the typed words, all required (FTS5's implicit AND), falling back to any word
/// when that finds nothing, ranked by FTS5's bm25 and grouped by letter like our search.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private readonly SqliteConnection _connection;

    private Fts5Baseline(SqliteConnection connection) => _connection = connection;

    /// <summary>Copies every passage of the index into an in-memory FTS5 table.</summary>
    public static Fts5Baseline Build(LetterIndex index)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE passages USING fts5(letter_id UNINDEXED, source_file UNINDEXED, start UNINDEXED, end UNINDEXED, text, tokenize = 'unicode61')";
            create.ExecuteNonQuery();
        }

        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        var letterDocs = searcher.Search(new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindLetter)), Math.Max(1, searcher.IndexReader.MaxDoc));
        foreach (var hit in letterDocs.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc, new HashSet<string> { IndexFields.LetterId, IndexFields.SourceFile });
            letters[doc.Get(IndexFields.LetterId)] = doc.Get(IndexFields.SourceFile);
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO passages VALUES ($letter, $file, $start, $end, $text)";
        var parameters = new[] { "$letter", "$file", "$start", "$end", "$text" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        var passages = searcher.Search(new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindPassage)), Math.Max(1, searcher.IndexReader.MaxDoc));
        foreach (var hit in passages.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc);
            var passage = LetterDocuments.ReadPassage(doc);
            var letterId = doc.Get(IndexFields.LetterId);
            parameters[0].Value = letterId;
            parameters[1].Value = letters.GetValueOrDefault(letterId, letterId);
            parameters[2].Value = passage.Start;
            parameters[3].Value = passage.End;
            parameters[4].Value = passage.Text;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return new Fts5Baseline(connection);
    }

    public IReadOnlyList<RankedPassage> Search(string query, int letters = RelevanceEvaluator.K)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        var all = Run(string.Join(" AND ", words), letters);
        return all.Count > 0 ? all : Run(string.Join(" OR ", words), letters);
    }

    private List<RankedPassage> Run(string match, int letters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT letter_id, source_file, start, end, text FROM passages WHERE passages MATCH $q ORDER BY bm25(passages) LIMIT 1000";
        command.Parameters.AddWithValue("$q", match);
        var results = new List<RankedPassage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read() && results.Count < letters)
        {
            var letterId = reader.GetString(0);
            if (seen.Add(letterId))
            {
                results.Add(new RankedPassage(letterId, reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(4)));
            }
        }
        return results;
    }

    /// <summary>The query's words as FTS5 string literals (so no FTS5 syntax is interpreted).</summary>
    private static List<string> Words(string query)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in query + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add("\"" + current + "\"");
                current.Clear();
            }
        }
        return words;
    }

    public void Dispose() => _connection.Dispose();
}
