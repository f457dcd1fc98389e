using System.Diagnostics;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Ingest;

/// <summary>
/// Kills the bot's real <c>index</c> verb (a child process) in the middle of a large ingest, then reopens the index:
/// it must open, hold exactly the letters of its last commit, and the next ingest must complete it.
/// </summary>
public sealed partial class CrashRecoveryTests : IDisposable
{
    private const int Letters = 300;
    private const int CommitEvery = 25;
    private readonly TestIndex _index = new(commitEvery: CommitEvery, parser: new LetterParser());

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Killed_ingest_leaves_the_last_commit_and_the_next_ingest_completes()
    {
        WriteBigCorpus();
        var indexPath = Path.Combine(_index.Root, "index");
        // The test's own index object must not hold the writer lock while the child writes.
        _index.Index.Dispose();

        var killedAt = await RunAndKillAsync(indexPath, killAfterLetters: 120);
        Assert.InRange(killedAt, 120, Letters - 1);

        using var reopened = new Briefingbot.Dossiers.Index.LetterIndex(indexPath);
        var search = new Briefingbot.Dossiers.Search.LetterSearch(reopened, new LetterParser());
        var committed = (await search.ListLettersAsync()).Count;
        // Whole batches only: the last commit before the kill, nothing half-written.
        Assert.InRange(committed, CommitEvery, Letters - 1);
        Assert.Equal(0, committed % CommitEvery);
        Assert.NotEmpty((await search.SearchAsync("Oekraïne")).Hits);

        var ingestor = new Briefingbot.Dossiers.Ingest.LetterIngestor(reopened, new LetterParser(), new FirstSentenceSummarizer(),
            new PhrasePromiseExtractor(), new NoMeetingExtractor(), [], _index.Time, CommitEvery);
        var resumed = await ingestor.IngestDirectoryAsync(_index.Corpus);

        Assert.Equal(Letters - committed, resumed.Added);
        Assert.Equal(committed, resumed.Unchanged);
        Assert.Equal(0, resumed.Failed);
        Assert.Equal(Letters, (await search.ListLettersAsync()).Count);
    }

    private void WriteBigCorpus()
    {
        var seeds = Directory.EnumerateFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        for (var i = 0; i < Letters; i++)
        {
            // Distinct content per file (own hash), seed text otherwise.
            _index.WriteLetter($"big_{i:D4}.txt", seeds[i % seeds.Count] + $"\n\nVolgnummer {i} van de testcorpus.\n");
        }
    }

    private async Task<int> RunAndKillAsync(string indexPath, int killAfterLetters)
    {
        var dll = BotDll();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "index", "--corpus", _index.Corpus },
            WorkingDirectory = _index.Root, // the bot's relative data paths land in the temp folder
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Dossiers__IndexPath"] = indexPath;
        start.Environment["Dossiers__CommitEvery"] = CommitEvery.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Storage__ConnectionString"] = "Data Source=" + Path.Combine(_index.Root, "bot.db");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var seen = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                var match = Progress().Match(line);
                if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= killAfterLetters)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(timeout.Token);
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        throw new Xunit.Sdk.XunitException("The ingest ended before it could be killed. Output:\n" + string.Join('\n', seen));
    }

    private static string BotDll()
    {
        // Same configuration as this test assembly (bin/<Configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "Briefingbot", "bin", configuration, "net10.0", "Briefingbot.dll");
        Assert.True(File.Exists(dll), "Build the bot first: " + dll);
        return dll;
    }

    [GeneratedRegex(@"^progress (\d+)/\d+ letters")]
    private static partial Regex Progress();
}
