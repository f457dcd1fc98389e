using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Kernel.Cli;
using Npgsql;

namespace Briefingbot.Cli;

/// <summary>
/// <c>eval-search [--json] [--per-query] [--project-only] [--ceiling] [--postgres CONN] [--corpus DIR] [--queries FILE]</c>: scores
/// the project's search and three full-text baselines on the passage-level judged set
/// (tests/data/relevance/passages.json; rules in its README): nDCG@10, MRR@10 and Recall@10 per system, averaged over
/// queries. The project's search runs on a temporary index of the corpus built with the production parser and analyzer;
/// the baselines index ~600-character chunks of the same raw letters: SQLite FTS5 with the terms OR'ed, the same AND'ed,
/// and PostgreSQL's 'dutch' full-text search (connection from <c>--postgres</c> or BRIEFINGBOT_TEST_POSTGRES; reported as
/// not run when no server answers). <c>--ceiling</c> adds, per system, the best score any order of its first 10, 20 and
/// 30 passages could earn (<see cref="PassageScorer.BestOrder"/>): how far re-ranking alone could go. Exit code 0 when the project meets issue 13's targets, 3 when not, 1 on bad input.
/// </summary>
internal sealed class EvalSearchCliCommand(IServiceProvider services) : ICliCommand
{
    /// <summary>Issue 13's acceptance targets for the project's search on this set.</summary>
    private const double TargetNdcg = 0.80;
    private const double TargetMrr = 0.90;
    private const double TargetMarginOverBaselines = 0.15;

    /// <summary>The pools <c>--ceiling</c> re-orders: each system's first 10, 20 and 30 passages.</summary>
    internal static readonly int[] CeilingDepths = [10, 20, 30];

