using System.Globalization;
using Briefingbot.EndToEnd.Tests.Infrastructure;
using Briefingbot.EndToEnd.Tests.Playground;
using Briefingbot.TestSupport.Replay;

namespace Briefingbot.EndToEnd.Tests.Sources;

/// <summary>
/// The bot with the live source on (<c>Sources:TweedeKamer:Enabled=true</c>), its base URLs pointing at a loopback
/// replay server (generated SyncFeed, entities, files and Kamerstuk XML, anchored at today), plus the Playground.
/// The bot syncs once at start-up; a test adds a letter to the feed and runs <c>sync</c> on the command line against
/// the same store (the sync trigger), after which the bot's index follows the store and the alert job picks it up.
/// </summary>
public sealed class LiveSourceFixture : IAsyncLifetime
{
    /// <summary>"Today" of the replayed feed: its committee debates are 7, 12 and 17 days ahead.</summary>
    public static readonly DateOnly Anchor = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public ReplayServer Replay { get; private set; } = null!;

    public PlaygroundFixture Playground { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Replay = await ReplayServer.StartAsync(ReplayCorpus.Generate(24, Anchor, historic: 8), pageSize: 50);
        Playground = new PlaygroundFixture(new Dictionary<string, string?>
        {
            // The one setting that turns the live source on; the rest points it at the replay server.
            ["Sources__TweedeKamer__Enabled"] = "true",
            ["Sources__TweedeKamer__BaseUrl"] = Replay.BaseUrl,
            ["Sources__OfficieleBekendmakingen__BaseUrl"] = Replay.BaseUrl,
            ["Sources__TweedeKamer__RequestInterval"] = "00:00:00",
            ["Sources__TweedeKamer__StartDate"] = Anchor.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // Short loops so the test's bounded waits stay short: the index follows the store every second and the
            // alert round runs every 5 s (its first run is a minute after start-up).
            ["Storage__FollowInterval"] = "00:00:01",
            ["Briefings__AlertInterval"] = "00:00:05",
        }, "live-");
        await Playground.InitializeAsync();
    }

    /// <summary>
    /// Runs <c>sync --no-index</c> in a child process on the bot's store and settings (the bot keeps its own index and
    /// follows the store); returns its output. Fails the test when it does not finish within two minutes or fails.
    /// </summary>
    public async Task<string> SyncNowAsync()
    {
        var log = Path.Combine(RepoPaths.Logs, "live-sync.log");
        await using var sync = ChildProcess.Start("dotnet", [RepoPaths.BotAssembly, "sync", "--no-index"], Playground.DataDirectory,
            new Dictionary<string, string?>(Playground.BotEnvironment), log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await sync.WaitForExitAsync(timeout.Token);
        var output = sync.RecentOutput();
        Assert.True(sync.ExitCode == 0, $"sync exited with {sync.ExitCode}:\n{output}");
        return output;
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }
        if (Replay is not null)
        {
            await Replay.DisposeAsync();
        }
    }
}

/// <summary>The live-source bot is its own bot and Playground; its tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LiveSourceCollection : ICollectionFixture<LiveSourceFixture>
{
    public const string Name = "Agents Playground with the live source";
}
