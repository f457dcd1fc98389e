using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Briefingbot.Bench;
using Briefingbot.Cli;
using Briefingbot.Kernel.Cli;
using Briefingbot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Cli;

/// <summary>
/// The bench tool's verbs on System.CommandLine: per-verb help without running the verb, typed options with clear
/// errors, and every invocation README.md and docs/*.md document still parses (for the bot and for the tool).
/// </summary>
public sealed partial class BenchCliTests
{
    private static readonly string[] BenchVerbs =
        ["bench-extract", "bench-fanout", "bench-inbound", "bench-search", "bench-sync", "crash-test", "eval-extraction", "eval-search"];

    [Fact]
    public async Task Bench_search_help_shows_its_options_and_does_not_run_the_benchmark()
    {
        var run = await RunBenchAsync("bench-search", "--help");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Briefingbot.Bench bench-search", run.Output, StringComparison.Ordinal);
        Assert.Contains("--passages", run.Output, StringComparison.Ordinal);
        Assert.Contains("[default: 1000000]", run.Output, StringComparison.Ordinal);
        // The benchmark's first line never came.
        Assert.DoesNotContain("bench-search:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_level_help_and_no_verb_list_every_bench_verb()
    {
        var help = await RunBenchAsync("--help");
        var none = await RunBenchAsync();

        Assert.Equal(0, help.Exit);
        Assert.Equal(2, none.Exit);
        foreach (var verb in BenchVerbs)
        {
            Assert.Matches($@"(?m)^\s+{verb}\b", help.Output);
            Assert.Matches($@"(?m)^\s+{verb}\b", none.Error);
        }
    }

    [Theory]
    [InlineData("bench-extract --pages 0", "--pages expects a whole number from 1 to 200, not '0'")]
    [InlineData("bench-extract --parallel 65", "--parallel expects a whole number from 1 to 64, not '65'")]
    [InlineData("bench-fanout --subscriptions many", "--subscriptions expects a whole number greater than 0, not 'many'")]
    [InlineData("bench-inbound --clients 0", "--clients expects a whole number greater than 0, not '0'")]
    [InlineData("crash-test --failure-percent 95", "--failure-percent expects a whole number from 0 to 90, not '95'")]
    [InlineData("crash-test --kils 3", "Unknown option '--kils' for 'crash-test'. Did you mean '--kills'?")]
    [InlineData("bench-sync --pdf --pdf-folder .", "Give --pdf or --pdf-folder, not both.")]
    [InlineData("eval-search --queries /no/such/passages.json", "--queries: file not found: /no/such/passages.json")]
    [InlineData("bench-serch", "Unknown command 'bench-serch'. Did you mean 'bench-search'?")]
    public async Task A_bad_bench_command_line_is_a_clear_usage_error(string line, string message)
    {
        var run = await RunBenchAsync(CommandLineParser.SplitCommandLine(line).ToArray());

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Every_documented_invocation_parses()
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddCliCommands()
            .AddCliCommands(typeof(BenchProgram).Assembly)
            .BuildServiceProvider();
        var commands = services.GetServices<ICliCommand>().ToList();
        var documents = Directory.GetFiles(Path.Combine(NodeCardChecker.RepoRoot, "docs"), "*.md").Append(Path.Combine(NodeCardChecker.RepoRoot, "README.md"));
        var checkedLines = 0;
        var problems = new List<string>();
        foreach (var document in documents)
        {
            foreach (Match match in DocumentedInvocation().Matches(File.ReadAllText(document)))
            {
                var line = match.Groups["args"].Value.Trim();
                var args = CommandLineParser.SplitCommandLine(line).ToArray();
                if (args.Length == 0 || !CliRunner.IsCliInvocation(args) || args[0] is "VERB" or "<verb>")
                {
                    continue; // the server with configuration switches (--Section:Key=value), or "-- VERB" in general
                }
                foreach (var variant in Variants(line))
                {
                    checkedLines++;
                    foreach (var error in CliRunner.UsageErrors(commands, variant))
                    {
                        problems.Add($"{Path.GetFileName(document)}: '{string.Join(' ', variant)}': {error}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // search, index, sync and the eight bench verbs, each with its optional parts.
        Assert.True(checkedLines >= 25, $"only {checkedLines} documented invocations found");
    }

    /// <summary>
    /// The invocation without its optional parts, and with each optional part ("[--page N]", "[--pdf | --pdf-folder DIR]"
    /// one alternative at a time), placeholders replaced by valid values.
    /// </summary>
    private static IEnumerable<string[]> Variants(string line)
    {
        var optional = Optional().Matches(line).Select(m => m.Groups[1].Value).ToList();
        var required = Optional().Replace(line, " ");
        yield return Tokens(required);
        foreach (var part in optional.SelectMany(o => o.Split(" | ")))
        {
            yield return Tokens(required + " " + part);
        }
    }

    private static string[] Tokens(string line) => CommandLineParser.SplitCommandLine(line).Select(Placeholder).ToArray();

    private static string Placeholder(string token) => token switch
    {
        "N" => "3",
        "DIR" or "FOLDER" => NodeCardChecker.RepoRoot,
        "FILE" => Path.Combine(NodeCardChecker.RepoRoot, "README.md"),
        "CONN" => "Host=127.0.0.1;Port=1",
        "DATE" => "2025-09-01",
        "D" => "21501-28",
        "T" => "Brief regering",
        _ => token,
    };

    private static async Task<CliRun> RunBenchAsync(params string[] args)
    {
        using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddCliCommands(typeof(BenchProgram).Assembly)
            .BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliRunner.RunAsync(services, args, output, error, CancellationToken.None, BenchProgram.Name, BenchProgram.Description);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>"dotnet run [-c Release] [--no-build] ... --project src/Briefingbot|tools/Briefingbot.Bench -- ARGS" up to a backtick or the line's end.</summary>
    [GeneratedRegex(@"dotnet run (?:--?[\w-]+(?: Release)? )*--project (?:src/Briefingbot|tools/Briefingbot\.Bench) -- (?<args>[^`\n]+)")]
    private static partial Regex DocumentedInvocation();

    [GeneratedRegex(@"\[([^\[\]]+)\]")]
    private static partial Regex Optional();
}
