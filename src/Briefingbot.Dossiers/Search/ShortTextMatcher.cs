using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Tells which of a list of short texts that are not letters (an official register promise with its subject) a saved
/// topic query covers, by the rule that decides which letters a topic covers: the index's own analysis (stems,
/// compound parts, folding) and the strict step of a search (every word, exact terms; OR, NOT, phrases and prefixes
/// as in chat). The relaxed steps (typos, some words) are left out, as for topics. The texts live in a small
/// in-memory Lucene index, so a briefing builds one per composition and asks it once per topic.
/// </summary>
public sealed class ShortTextMatcher : IDisposable
{
    private const string Position = "n";
    private readonly DutchLetterAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader? _reader;
    private readonly int _count;

    /// <param name="texts">The texts; a match is reported by its position in this list.</param>
    public ShortTextMatcher(IReadOnlyList<string> texts)
    {
        _count = texts.Count;
        if (_count == 0)
        {
            return;
        }
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField(Position, i),
                    new TextField(IndexFields.Text, texts[i] ?? string.Empty, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    /// <summary>The positions of the texts <paramref name="query"/> matches; empty when it has nothing searchable.</summary>
    public IReadOnlySet<int> Matching(string? query)
    {
        var node = UserQueryParser.Parse(query);
        if (_reader is null || node is null
            || new LetterQueryBuilder(_analyzer).Build(node, MatchMode.AllTerms, new LetterQueryBuilder.Highlights()) is not { } lucene)
        {
            return new HashSet<int>();
        }
        var searcher = new IndexSearcher(_reader);
        return searcher.Search(lucene, _count).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).GetField(Position).GetInt32Value() ?? -1)
            .Where(n => n >= 0)
            .ToHashSet();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
