using System.Globalization;
using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// The mechanics that make search fast at a million passages must not change a single answer: the parallel
/// per-segment collection, the top-K selection and the two-pass highlighter give exactly what the plain way gives.
/// </summary>
public sealed class ScaleMechanicsTests : IDisposable
{
    private readonly TestIndex _index = new(commitEvery: 7);

    private string Term(string word) => TokenAnalysis.Analyze(_index.Index.Analyzer, IndexFields.Text, word).Single().Term;

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Parallel_collection_over_segments_equals_the_sequential_search()
    {
        await IngestManyLettersAsync();
        using var lease = _index.Index.Acquire();
        var searcher = lease.Searcher;
        Assert.True(searcher.IndexReader.Leaves.Count >= 3, $"the test needs several segments, not {searcher.IndexReader.Leaves.Count}");

        foreach (var word in new[] { "drones", "begroting", "Oekraine", "munitie" }.Select(Term))
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(IndexFields.Text, word)), Occur.SHOULD },
                { new TermQuery(new Term(IndexFields.Title, word)) { Boost = 0.6f }, Occur.SHOULD },
            };
            using var sequential = BestPassageCollector.Search(searcher, query, null, parallelThreshold: int.MaxValue);
            using var parallel = BestPassageCollector.Search(searcher, query, null, parallelThreshold: 0);
            var expected = sequential.Top(int.MaxValue);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, parallel.Top(int.MaxValue));
            Assert.Equal(sequential.Count, parallel.Count);
        }
    }

    [Fact]
    public async Task Top_k_is_the_head_of_the_full_ranking_with_ties_broken_by_letter_id()
    {
        await IngestManyLettersAsync();
        using var lease = _index.Index.Acquire();
        using var collector = BestPassageCollector.Search(lease.Searcher, new TermQuery(new Term(IndexFields.Text, Term("begroting"))), null);
        var all = collector.Top(int.MaxValue);
        Assert.True(all.Count > 10, $"{all.Count} letters");
        // Identical letters score identically: the order among them is by id, so paging is stable.
        Assert.Contains(all.Zip(all.Skip(1)), pair => pair.First.Score == pair.Second.Score);
        foreach (var k in new[] { 1, 3, 7, all.Count - 1 })
        {
            Assert.Equal(all.Take(k), collector.Top(k));
        }
    }

    [Fact]
    public async Task A_flattened_any_of_query_scores_every_passage_exactly_as_the_nested_one()
    {
        using var lease = await _index.SeedsAsync();
        var searcher = lease.Searcher;
        BooleanQuery Word(string word, float boost = 1f)
        {
            var term = Term(word);
            var query = new BooleanQuery(disableCoord: true) { Boost = boost };
            query.Add(new TermQuery(new Term(IndexFields.Text, term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Title, term)) { Boost = 0.6f }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Heading, term)) { Boost = 0.3f }, Occur.SHOULD);
            return query;
        }
        // Only disjunctions without coordination are flattened (a coordinated one counts words, not fields).
        var nested = new BooleanQuery(disableCoord: true) { { Word("drones"), Occur.SHOULD }, { Word("Oekraine", 0.8f), Occur.SHOULD }, { Word("munitie"), Occur.SHOULD } };
        var coordinated = new BooleanQuery { { Word("drones"), Occur.SHOULD }, { Word("munitie"), Occur.SHOULD } };
        Assert.All(Assert.IsType<BooleanQuery>(LetterQueryBuilder.Flatten(coordinated)).Clauses, c => Assert.IsType<BooleanQuery>(c.Query));

        var flat = Assert.IsType<BooleanQuery>(LetterQueryBuilder.Flatten(nested));

        Assert.Equal(9, flat.Clauses.Count);
        Assert.All(flat.Clauses, c => Assert.IsType<TermQuery>(c.Query));
        var expected = TestIndex.ScoresOf(searcher, nested);
        var actual = TestIndex.ScoresOf(searcher, flat);
        Assert.True(expected.Count > 50, $"{expected.Count} passages");
        Assert.Equal(expected.Select(e => e.Doc), actual.Select(a => a.Doc));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 0.0001f));

        // An all-of query keeps its structure: every word must still match somewhere.
        var allOf = new BooleanQuery { { Word("drones"), Occur.MUST }, { Word("munitie"), Occur.MUST } };
        Assert.All(Assert.IsType<BooleanQuery>(LetterQueryBuilder.Flatten(allOf)).Clauses, c => Assert.IsType<BooleanQuery>(c.Query));
    }

    [Fact]
    public void Highlighting_finds_a_compound_part_in_its_second_pass()
    {
        using var full = new DutchLetterAnalyzer();
        using var wholeWords = new DutchLetterAnalyzer(compounds: false);
        var highlights = new LetterQueryBuilder.Highlights();
        highlights.Terms.Add(TokenAnalysis.Analyze(full, IndexFields.Text, "drone").Single().Term);
        const string text = "De dronebestrijding op vliegvelden en de inzet van drones.";

        var twoPass = SnippetBuilder.Build(full, wholeWords, text, highlights);
        var marked = twoPass.Highlights.Select(h => twoPass.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Equal(["dronebestrijding", "drones"], marked);
        Assert.Equal(SnippetBuilder.Build(full, text, highlights).Markdown, twoPass.Markdown);

        // The whole-word pass alone would miss the compound: the second pass is what finds it.
        var wholeOnly = SnippetBuilder.Build(wholeWords, text, highlights);
        Assert.Equal(["drones"], wholeOnly.Highlights.Select(h => wholeOnly.Text.Substring(h.Start, h.Length)));
    }

    [Fact]
    public async Task Highlighting_word_by_word_marks_exactly_what_the_full_chain_over_the_passage_marks()
    {
        // Every query of the relevance set against the passages it finds in the seed letters (the first page): the
        // second pass analyses only the words that may hold a compound part, and must mark the same as analysing
        // the whole passage with the full chain.
        using var seeds = new TestIndex();
        seeds.CopySeeds();
        await seeds.IngestAsync();
        using var full = new DutchLetterAnalyzer();
        using var wholeWords = new DutchLetterAnalyzer(compounds: false);
        using var set = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Relevance, "passages.json")));
        var compared = 0;
        var compoundMarks = 0;
        foreach (var query in set.RootElement.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("query").GetString()!))
        {
            var highlights = new LetterQueryBuilder.Highlights();
            foreach (var token in TokenAnalysis.Analyze(full, IndexFields.Text, query))
            {
                highlights.Terms.Add(token.Term);
            }
            var response = await seeds.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
            foreach (var text in response.Passages.Select(p => p.Passage.Text))
            {
                var plain = SnippetBuilder.Build(full, full, text, highlights, SnippetBuilder.PassageWindowChars);
                var twoPass = SnippetBuilder.Build(full, wholeWords, text, highlights, SnippetBuilder.PassageWindowChars);
                Assert.Equal(plain.Markdown, twoPass.Markdown);
                Assert.Equal((plain.WindowStart, plain.WindowEnd), (twoPass.WindowStart, twoPass.WindowEnd));
                compoundMarks += plain.Highlights.Count - SnippetBuilder.Build(wholeWords, wholeWords, text, highlights, SnippetBuilder.PassageWindowChars).Highlights.Count;
                compared++;
            }
        }
        Assert.True(compared > 500, $"{compared} passages compared");
        Assert.True(compoundMarks > 20, $"{compoundMarks} marks only a compound part gives"); // the comparison covers the second pass
    }

    [Fact]
    public async Task Every_live_passage_finds_its_own_letter_document_in_the_segment_table_after_updates_and_removals()
    {
        await IngestManyLettersAsync();
        // Changed letters are rewritten as new blocks (the old ones deleted but still in their segments), removed
        // letters leave deleted blocks behind: the table must still give every live passage its own letter.
        for (var i = 0; i < 35; i += 4)
        {
            _index.WriteLetter(string.Create(CultureInfo.InvariantCulture, $"brief-{i:D3}.txt"),
                string.Create(CultureInfo.InvariantCulture, $"Titel: Herziene brief {i:D3}\n\nDe begroting voor drones, herzien.\n\nEen tweede alinea over munitie.\n"));
        }
        File.Delete(Path.Combine(_index.Corpus, "brief-005.txt"));
        File.Delete(Path.Combine(_index.Corpus, "brief-006.txt"));
        await _index.IngestAsync();

        using var lease = _index.Index.Acquire();
        var checkedPassages = 0;
        var deletedSeen = 0;
        foreach (var leaf in lease.Searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var letters = SegmentLetters.For(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (reader.LiveDocs?.Get(doc) == false)
                {
                    deletedSeen++;
                    continue;
                }
                if (letters is null || letters.Ordinals[doc] < 0)
                {
                    continue; // a letter document itself
                }
                var letterDoc = letters.LetterDocumentOf(doc);
                Assert.True(letterDoc >= 0 && letterDoc < doc, $"passage {doc}: letter document {letterDoc}");
                Assert.True(reader.LiveDocs?.Get(letterDoc) != false, $"passage {doc}: its letter document {letterDoc} is deleted");
                Assert.Equal(reader.Document(doc).Get(IndexFields.LetterId), reader.Document(letterDoc).Get(IndexFields.LetterId));
                checkedPassages++;
            }
        }
        Assert.True(checkedPassages > 60, $"{checkedPassages} passages checked");
        Assert.True(deletedSeen > 0, "the updates should have left deleted documents in the segments");

        // And search answers carry the changed letters' own metadata.
        var response = await _index.Search.SearchAsync("herzien", new SearchFilters { PageSize = 50, Unit = SearchUnit.Letters });
        Assert.Equal(9, response.TotalLetters);
        // Hits are runs of consecutive ranked passages (passage ranking): a letter whose title and paragraph both
        // match may give two hits, so the letters are counted.
        Assert.Equal(9, response.Hits.Select(h => h.LetterId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(response.Hits, h => Assert.Equal("Herziene brief " + h.LetterId["brief-".Length..], h.Title));
    }

    /// <summary>35 letters in five commits (five segments: too few for the merge policy to merge), each mentioning some of the same words.</summary>
    private async Task IngestManyLettersAsync()
    {
        var words = new[] { "drones", "begroting", "Oekraïne", "munitie" };
        for (var i = 0; i < 35; i++)
        {
            var mentioned = string.Join(" en ", words.Where((_, w) => (i + w) % 3 != 0));
            _index.WriteLetter(string.Create(CultureInfo.InvariantCulture, $"brief-{i:D3}.txt"),
                string.Create(CultureInfo.InvariantCulture, $"Brief {i} over {words[i % words.Length]}\n\nDe Kamer vroeg naar {mentioned}.\n\nOok de {words[(i + 1) % words.Length]} komt aan bod, {i % 5} keer.\n"));
        }
        await _index.IngestAsync();
    }
}
