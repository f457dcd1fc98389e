using System.CommandLine;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search.Benchmark;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-search [--passages N] [--dir DIR] [--queries N] [--reuse]</c>: builds a synthetic corpus of N passages (default
/// 1,000,000) from the seed letters' paragraphs, indexes it and prints indexing throughput, index size, query
/// latency p50/p99 single-threaded and with 8 concurrent callers, and memory.
/// </summary>
internal sealed partial class BenchSearchCliCommand(IServiceProvider services) : ICliCommand
{
    public Command CreateCommand()
    {
        var passagesOption = CliOptions.Int("--passages", 1_000_000, "Passages in the synthetic corpus");
        var dirOption = CliOptions.Text("--dir", "Folder of the benchmark index (default: briefingbot-bench in the temp folder)", "DIR");
        dirOption.AcceptLegalFilePathsOnly();
        var queriesOption = CliOptions.Int("--queries", 2000, "Timed queries per run");
        var reuseOption = CliOptions.Flag("--reuse", "Query the index a previous run left in --dir instead of building one");
        var command = new Command("bench-search", "Indexing and query speed at scale: synthetic corpus, throughput, index size, p50/p99 latency, memory")
        {
            passagesOption, dirOption, queriesOption, reuseOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(passagesOption), parse.GetValue(queriesOption),
            Path.GetFullPath(parse.GetValue(dirOption) ?? Path.Combine(Path.GetTempPath(), "briefingbot-bench")), parse.GetValue(reuseOption),
            parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(int passages, int runs, string dir, bool reuse, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = services.GetRequiredService<DossiersPaths>().CorpusPath;

        var parser = services.GetService<ILetterParser>();
        var letters = Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal)
            .Select(f => parser?.Parse(Path.GetFileName(f), File.ReadAllText(f)) ?? SplitOnBlankLines(f))
            .ToList();
        var paragraphs = SearchBenchmark.Paragraphs(letters);
        var judged = FindQueries() is { } path ? RelevanceSet.Load(path).Queries.Select(q => q.Query) : [];
        var queries = SearchBenchmark.Queries(judged, paragraphs);
        await output.WriteLineAsync($"bench-search: {passages:N0} passages from {paragraphs.Count} seed paragraphs, {queries.Count} distinct queries (+ broad stress set), {Environment.ProcessorCount} cores, index in {dir}");

        var report = await new SearchBenchmark(output).RunAsync(paragraphs, queries, passages, dir, runs, reuse, SearchBenchmark.BroadQueries(paragraphs), cancellationToken);
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
