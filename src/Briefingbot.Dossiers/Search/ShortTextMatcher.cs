using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
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
/// as in chat), with what the search knows besides: synonyms ("inkoop" covers "aanschaf") and abbreviations, those the
/// texts define and those the letters define ("edf" covers "Europees Defensiefonds",
/// and the other way round). The relaxed steps (typos, some words) are left out, as for topics. The texts live in a
/// small in-memory Lucene index, so a briefing builds one per composition and asks it once per topic.
/// </summary>
public sealed class ShortTextMatcher : IDisposable
{
    private const string Position = "n";
    private readonly DutchLetterAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader? _reader;
    private readonly int _count;

    /// <param name="texts">The texts; a match is reported by its position in this list.</param>
    /// <param name="abbreviations">Short and long forms the letters define (<see cref="ILetterSearch.AbbreviationsAsync"/>), folded.</param>
    public ShortTextMatcher(IReadOnlyList<string> texts, IReadOnlyList<(string Short, string Long)>? abbreviations = null)
    {
        _count = texts.Count;
        if (_count == 0)
        {
            return;
        }
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)))
        {
            var pairs = new HashSet<(string Short, string Long)>(abbreviations ?? []);
            for (var i = 0; i < texts.Count; i++)
            {
                var text = texts[i] ?? string.Empty;
                var doc = new Document
                {
                    new StoredField(Position, i),
                    new TextField(IndexFields.Text, text, Field.Store.NO),
                };
                // As passages are indexed: the words written in capitals apart from the text ("EDF", not "ras").
                foreach (var capitals in Abbreviations.CapitalWords(text))
                {
                    doc.Add(new StringField(IndexFields.Capitals, capitals, Field.Store.NO));
                }
                writer.AddDocument(doc);
                pairs.UnionWith(Abbreviations.Find(text));
            }
            // The pairs as a letter document holds them, on a document of their own: SearchTerms reads them from there.
            var known = new Document();
            foreach (var (shortForm, longForm) in pairs)
            {
                known.Add(new StringField(IndexFields.Abbreviation, Abbreviations.Key(shortForm, longForm), Field.Store.NO));
                known.Add(new StringField(IndexFields.AbbreviationByLongForm, Abbreviations.LongFormKey(shortForm, longForm), Field.Store.NO));
            }
            if (pairs.Count > 0)
            {
                writer.AddDocument(known);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    /// <summary>The positions of the texts <paramref name="query"/> matches; empty when it has nothing searchable.</summary>
    public IReadOnlySet<int> Matching(string? query)
    {
        var node = UserQueryParser.Parse(query);
        if (_reader is null || node is null)
        {
            return new HashSet<int>();
        }
        var searcher = new IndexSearcher(_reader);
        var terms = new SearchTerms(searcher);
        // No document count: no word is "common", so a word in many promises keeps its synonyms (the search leaves
        // them out of a common word to save time, which a few hundred short texts do not need; only membership counts
        // here). The frequencies still tell which short forms the texts write.
        if (new LetterQueryBuilder(_analyzer).Build(node, MatchMode.AllTerms, new LetterQueryBuilder.Highlights(), terms.IsKnown,
                terms.DocFreq, documents: 0, longForms: terms.LongForms, shortForms: terms.ShortForms) is not { } lucene)
        {
            return new HashSet<int>();
        }
        return searcher.Search(lucene, _count).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).GetField(Position)?.GetInt32Value() ?? -1)
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
