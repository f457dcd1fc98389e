using Briefingbot.TestSupport.Bots;
using Briefingbot.TestSupport.Briefings;
using Briefingbot.TestSupport.Connector;
using Briefingbot.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// Crash safety of the fan-out with the real bot process, the real SQLite store and Quartz's SQLite job store, and a
/// loopback connector: the bot is killed (no graceful stop) at random points of a fan-out to 200 subscriptions and
/// started again; every subscription must get its briefing, and none twice — except, at most, conversations whose
/// message the connector had accepted while the killed process had not yet recorded it (the in-flight window,
/// reported below and bounded by the sends in flight at the moment of the kill): one extra copy per kill that found
/// the conversation in flight.
/// </summary>
public sealed class FanoutCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Subscriptions = 200;
    private const string SentLine = "Briefing sent to";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("briefing-crash-").FullName;

    private FanoutStore Store => FanoutStore.Sqlite(_directory);

    [Fact]
    public async Task Killing_the_bot_mid_fanout_and_restarting_delivers_every_briefing_once()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        await using var connector = await LoopbackTeamsConnector.StartAsync(TimeProvider.System);
        await SeedAsync(connector.ServiceUrl);

        var inFlightWindow = new HashSet<string>(StringComparer.Ordinal);
        // How many kills found each conversation in flight: each such kill may add one resend (a conversation in
        // flight at both kills, killed again while its resend was in flight, can receive its briefing three times).
        var killsInFlight = new Dictionary<string, int>(StringComparer.Ordinal);
        // Two kills at random points of the fan-out, then a run that is left to finish.
        for (var run = 1; run <= 2; run++)
        {
            var killAfter = Math.Min(Subscriptions - 1, connector.Accepted + random.Next(10, 80));
            await using var bot = BotProcess.Start(_directory, BotEnvironment());
            await connector.WhenAcceptedAsync(killAfter).WaitAsync(Patience);
            bot.Kill();
            var window = await InFlightAsync(connector);
            inFlightWindow.UnionWith(window);
            foreach (var conversation in window)
            {
                killsInFlight[conversation] = killsInFlight.GetValueOrDefault(conversation) + 1;
            }
            output.WriteLine($"run {run}: killed after {connector.Accepted} accepted messages; {window.Count} sent-but-unrecorded (in-flight) at the kill");
        }

        await using (var last = BotProcess.Start(_directory, BotEnvironment()))
        {
            // Waiting on the bot's own "sent" log lines: each comes after the ledger recorded the send.
            var stillOwed = Subscriptions - await CountAsync(DeliveryState.Sent);
            await last.WhenLoggedAsync(SentLine, stillOwed).WaitAsync(Patience);
            last.Kill();
        }

        var rows = await LedgerAsync();
        Assert.Equal(Subscriptions, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(Subscriptions, connector.Received.Count);
        var duplicates = connector.Received.Where(kv => kv.Value > 1).Select(kv => kv.Key).ToList();
        output.WriteLine($"{connector.Accepted} messages for {Subscriptions} subscriptions; duplicates {duplicates.Count}; in-flight window {inFlightWindow.Count}");
        Assert.All(connector.Received, kv => Assert.InRange(kv.Value, 1, 1 + killsInFlight.GetValueOrDefault(kv.Key)));
        // A duplicate is only possible for a send the connector accepted and the killed process never recorded.
        Assert.Subset(inFlightWindow, duplicates.ToHashSet(StringComparer.Ordinal));
    }

    private Dictionary<string, string> BotEnvironment() =>
        Store.BotEnvironment(Path.Combine(_directory, "index"), new Dictionary<string, string> { ["Dossiers__IngestOnStart"] = "false" });

    /// <summary>200 subscriptions whose weekly time was a minute ago (UTC), with their conversation references.</summary>
    private async Task SeedAsync(string serviceUrl)
    {
        await Store.MigrateAsync();
        var now = TimeProvider.System.GetUtcNow();
        await Store.SeedSubscriptionsAsync(FanoutStore.ChannelIds("crash", Subscriptions), now.AddMinutes(-1), serviceUrl, now.AddDays(-7), "test");
    }

    /// <summary>Conversations the connector accepted a message for while their ledger row is still only Claimed.</summary>
    private async Task<HashSet<string>> InFlightAsync(LoopbackTeamsConnector connector)
    {
        var claimed = (await LedgerAsync()).Where(r => r.State == DeliveryState.Claimed).Select(r => r.ConversationId);
        return claimed.Where(connector.Received.ContainsKey).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<int> CountAsync(DeliveryState state) => (await LedgerAsync()).Count(r => r.State == state);

    private Task<IReadOnlyList<Delivery>> LedgerAsync() => Store.LedgerAsync();

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
