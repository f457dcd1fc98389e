using Briefingbot.TestSupport.Bots;
using Briefingbot.TestSupport.Briefings;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// Issue 16's crash tests with the real bot process (SIGKILL, restart) on SQLite: a kill exactly between the index
/// commit and the observers' notification, and a short version of the <c>crash-test</c> verb (kills at random but
/// seeded points of ingest and a two-part fan-out, a connector that fails 10% of sends). Registers, letter store and
/// index must equal a clean run; no briefing may be lost; only parts in flight at a kill may arrive twice.
/// </summary>
public sealed class IngestAndFanoutCrashTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly string _directory = Directory.CreateTempSubdirectory("ingest-crash-").FullName;

    private static string Seeds => Path.Combine(FindRoot(), "seeds");

    [Fact]
    public async Task A_kill_between_index_commit_and_notification_ends_after_restart_with_registers_equal_to_a_clean_run()
    {
        var corpus = Path.Combine(_directory, "corpus");
        var crashed = Path.Combine(_directory, "crashed");
        var clean = Path.Combine(_directory, "clean");
        foreach (var d in new[] { corpus, crashed, clean })
        {
            Directory.CreateDirectory(d);
        }
        CrashRun.WriteLetters(corpus, Directory.EnumerateFiles(Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(), 0, 12);

        // First start: the ingest stops for good right after its first commit, before any observer hears of it.
        var failing = CrashRun.Environment(crashed, corpus);
        failing["BRIEFINGBOT_FAILPOINT"] = "ingest-after-commit";
        await using (var bot = BotProcess.Start(crashed, failing))
        {
            await bot.WhenLoggedAsync("Failpoint ingest-after-commit reached").WaitAsync(Patience);
            bot.Kill();
        }
        var indexAtKill = await CrashRun.IndexAsync(crashed);
        var registersAtKill = await CrashRun.RegistersAsync(crashed);
        Assert.Equal(4, indexAtKill.Count); // one committed batch (CommitEvery 4)
        Assert.DoesNotContain(registersAtKill, l => l.StartsWith("letter ", StringComparison.Ordinal)); // nobody was told

        await RunIngestAsync(crashed, corpus);
        await RunIngestAsync(clean, corpus);

        var registers = await CrashRun.RegistersAsync(crashed);
        Assert.Equal(await CrashRun.RegistersAsync(clean), registers);
        Assert.Equal(12, registers.Count(l => l.StartsWith("letter ", StringComparison.Ordinal)));
        Assert.Contains(registers, l => l.StartsWith("promise ", StringComparison.Ordinal));
        Assert.Equal(await CrashRun.IndexAsync(clean), await CrashRun.IndexAsync(crashed));
    }

    [Fact]
    public async Task Three_kills_during_ingest_and_a_two_part_fanout_lose_nothing_and_match_a_clean_run()
    {
        var log = new StringWriter();
        var result = await new CrashRun(new CrashRunOptions(Kills: 3, Subscriptions: 20, InitialLetters: 30, LettersPerStart: 2,
            FailureRate: 0.1, Seed: 7, SeedLetters: Seeds, Patience: Patience), log).RunAsync();

        output.WriteLine(log.ToString());
        output.WriteLine(result.ToString());
        output.WriteLine(result.DuplicateDetails);
        Assert.Equal(0, result.Lost);
        // Duplicates only for parts in flight at a kill (accepted by the connector, not yet in the ledger). The 3
        // outside the window seen before were parts whose answer the bot gave up on after a 1 s attempt timeout on a
        // busy machine and sent again (the documented ambiguous retry); the run now gives a live connector 5 s.
        Assert.True(result.DuplicatesOutsideWindow == 0, result.DuplicateDetails);
        Assert.InRange(result.DuplicateParts, 0, result.InFlightParts);
        Assert.True(result.MultiPartBriefings > 0, "no briefing was split into parts");
        Assert.True(result.InjectedFailures > 0, "the connector failed no send");
        Assert.True(result.RegistersEqual, result.Differences);
        Assert.True(result.IndexEqual, result.Differences);
    }

    private static async Task RunIngestAsync(string directory, string corpus)
    {
        await using var bot = BotProcess.Start(directory, CrashRun.Environment(directory, corpus));
        await bot.WhenLoggedAsync(CrashRun.IngestFinishedLine).WaitAsync(Patience);
        bot.Kill();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Briefingbot.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder: harmless.
        }
    }
}