    public Command CreateCommand()
    {
        var jsonOption = CliOptions.Flag("--json", "Print one JSON object, for tools");
        var perQueryOption = CliOptions.Flag("--per-query", "Print every query's scores per system");
        var projectOnlyOption = CliOptions.Flag("--project-only", "Score only the project's search (no baselines)");
        var ceilingOption = CliOptions.Flag("--ceiling", "Also print the best score any order of each system's first 10, 20 and 30 passages could earn");
        var postgresOption = CliOptions.Text("--postgres", "PostgreSQL connection string of the 'dutch' baseline (default: BRIEFINGBOT_TEST_POSTGRES)", "CONN");
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters (default: the setting Dossiers:CorpusPath)");
        var queriesOption = CliOptions.ExistingFile("--queries", "The judged set (default: tests/data/relevance/passages.json above the working or build folder)");
        var command = new Command("eval-search", "nDCG@10 / MRR@10 / Recall@10 of the search and the FTS5 and PostgreSQL baselines on the passage-level judged set; exit code 3 when issue 13's targets are not met")
        {
            jsonOption, perQueryOption, projectOnlyOption, ceilingOption, postgresOption, corpusOption, queriesOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(parse.GetValue(jsonOption), parse.GetValue(perQueryOption), parse.GetValue(projectOnlyOption), parse.GetValue(ceilingOption), parse.GetValue(postgresOption),
                parse.GetValue(corpusOption)?.FullName, parse.GetValue(queriesOption)?.FullName),
            parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private sealed record Request(bool Json, bool PerQuery, bool ProjectOnly, bool Ceiling, string? Postgres, string? Corpus, string? Queries);

    private async Task<int> RunAsync(Request request, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = request.Corpus ?? services.GetRequiredService<DossiersPaths>().CorpusPath;
        var queriesPath = request.Queries ?? FindQueries();
        if (queriesPath is null || !File.Exists(queriesPath))
        {
            await output.WriteLineAsync("Relevance set not found; pass --queries tests/data/relevance/passages.json");
            return 1;
        }
        PassageRelevanceSet set;
        try
        {
            set = PassageRelevanceSet.Load(queriesPath, corpus);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            await output.WriteLineAsync("The relevance set does not load: " + ex.Message);
            return 1;
        }

        var json = request.Json;
        var perQuery = request.PerQuery;
        var projectOnly = request.ProjectOnly;
        var depth = request.Ceiling ? CeilingDepths.Max() : 0;
        var results = new List<SystemResult>();
        var temp = Path.Combine(Path.GetTempPath(), "briefingbot-eval-" + Guid.NewGuid().ToString("N"));
        var chunks = TextChunker.ChunkDirectory(corpus);
        try
        {
            using (var index = new LetterIndex(temp))
            {
                var parser = services.GetRequiredService<ILetterParser>();
                var ingestor = new LetterIngestor(index, parser, services.GetRequiredService<ILetterSummarizer>(), new NoPromises(), new NoMeetings(), [], TimeProvider.System);
                await ingestor.IngestDirectoryAsync(corpus, cancellationToken: cancellationToken);
                var project = new LetterSearchPassageRanker(new LetterSearch(index, parser));
                results.Add(SystemResult.Ran(await PassageEvaluator.EvaluateAsync(set, project, depth: depth, cancellationToken: cancellationToken)));
            }
            if (!projectOnly)
            {
                foreach (var combine in new[] { BaselineQuery.Combine.Or, BaselineQuery.Combine.And })
                {
                    using var fts = Fts5ChunkRanker.Build(chunks, combine);
                    results.Add(SystemResult.Ran(await PassageEvaluator.EvaluateAsync(set, fts, depth: depth, cancellationToken: cancellationToken)));
                }
                results.Add(await RunPostgresAsync(set, chunks, request.Postgres ?? Environment.GetEnvironmentVariable("BRIEFINGBOT_TEST_POSTGRES"), depth, cancellationToken));
            }
        }
        finally
        {
            TryDelete(temp);
        }

        var projectResult = results[0].Evaluation!;
        var bestBaseline = results.Skip(1).Where(r => r.Evaluation is not null).Select(r => r.Evaluation!.MeanNdcg).DefaultIfEmpty(0).Max();
        var met = projectResult.MeanNdcg >= TargetNdcg && projectResult.MeanReciprocalRank >= TargetMrr
            && (projectOnly || projectResult.MeanNdcg >= bestBaseline + TargetMarginOverBaselines);

        if (json)
        {
            await WriteJsonAsync(output, queriesPath, set, chunks.Count, results, met, request.Ceiling);
        }
        else
        {
            await WriteTableAsync(output, queriesPath, corpus, set, chunks.Count, results, perQuery);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Targets (issue 13): project nDCG@10 >= {TargetNdcg:F2}, MRR@10 >= {TargetMrr:F2}{(projectOnly ? "" : $", nDCG@10 >= best baseline + {TargetMarginOverBaselines:F2}")}: {(met ? "met" : "NOT met")}"));
            if (request.Ceiling)
            {
                await WriteCeilingAsync(output, results);
            }
        }
        return met ? 0 : 3;
    }

    private static async Task<SystemResult> RunPostgresAsync(PassageRelevanceSet set, IReadOnlyList<TextChunk> chunks, string? connectionString, int depth, CancellationToken cancellationToken)
    {
        const string name = "PostgreSQL 'dutch', terms OR'ed";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return SystemResult.NotRun(name, "no connection string (pass --postgres or set BRIEFINGBOT_TEST_POSTGRES)");
        }
        string where;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // An unreachable server should cost seconds, not the default 15.
            builder.Timeout = builder.Timeout is 0 or > 5 ? 5 : builder.Timeout;
            where = $"{builder.Host}:{builder.Port}";
            connectionString = builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            return SystemResult.NotRun(name, "invalid connection string: " + ex.Message);
        }
        try
        {
            await using var ranker = await PostgresDutchChunkRanker.CreateAsync(connectionString, chunks, cancellationToken);
            return SystemResult.Ran(await PassageEvaluator.EvaluateAsync(set, ranker, depth: depth, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            // Never echo the connection string: it may hold a password.
            return SystemResult.NotRun(name, $"no usable PostgreSQL server at {where} ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static async Task WriteTableAsync(TextWriter output, string queriesPath, string corpus, PassageRelevanceSet set, int chunkCount, List<SystemResult> results, bool perQuery)
    {
        var units = set.Queries.Sum(q => q.Judged.Count);
        await output.WriteLineAsync($"Relevance set: {set.Queries.Count} queries, {units} judged units ({queriesPath})");
        await output.WriteLineAsync($"Corpus: {corpus}; baselines index {chunkCount} chunks of ~{TextChunker.TargetLength} characters");
        await output.WriteLineAsync($"Top {PassageScorer.K} passages; a passage earns the grade of a judged unit it overlaps (each unit once, the best first); passages over {PassageScorer.MaxSpanLength:N0} characters earn nothing. MRR@10 = 1/rank of the first passage earning any grade.");
        if (perQuery)
        {
            await output.WriteLineAsync();
            var ran = results.Where(r => r.Evaluation is not null).ToList();
            for (var i = 0; i < set.Queries.Count; i++)
            {
                var query = set.Queries[i];
                await output.WriteLineAsync($"{query.Id} \"{query.Query}\" ({query.Judged.Count} judged, {query.Judged.Count(u => u.Grade == 2)} of grade 2)");
                foreach (var result in ran)
                {
                    var score = result.Evaluation!.PerQuery[i].Score;
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"    {result.Name,-34} nDCG {score.Ndcg:F3}  RR {score.ReciprocalRank:F3}  R {score.Recall:F3}  grades [{string.Join(' ', score.Grades)}]"));
                }
            }
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"system",-34} {"nDCG@10",8} {"MRR@10",8} {"Recall@10",10}");
        foreach (var result in results)
        {
            await output.WriteLineAsync(result.Evaluation is { } e
                ? string.Create(CultureInfo.InvariantCulture, $"{result.Name,-34} {e.MeanNdcg,8:F3} {e.MeanReciprocalRank,8:F3} {e.MeanRecall,10:F3}")
                : $"{result.Name,-34} not run: {result.Reason}");
        }
    }

    private static async Task WriteCeilingAsync(TextWriter output, List<SystemResult> results)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("Ceiling: nDCG@10 of the best order of each system's first N passages (each passage credited with a distinct judged unit; what re-ranking them could reach at most)");
        await output.WriteLineAsync($"{"system",-34} {string.Join(' ', CeilingDepths.Select(d => $"{"first " + d,8}"))}");
        foreach (var result in results.Where(r => r.Evaluation is not null))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Name,-34} {string.Join(' ', CeilingDepths.Select(d => $"{result.Evaluation!.Ceiling(d).Ndcg,8:F3}"))}"));
        }
    }

