using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Search.Evaluation;

namespace Briefingbot.Cli;

/// <summary>
/// <c>eval-search [--baseline] [--corpus DIR] [--queries FILE]</c>: ingests the corpus into a temporary index with the
/// production parser and analyzer, runs the judged relevance set and prints nDCG@10 and MRR@10 per query and on
/// average; <c>--baseline</c> adds a plain SQLite FTS5 (unicode61) index over the same passages, side by side.
/// </summary>
internal sealed class EvalSearchCliCommand(IServiceProvider services) : ICliCommand
{
    public string Name => "eval-search";

    public string Usage => "eval-search [--baseline] [--corpus DIR] [--queries FILE]   nDCG@10 / MRR@10 on the relevance set";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = CliArguments.Option(args, "--corpus") is { } dir ? Path.GetFullPath(dir) : services.GetRequiredService<DossiersPaths>().CorpusPath;
        var queriesPath = CliArguments.Option(args, "--queries") ?? FindQueries();
        if (queriesPath is null || !File.Exists(queriesPath))
        {
            await output.WriteLineAsync("Relevance set not found; pass --queries tests/data/relevance/queries.json");
            return 1;
        }
        var set = RelevanceSet.Load(queriesPath);
        var temp = Path.Combine(Path.GetTempPath(), "briefingbot-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new LetterIndex(temp);
            var ingestor = new LetterIngestor(index, services.GetRequiredService<ILetterParser>(), services.GetRequiredService<ILetterSummarizer>(),
                new NoPromises(), new NoMeetings(), [], TimeProvider.System);
            await ingestor.IngestDirectoryAsync(corpus, cancellationToken: cancellationToken);
            var search = new LetterSearch(index, services.GetRequiredService<ILetterParser>());
            var evaluator = new RelevanceEvaluator(set, corpus);
            var lucene = await evaluator.EvaluateAsync("lucene", LetterSearchRanking.For(search));
            EvaluationResult? baseline = null;
            if (CliArguments.Flag(args, "--baseline"))
            {
                using var fts = Fts5Baseline.Build(index);
                baseline = await evaluator.EvaluateAsync("fts5", q => Task.FromResult(fts.Search(q)));
            }

            await output.WriteLineAsync($"Relevance set: {set.Queries.Count} queries, {queriesPath}");
            await output.WriteLineAsync(baseline is null ? $"{"query",-44} nDCG@10  RR@10" : $"{"query",-44} nDCG@10  RR@10 | FTS5 nDCG@10  RR@10");
            for (var i = 0; i < lucene.PerQuery.Count; i++)
            {
                var l = lucene.PerQuery[i];
                var line = $"{l.QueryId} {l.Query,-40} {l.Ndcg,7:F3} {l.ReciprocalRank,6:F3}";
                if (baseline is not null)
                {
                    var b = baseline.PerQuery[i];
                    line += $" |      {b.Ndcg,7:F3} {b.ReciprocalRank,6:F3}";
                }
                await output.WriteLineAsync(line);
            }
            await output.WriteLineAsync($"Lucene (Dutch chain, BM25): nDCG@10 {lucene.MeanNdcg:F3}  MRR@10 {lucene.MeanReciprocalRank:F3}   (targets 0.75 / 0.85)");
            if (baseline is not null)
            {
                await output.WriteLineAsync($"SQLite FTS5 (unicode61):    nDCG@10 {baseline.MeanNdcg:F3}  MRR@10 {baseline.MeanReciprocalRank:F3}");
            }
            return lucene.MeanNdcg >= 0.75 && lucene.MeanReciprocalRank >= 0.85 ? 0 : 3;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>tests/data/relevance/queries.json above the working or build folder (repo checkouts).</summary>
    private static string? FindQueries()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data", "relevance", "queries.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    // The evaluation tells no observers, so the extractors are never asked; these keep the ingestor honest about that.
    private sealed class NoPromises : IPromiseExtractor
    {
        public IReadOnlyList<ExtractedPromise> Extract(Letter letter) => [];
    }

    private sealed class NoMeetings : IMeetingExtractor
    {
        public IReadOnlyList<ExtractedMeeting> Extract(Letter letter) => [];
    }
}
