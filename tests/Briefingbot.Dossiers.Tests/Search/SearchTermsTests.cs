using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// The steps of one search share their terms' look-ups (<see cref="SearchTerms"/>): a shared query must match the same
/// passages with the same scores as the query it was made from.
/// </summary>
public sealed class SearchTermsTests : IDisposable
{
    private readonly TestIndex _index = new(parser: new LetterParser(), pageSize: 10);

    public void Dispose() => _index.Dispose();

    private static TermQuery Term(string field, string text, float boost = 1f) => new(new Term(field, text)) { Boost = boost };

    /// <summary>Two passage-text terms the seed letters hold in a few dozen passages each (whatever the stemmer makes of them).</summary>
    private static (string, string) LiveTerms(IndexReader reader)
    {
        var found = new List<string>();
        var terms = MultiFields.GetTerms(reader, IndexFields.Text).GetEnumerator();
        while (found.Count < 2 && terms.MoveNext())
        {
            if (terms.DocFreq is >= 20 and <= 80 && terms.Term.Utf8ToString().All(char.IsAsciiLetterLower))
            {
                found.Add(terms.Term.Utf8ToString());
            }
        }
        return (found[0], found[1]);
    }

    [Fact]
    public async Task Shared_queries_match_and_score_as_the_originals()
    {
        using var lease = await _index.SeedsAsync();
        var searcher = lease.Searcher;
        var builder = new LetterQueryBuilder(_index.Index.Analyzer);
        var reader = searcher.IndexReader;
        var known = new SearchTerms(searcher);
        var queries = new List<Query>();
        foreach (var text in new[]
        {
            "PCA drones", "specialisatie qwxzyv", "qwxzyv", "dronebestrijdng", "luchtverdedigng munitei", "Europese defensie-industrie",
            "\"staakt het vuren\"", "drones OR munitie", "defensie -navo", "wanneer omnibus", "oekraine steun per land", "weerstand defensielocaties",
        })
        {
            var node = UserQueryParser.Parse(text)!;
            foreach (var mode in Enum.GetValues<MatchMode>())
            {
                var query = builder.Build(node, mode, new LetterQueryBuilder.Highlights(), known.IsKnown, reader.DocFreq, reader.MaxDoc);
                if (query is null)
                {
                    continue;
                }
                queries.Add(mode is MatchMode.AllTermsFuzzy or MatchMode.SomeTermsFuzzy ? searcher.Rewrite(query) : query);
                queries.AddRange(LetterSearch.PartialTiers(query).Select(t => t.Query));
            }
        }
        // Shapes the builder may not make: dead clauses everywhere, no clauses, all dead, minimums, coordination.
        var dead = Term(IndexFields.Text, "qwxzyv");
        var (liveText, otherText) = LiveTerms(reader);
        var live = Term(IndexFields.Text, liveText);
        var other = Term(IndexFields.Text, otherText, 0.7f);
        Assert.True(reader.DocFreq(live.Term) > 0 && reader.DocFreq(other.Term) > 0 && reader.DocFreq(dead.Term) == 0);
        queries.Add(new BooleanQuery());
        queries.Add(new BooleanQuery(disableCoord: true) { { dead, Occur.SHOULD }, { Term(IndexFields.Title, "qwxzyv"), Occur.SHOULD } });
        queries.Add(new BooleanQuery(disableCoord: true) { { live, Occur.MUST }, { dead, Occur.SHOULD }, { other, Occur.SHOULD } });
        queries.Add(new BooleanQuery(disableCoord: true) { { live, Occur.SHOULD }, { dead, Occur.MUST } });
        queries.Add(new BooleanQuery(disableCoord: true) { { dead, Occur.SHOULD }, { other, Occur.MUST_NOT } });
        queries.Add(new BooleanQuery(disableCoord: false) { { live, Occur.SHOULD }, { dead, Occur.SHOULD }, { other, Occur.SHOULD } });
        queries.Add(new BooleanQuery(disableCoord: true) { { live, Occur.SHOULD }, { dead, Occur.SHOULD }, { other, Occur.SHOULD } });
        queries.Add(new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 2, Clauses = { } });
        var minimum = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 2 };
        minimum.Add(live, Occur.SHOULD);
        minimum.Add(dead, Occur.SHOULD);
        minimum.Add(other, Occur.SHOULD);
        queries.Add(minimum);
        queries.Add(new BooleanQuery(disableCoord: false) { Boost = 2f, Clauses = { } });
        queries.Add(new BooleanQuery(disableCoord: false) { { new BooleanQuery(disableCoord: true) { { dead, Occur.SHOULD }, { live, Occur.SHOULD } }, Occur.SHOULD }, { other, Occur.SHOULD } });
        // Boosted nodes left with one live clause (Lucene folds the boost of a one-clause query into the clause).
        var inner = new BooleanQuery(disableCoord: true) { Boost = 0.8f };
        inner.Add(Term(IndexFields.Text, liveText, 0.8f), Occur.SHOULD);
        queries.Add(new BooleanQuery(disableCoord: true) { Boost = 0.3f, Clauses = { } });
        var boosted = new BooleanQuery(disableCoord: true) { Boost = 0.3f };
        boosted.Add(Term(IndexFields.Text, "qwxzyv", 0.3f), Occur.SHOULD);
        boosted.Add(inner, Occur.SHOULD);
        queries.Add(boosted);
        var boostedPair = new BooleanQuery(disableCoord: true) { Boost = 0.8f };
        boostedPair.Add(dead, Occur.SHOULD);
        boostedPair.Add(Term(IndexFields.Text, otherText, 0.6f), Occur.SHOULD);
        queries.Add(new BooleanQuery(disableCoord: false) { { boostedPair, Occur.SHOULD }, { live, Occur.SHOULD } });

        var matched = 0;
        foreach (var query in queries)
        {
            var terms = new SearchTerms(searcher);
            var shared = terms.Share(query);
            var expected = TestIndex.ScoresOf(searcher, query);
            var actual = TestIndex.ScoresOf(searcher, shared);
            Assert.True(expected.Count == actual.Count, $"{query} => {shared}: {expected.Count} against {actual.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i] == actual[i], $"{query} => {shared}: {expected[i]} against {actual[i]}");
            }
            matched += expected.Count;
        }
        Assert.True(queries.Count > 60 && matched > 1000, $"{queries.Count} queries, {matched} matches");
    }

    [Fact]
    public async Task Dead_clauses_are_left_out_only_where_no_score_counts_them()
    {
        using var lease = await _index.SeedsAsync();
        var terms = new SearchTerms(lease.Searcher);
        var dead = Term(IndexFields.Text, "qwxzyv");
        var live = Term(IndexFields.Text, LiveTerms(lease.Searcher.IndexReader).Item1);

        var uncounted = (BooleanQuery)terms.Share(new BooleanQuery(disableCoord: true) { { live, Occur.SHOULD }, { dead, Occur.SHOULD } });
        Assert.Equal(live.ToString(), Assert.Single(uncounted.Clauses).Query.ToString());
        // A coordinated query counts its clauses (2 of 3 words scores 2/3): a dead word stays, and so does a required one.
        Assert.Equal(2, ((BooleanQuery)terms.Share(new BooleanQuery(disableCoord: false) { { live, Occur.SHOULD }, { dead, Occur.SHOULD } })).Clauses.Count);
        Assert.Equal(2, ((BooleanQuery)terms.Share(new BooleanQuery(disableCoord: true) { { live, Occur.SHOULD }, { dead, Occur.MUST } })).Clauses.Count);
        // Each term is looked up once per search, however often the steps ask.
        Assert.Same(terms.States(live.Term), terms.States(new Term(IndexFields.Text, live.Term.Text)));
        Assert.Equal(lease.Searcher.IndexReader.DocFreq(live.Term), terms.DocFreq(live.Term));
        Assert.True(terms.DocFreq(live.Term) > 0);
    }
}