    private static async Task WriteJsonAsync(TextWriter output, string queriesPath, PassageRelevanceSet set, int chunkCount, List<SystemResult> results, bool met, bool ceiling)
    {
        var document = new
        {
            set = queriesPath,
            queries = set.Queries.Count,
            judgedUnits = set.Queries.Sum(q => q.Judged.Count),
            k = PassageScorer.K,
            maxSpanLength = PassageScorer.MaxSpanLength,
            baselineChunks = chunkCount,
            baselineChunkTarget = TextChunker.TargetLength,
            targetsMet = met,
            systems = results.Select(r => new
            {
                name = r.Name,
                run = r.Evaluation is not null,
                reason = r.Reason,
                ndcg = r.Evaluation?.MeanNdcg,
                mrr = r.Evaluation?.MeanReciprocalRank,
                recall = r.Evaluation?.MeanRecall,
                ceilings = ceiling && r.Evaluation is { } e
                    ? CeilingDepths.Select(d => e.Ceiling(d)).Select((c, i) => new { depth = CeilingDepths[i], ndcg = c.Ndcg, mrr = c.ReciprocalRank, recall = c.Recall })
                    : null,
                perQuery = r.Evaluation?.PerQuery.Select(q => new
                {
                    id = q.Query.Id,
                    query = q.Query.Query,
                    ndcg = q.Score.Ndcg,
                    reciprocalRank = q.Score.ReciprocalRank,
                    recall = q.Score.Recall,
                    ranked = q.Ranked.Take(PassageScorer.K).Select((s, i) => new { sourceFile = s.SourceFile, start = s.Start, end = s.End, score = s.Score, grade = q.Score.Grades[i] }),
                }),
            }),
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(document, CliJson.Options));
    }

    /// <summary>tests/data/relevance/passages.json above the working or build folder (repo checkouts).</summary>
    private static string? FindQueries()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data", "relevance", "passages.json");
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

    /// <summary>A system's evaluation, or why it was not run.</summary>
    private sealed record SystemResult(string Name, SystemEvaluation? Evaluation, string? Reason)
    {
        public static SystemResult Ran(SystemEvaluation evaluation) => new(evaluation.System, evaluation, null);

        public static SystemResult NotRun(string name, string reason) => new(name, null, reason);
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
