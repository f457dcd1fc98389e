using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search.Benchmark;
using Briefingbot.Dossiers.Search.Evaluation;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-search [--passages N] [--dir DIR] [--queries N] [--reuse]</c>: builds a synthetic corpus of N passages (default
/// 1,000,000) from the seed letters' paragraphs, indexes it and prints indexing throughput, index size, query
/// latency p50/p99 single-threaded and with 8 concurrent callers, and memory.
/// </summary>
internal sealed partial class BenchSearchCliCommand(IServiceProvider services) : ICliCommand
{
    public string Name => "bench-search";

    public string Usage => "bench-search [--passages 1000000] [--dir DIR] [--queries 2000] [--reuse]   indexing and query speed at scale";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var passages = CliArguments.IntOption(args, "--passages") ?? 1_000_000;
        var runs = CliArguments.IntOption(args, "--queries") ?? 2000;
        var dir = Path.GetFullPath(CliArguments.Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "briefingbot-bench"));
        var corpus = services.GetRequiredService<DossiersPaths>().CorpusPath;

        var parser = services.GetService<ILetterParser>();
        var letters = Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal)
            .Select(f => parser?.Parse(Path.GetFileName(f), File.ReadAllText(f)) ?? SplitOnBlankLines(f))
            .ToList();
        var paragraphs = SearchBenchmark.Paragraphs(letters);
        var judged = FindQueries() is { } path ? RelevanceSet.Load(path).Queries.Select(q => q.Query) : [];
        var queries = SearchBenchmark.Queries(judged, paragraphs);
        await output.WriteLineAsync($"bench-search: {passages:N0} passages from {paragraphs.Count} seed paragraphs, {queries.Count} distinct queries (+ broad stress set), {Environment.ProcessorCount} cores, index in {dir}");

        var report = await new SearchBenchmark(output).RunAsync(paragraphs, queries, passages, dir, runs, args.Contains("--reuse"), SearchBenchmark.BroadQueries(paragraphs), cancellationToken);
        await output.WriteLineAsync(SearchBenchmark.Format(report));
        return 0;
    }

    /// <summary>Without a registered parser: one passage per blank-line block (enough to draw paragraphs from).</summary>
    private static Letter SplitOnBlankLines(string file)
    {
        var passages = BlankLines().Split(File.ReadAllText(file))
            .Select(b => Whitespace().Replace(b, " ").Trim())
            .Where(b => b.Length > 0)
            .Select((b, i) => new Passage(i, 0, 0, b))
            .ToList();
        return new Letter(Path.GetFileNameWithoutExtension(file), Path.GetFileName(file), string.Empty, string.Empty, null, null, null, null, null, null, [], null, passages);
    }

    private static string? FindQueries()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "relevance", "queries.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
