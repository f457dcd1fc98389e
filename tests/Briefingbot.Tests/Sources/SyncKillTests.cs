using Briefingbot.TestSupport.Replay;

namespace Briefingbot.Tests.Sources;

/// <summary>
/// The crash test, short version (the full 10 kills over 5,000 documents: <c>bench-sync --kill 10 --documents 5000</c>):
/// a child process syncing 500 documents from the replay server is SIGKILLed at 3 random points and restarted on
/// the same store; the end state equals one uninterrupted sync (letters, promises, meetings, index passages) and both
/// lead to the same instant alerts, each sent once.
/// </summary>
public sealed class SyncKillTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("briefingbot-sync-kill-").FullName;

    [Fact]
    public async Task A_sync_killed_three_times_ends_like_one_uninterrupted_sync()
    {
        var corpus = ReplayCorpus.Generate(500, SyncHarness.Anchor, historic: 40);
        await using var server = await ReplayServer.StartAsync(corpus, pageSize: 50);
        var log = new StringWriter();

        var result = await SyncKillCheck.RunAsync(server, Path.Combine(AppContext.BaseDirectory, "Briefingbot.dll"), _root, SyncHarness.Start,
            kills: 3, seed: 18, log);

        Assert.True(result.Kills >= 2, log.ToString());
        Assert.Null(result.Difference);
        Assert.Equal(500 - 1, result.Killed.Letters.Count); // all but the corrupt PDF; the deleted one as a tombstone
        Assert.True(result.Killed.IndexDocuments > 1000, $"{result.Killed.IndexDocuments} index documents");
        Assert.Contains(result.Killed.Promises, p => p.StartsWith("tk:", StringComparison.Ordinal));
        Assert.Equal(result.Reference.Passages, result.Killed.Passages);
        Assert.True(result.Killed.Passages.Count > 1000, $"{result.Killed.Passages.Count} passages");
        Assert.NotEmpty(result.KilledAlerts!.Alerted);
        Assert.Equal(result.ReferenceAlerts!.Alerted, result.KilledAlerts.Alerted);
        Assert.Equal(0, result.KilledAlerts.Duplicates + result.KilledAlerts.Repeated);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing a file; the temp folder is cleaned by the OS later.
        }
    }
}
