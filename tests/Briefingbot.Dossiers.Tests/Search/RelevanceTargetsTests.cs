using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;
using Xunit.Abstractions;

namespace Briefingbot.Dossiers.Tests.Search;

public sealed class RelevanceTargetsTests(ITestOutputHelper output) : IAsyncLifetime
{
    // The production parser and summarizer: the targets are about what users get.
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.CopySeeds();
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Relevance_set_meets_the_ndcg_and_mrr_targets_and_beats_fts5()
    {
        var set = RelevanceSet.Load(Path.Combine(RepoPaths.Relevance, "queries.json"));
        Assert.True(set.Queries.Count >= 30);
        var evaluator = new RelevanceEvaluator(set, _index.Corpus);

        var lucene = await evaluator.EvaluateAsync("lucene", LetterSearchRanking.For(_index.Search));
        using var fts = Fts5Baseline.Build(_index.Index);
        var baseline = await evaluator.EvaluateAsync("fts5", q => Task.FromResult(fts.Search(q)));

        foreach (var (l, b) in lucene.PerQuery.Zip(baseline.PerQuery))
        {
            output.WriteLine($"{l.QueryId} {l.Query,-40} lucene nDCG {l.Ndcg:F2} RR {l.ReciprocalRank:F2} | fts5 nDCG {b.Ndcg:F2} RR {b.ReciprocalRank:F2}");
        }
        output.WriteLine($"mean lucene nDCG@10 {lucene.MeanNdcg:F3} MRR@10 {lucene.MeanReciprocalRank:F3} | fts5 nDCG@10 {baseline.MeanNdcg:F3} MRR@10 {baseline.MeanReciprocalRank:F3}");

        Assert.True(lucene.MeanNdcg >= 0.75, $"nDCG@10 {lucene.MeanNdcg:F3} < 0.75");
        Assert.True(lucene.MeanReciprocalRank >= 0.85, $"MRR@10 {lucene.MeanReciprocalRank:F3} < 0.85");
        Assert.True(lucene.MeanNdcg > baseline.MeanNdcg, $"lucene {lucene.MeanNdcg:F3} does not beat fts5 {baseline.MeanNdcg:F3}");
    }
}
