using System.Text.Json;
using System.Text.RegularExpressions;
using Briefingbot.Cli;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Cli;

/// <summary><c>eval-search</c>: the four systems on the passage-level set, and the PostgreSQL 'dutch' baseline on a real server.</summary>
public sealed class EvalSearchCliCommandTests(ITestOutputHelper output)
{
    private static readonly string Seeds = Path.Combine(NodeCardChecker.RepoRoot, "seeds");
    private static readonly string Passages = Path.Combine(NodeCardChecker.RepoRoot, "tests", "data", "relevance", "passages.json");

    [Fact]
    public async Task Postgres_dutch_baseline_ranks_seed_chunks_on_the_test_server()
    {
        var set = PassageRelevanceSet.Load(Passages, Seeds);
        var database = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            SystemEvaluation result;
            IReadOnlyList<RankedSpan> stock;
            await using (var ranker = await PostgresDutchChunkRanker.CreateAsync(database, TextChunker.ChunkDirectory(Seeds)))
            {
                result = await PassageEvaluator.EvaluateAsync(set, ranker);
                stock = await ranker.RankAsync("voorraad", 10);
            }

            output.WriteLine($"{result.System}: nDCG@10 {result.MeanNdcg:F3}  MRR@10 {result.MeanReciprocalRank:F3}  Recall@10 {result.MeanRecall:F3}");
            Assert.Equal(set.Queries.Count, result.PerQuery.Count);
            Assert.All(result.PerQuery, q => Assert.InRange(q.Ranked.Count, 0, 10));
            Assert.True(result.MeanNdcg > 0.25, $"nDCG@10 {result.MeanNdcg:F3}: chunks and judged units do not meet");
            // The Snowball Dutch stemmer: "voorraad" also finds "voorraden" (both "voorrad"), which FTS5's unicode61 would not.
            var texts = stock.Select(s => File.ReadAllText(Path.Combine(Seeds, s.SourceFile))[s.Start..s.End]).ToList();
            Assert.Contains(texts, t => Regex.IsMatch(t, @"\bvoorraden\b") && !Regex.IsMatch(t, @"\bvoorraad\b"));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Json_output_has_every_system_and_an_unreachable_postgres_is_reported_not_run()
    {
        var (exit, text) = await RunAsync("--json", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-password");

        Assert.Contains(exit, new[] { 0, 3 });
        Assert.DoesNotContain("secret-password", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var systems = json.RootElement.GetProperty("systems").EnumerateArray().ToList();
        Assert.Equal(["project search", "SQLite FTS5, terms OR'ed", "SQLite FTS5, terms AND'ed", "PostgreSQL 'dutch', terms OR'ed"],
            systems.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([true, true, true, false], systems.Select(s => s.GetProperty("run").GetBoolean()));
        Assert.Contains("127.0.0.1:1", systems[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var queries = json.RootElement.GetProperty("queries").GetInt32();
        Assert.True(queries >= 60);
        foreach (var system in systems.Take(3))
        {
            Assert.Equal(queries, system.GetProperty("perQuery").GetArrayLength());
            Assert.InRange(system.GetProperty("ndcg").GetDouble(), 0.0, 1.0);
            Assert.InRange(system.GetProperty("mrr").GetDouble(), 0.0, 1.0);
            Assert.InRange(system.GetProperty("recall").GetDouble(), 0.0, 1.0);
        }
    }

    [Fact]
    public async Task Text_output_prints_the_table_with_per_query_lines()
    {
        var (exit, text) = await RunAsync("--project-only", "--per-query");

        output.WriteLine(text);
        Assert.Contains(exit, new[] { 0, 3 });
        Assert.Matches(@"(?m)^project search\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}$", text);
        Assert.Matches(@"(?m)^p01 ""pca drones"" \(\d+ judged, \d+ of grade 2\)$", text);
        Assert.Matches(@"(?m)^    project search\s+nDCG \d\.\d{3}  RR \d\.\d{3}  R \d\.\d{3}  grades \[", text);
        Assert.DoesNotContain("SQLite", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ceiling_prints_what_the_best_order_of_each_systems_first_passages_would_score()
    {
        var (exit, text) = await RunAsync("--ceiling", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody");
        var (_, json) = await RunAsync("--ceiling", "--json", "--project-only");
        var (_, plain) = await RunAsync("--json", "--project-only");

        output.WriteLine(text);
        Assert.Contains(exit, new[] { 0, 3 });
        var ranked = Regex.Match(text, @"(?m)^project search\s+(\d\.\d{3})\s+\d\.\d{3}\s+\d\.\d{3}$");
        var ceiling = Regex.Match(text, @"(?m)^project search\s+(\d\.\d{3}) (?:\s*)(\d\.\d{3}) (?:\s*)(\d\.\d{3})\s*$", RegexOptions.RightToLeft);
        Assert.True(ranked.Success && ceiling.Success && ranked.Index < ceiling.Index, text);
        var asRanked = double.Parse(ranked.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var ceilings = ceiling.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Re-ordering the shown ten can only gain, and a deeper pool only adds candidates.
        Assert.True(asRanked <= ceilings[0] && ceilings[0] <= ceilings[1] && ceilings[1] <= ceilings[2], string.Join(" ", ceilings));
        // The seeds' judged units below the first ten are there to be found: the deepest pool must reach higher.
        Assert.True(ceilings[0] < ceilings[2], string.Join(" ", ceilings));
        Assert.Matches(@"(?m)^SQLite FTS5, terms OR'ed\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s*$", text.Split("Ceiling:")[1]);
        using var document = JsonDocument.Parse(json);
        var project = document.RootElement.GetProperty("systems")[0];
        Assert.Equal([10, 20, 30], project.GetProperty("ceilings").EnumerateArray().Select(c => c.GetProperty("depth").GetInt32()));
        Assert.Equal(ceilings[2], project.GetProperty("ceilings")[2].GetProperty("ndcg").GetDouble(), 3);
        // Asking for 30 passages leaves the scored first ten as they were: the same grades as a run without --ceiling.
        using var plainDocument = JsonDocument.Parse(plain);
        var without = plainDocument.RootElement.GetProperty("systems")[0];
        Assert.Equal(without.GetProperty("ndcg").GetDouble(), project.GetProperty("ndcg").GetDouble());
        Assert.Equal(
            without.GetProperty("perQuery").EnumerateArray().Select(q => string.Join(' ', q.GetProperty("ranked").EnumerateArray().Select(r => r.GetProperty("grade").GetInt32()))),
            project.GetProperty("perQuery").EnumerateArray().Select(q => string.Join(' ', q.GetProperty("ranked").EnumerateArray().Select(r => r.GetProperty("grade").GetInt32()))));
    }

    [Fact]
    public async Task A_set_whose_quotes_do_not_resolve_is_refused()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bb-bad-set-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, """{"queries": [{"id": "b1", "query": "x", "judged": [{"file": "000_28c287220feeccd7.txt", "grade": 2, "quote": "Deze zin staat nergens."}]}]}""");
        try
        {
            var (exit, text) = await RunAsync("--queries", bad);

            Assert.Equal(1, exit);
            Assert.Contains("b1", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var services = new ServiceCollection()
            .AddSingleton<ILetterParser, LetterParser>()
            .AddSingleton<ILetterSummarizer, ExtractiveSummarizer>()
            .BuildServiceProvider();
        var command = new EvalSearchCliCommand(services);
        var writer = new StringWriter();
        var all = new List<string> { "eval-search", "--corpus", Seeds };
        if (!args.Contains("--queries"))
        {
            all.AddRange(["--queries", Passages]);
        }
        all.AddRange(args);
        var error = new StringWriter();
        var exit = await CliRunner.RunAsync([command], all, writer, error, validateSettings: null, CancellationToken.None);
        return (exit, writer.ToString() + error);
    }
}
