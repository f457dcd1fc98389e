using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;
using Xunit.Abstractions;

namespace Briefingbot.Dossiers.Tests.Search.Evaluation;

/// <summary>The systems of <c>eval-search</c> that need no server, run on the seeds against the judged set.</summary>
public sealed class BaselineRankerTests(ITestOutputHelper output)
{
    private static readonly PassageRelevanceSet Set = PassageRelevanceSet.Load(Path.Combine(RepoPaths.Relevance, "passages.json"), RepoPaths.Seeds);

    [Fact]
    public void Baseline_query_terms_are_lower_cased_words_without_punctuation()
    {
        Assert.Equal(["28", "punten", "plan", "trump"], BaselineQuery.Terms("28-punten plan, Trump?"));
        // No query syntax: OR is a word like any other, repeats count once.
        Assert.Equal(["oekraïne", "steun", "or"], BaselineQuery.Terms("Oekraïne \"steun\" OR steun"));
        Assert.Empty(BaselineQuery.Terms(" -*\" "));
    }

    [Fact]
    public async Task Fts5_baselines_over_seed_chunks_score_the_judged_set()
    {
        var chunks = TextChunker.ChunkDirectory(RepoPaths.Seeds);
        using var or = Fts5ChunkRanker.Build(chunks, BaselineQuery.Combine.Or);
        using var and = Fts5ChunkRanker.Build(chunks, BaselineQuery.Combine.And);

        var orResult = await PassageEvaluator.EvaluateAsync(Set, or);
        var andResult = await PassageEvaluator.EvaluateAsync(Set, and);

        foreach (var r in new[] { orResult, andResult })
        {
            output.WriteLine($"{r.System,-30} nDCG@10 {r.MeanNdcg:F3}  MRR@10 {r.MeanReciprocalRank:F3}  Recall@10 {r.MeanRecall:F3}");
            Assert.Equal(Set.Queries.Count, r.PerQuery.Count);
            Assert.All(r.PerQuery, q => Assert.InRange(q.Ranked.Count, 0, PassageScorer.K));
            Assert.InRange(r.MeanNdcg, 0.0, 1.0);
        }
        // Chunks and judged units live in the same offsets: a plain bm25 finds a good share of the answers.
        Assert.True(orResult.MeanNdcg > 0.25, $"FTS5 OR nDCG@10 {orResult.MeanNdcg:F3}");
        Assert.True(orResult.MeanRecall > andResult.MeanRecall, "OR should recall more than AND");
        // AND returns only chunks holding every term (as unicode61 sees them: lower case, diacritics folded).
        var texts = Directory.EnumerateFiles(RepoPaths.Seeds).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        foreach (var q in andResult.PerQuery)
        {
            foreach (var span in q.Ranked)
            {
                var words = BaselineQuery.Terms(Fold(texts[span.SourceFile][span.Start..span.End])).ToHashSet();
                Assert.All(BaselineQuery.Terms(Fold(q.Query.Query)), t => Assert.Contains(t, words));
            }
        }
        var orTop = orResult.PerQuery.Single(q => q.Query.Query == "pca drones").Ranked[0];
        Assert.Contains("PCA", File.ReadAllText(Path.Combine(RepoPaths.Seeds, orTop.SourceFile))[orTop.Start..orTop.End], StringComparison.Ordinal);
    }

    private static string Fold(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));

    [Fact]
    public async Task The_project_search_adapter_returns_raw_spans_of_the_seed_letters()
    {
        using var index = new TestIndex(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());
        index.CopySeeds();
        await index.IngestAsync();
        var ranker = new LetterSearchPassageRanker(index.Search);

        var spans = await ranker.RankAsync("pca drones", PassageScorer.K);
        var result = await PassageEvaluator.EvaluateAsync(Set, ranker);

        Assert.NotEmpty(spans);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Seeds, spans[0].SourceFile));
        Assert.InRange(spans[0].Start, 0, spans[0].End - 1);
        Assert.Contains("PCA", text[spans[0].Start..spans[0].End], StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"project search: nDCG@10 {result.MeanNdcg:F3}  MRR@10 {result.MeanReciprocalRank:F3}  Recall@10 {result.MeanRecall:F3}");
        Assert.True(result.MeanReciprocalRank > 0.3, $"MRR@10 {result.MeanReciprocalRank:F3}: the adapter's offsets do not meet the judged units");
    }
}
