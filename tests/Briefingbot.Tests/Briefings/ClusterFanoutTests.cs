using System.Globalization;
using Briefingbot.Briefings.Bench;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Tests.Storage;
using Briefingbot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// Two bot processes on one PostgreSQL database (Quartz clustered on the shared job store, one delivery ledger) and
/// a loopback Bot Connector. 500 channels due at the same second are fired by the two clustered
/// schedulers, which compete for them; the ledger lets one send through. One node is SIGKILLed in the middle of that fan-out and the
/// survivor finishes the rest, taking the killed node's claims over once they are ClaimTimeout old. A channel may
/// get a second briefing only if it is in the killed node's in-flight window: the connector accepted its message
/// while its ledger row was still claimed by the killed node (sent, not yet recorded). The test computes that window
/// exactly and prints it.
/// </summary>
/// <remarks>
/// No wall-clock minute is awaited: the subscriptions are written after both nodes started, due 15 s later (the
/// schedule has seconds), and the nodes' reconcile (every 2 s) gives them their triggers. How Quartz or the catch-up spreads the work over the nodes is not
/// promised and not asserted (printed only). Every wait is on an event (a logged line, the connector's count) and
/// bounded; a timeout names what was awaited and shows both processes' output.
/// </remarks>
public sealed class ClusterFanoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Channels = 500;
    private const string SentLine = "Briefing sent to";
    private const string ReconciledLine = "Briefing schedules reconciled:";
    /// <summary>
    /// Claims older than this are taken over by the sweep: longer than any send of this test (paced, 16 at a time, a
    /// part's deadline is half of it), or a slow live node would be doubled.
    /// </summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(10);
    /// <summary>The subscriptions are due this long after they are written (the reconcile runs every 2 s).</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FanoutPatience = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("briefing-cluster-").FullName;
    private readonly List<(string Name, BotProcess Process)> _nodes = [];
    private LoopbackTeamsConnector? _connector;
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var (_, process) in _nodes)
        {
            await process.DisposeAsync();
        }
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
        await PostgresTestServer.DropDatabaseAsync(_connectionString);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder: harmless.
        }
    }

    [Fact]
    public async Task Two_instances_send_each_briefing_once_and_the_survivor_of_a_kill_finishes_the_fanout()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        _connector = await LoopbackTeamsConnector.StartAsync(TimeProvider.System);
        var connector = _connector;
        // Both at once on an empty database, as a deployment starts them.
        var a = StartNode("a");
        var b = StartNode("b");
        await Within(Task.WhenAll(a.WhenLoggedAsync("Catch-up at start-up"), b.WhenLoggedAsync("Catch-up at start-up")), StartPatience, "both nodes to finish their start-up");
        // 500 subscriptions written to the store (as another tool would), due seconds from now; a node's reconcile
        // gives them their triggers and the two clustered schedulers fire them.
        await SeedAsync("c1", connector.ServiceUrl);
        var channels = Ids("c1");
        var killAfter = random.Next(50, 300);
        await Within(connector.WhenAcceptedAsync(killAfter), StartPatience, $"{killAfter} messages to be accepted");
        // The node that has recorded more sends so far (so certainly one taking part) is SIGKILLed.
        var victimIndex = a.Lines(SentLine).Count >= b.Lines(SentLine).Count ? 0 : 1;
        var (victimName, victim) = _nodes[victimIndex];
        var survivor = _nodes[1 - victimIndex].Process;
        victim.Kill();

        // Right after the kill: what the killed node had claimed and not recorded as sent. Nobody else may take
        // those claims before they are ClaimTimeout old, so this snapshot is stable.
        var atKill = await LedgerAsync();
        var victimClaims = atKill.Where(r => r.State == DeliveryState.Claimed && ClaimedBy(r, victim)).Select(r => r.ConversationId).ToHashSet(StringComparer.Ordinal);
        var victimSent = atKill.Count(r => r.State == DeliveryState.Sent && ClaimedBy(r, victim));
        var acceptedAtKill = channels.Where(id => connector.Received.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"killed node {victimName} after {connector.Accepted} messages accepted; it had sent and recorded {victimSent}, " +
            $"and held {victimClaims.Count} claims, {victimClaims.Count(acceptedAtKill.Contains)} of them already accepted by the connector");

        // The survivor sends (and records) everything the killed node had not recorded as sent: what its own catch-up
        // had not reached yet and — after ClaimTimeout — the killed node's claims, through the sweep.
        var survivorOwes = Channels - victimSent;
        await Within(survivor.WhenLoggedAsync(SentLine, survivorOwes), FanoutPatience, $"the survivor to have sent {survivorOwes} briefings");
        // Quartz on the survivor notices the dead node (missed check-ins, every few seconds) and the maintenance
        // jobs, one at a time cluster-wide, are not left blocked: the survivor reconciles again afterwards.
        await Within(survivor.WhenLoggedAsync("ClusterManager: detected"), FanoutPatience, "the survivor's Quartz to detect the killed node");
        var reconcilesSoFar = survivor.Lines(ReconciledLine).Count;
        await Within(survivor.WhenLoggedAsync(ReconciledLine, reconcilesSoFar + 1), FanoutPatience, "the survivor to run the reconcile job again after the detection");

        var final = await LedgerAsync();
        var bySurvivor = final.Count(r => ClaimedBy(r, survivor));
        output.WriteLine($"the survivor sent {bySurvivor}, the killed node {victimSent}; {connector.Throttled} answered 429; Quartz: " +
            string.Join(" | ", survivor.Lines("ClusterManager").Select(l => l[l.IndexOf("ClusterManager", StringComparison.Ordinal)..])));
        Assert.Equal(Channels, final.Count);
        Assert.All(final, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.All(final.Where(r => victimClaims.Contains(r.ConversationId)), r => Assert.True(ClaimedBy(r, survivor), $"{r.ConversationId} was not taken over by the survivor"));
        Assert.All(channels, id => Assert.InRange(connector.Received.GetValueOrDefault(id), 1, 2));

        // The in-flight window: the killed node's claims whose message the connector had accepted. The survivor
        // re-sent each of them after the claim timeout (the connector cannot say "already delivered"), so exactly
        // these channels got two briefings — and no other channel did.
        var duplicates = channels.Where(id => connector.Received.GetValueOrDefault(id) > 1).ToHashSet(StringComparer.Ordinal);
        var window = victimClaims.Where(id => connector.Received.GetValueOrDefault(id) > 1).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"in-flight window {window.Count} of {victimClaims.Count} claims held by the killed node: " +
            $"[{string.Join(", ", window.Order(StringComparer.Ordinal))}]; duplicates {duplicates.Count}");
        Assert.Subset(victimClaims, duplicates);
        Assert.True(duplicates.SetEquals(window));
        Assert.Equal(Channels + duplicates.Count, connector.Accepted);
    }

    private BotProcess StartNode(string name)
    {
        var process = BotProcess.Start(_directory, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = _connectionString,
            // Letters are not under test: no corpus ingest, no following of the shared letter store.
            ["Storage__FollowLetters"] = "false",
            ["Dossiers__IngestOnStart"] = "false",
            ["Dossiers__IndexPath"] = Path.Combine(_directory, "index-" + name),
            ["Urls"] = "http://127.0.0.1:0",
            ["Bot__ExtraTrustedServiceUrlHosts__0"] = "127.0.0.1",
            // Two nodes share the tenant's 50 messages/s: each paces at a little under half.
            ["Briefingbot__Briefings__FanoutPerTenantPerSecond"] = "23",
            ["Briefingbot__Briefings__ClaimTimeout"] = ClaimTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Briefingbot__Briefings__SweepInterval"] = "00:00:02",
            ["Briefingbot__Briefings__RetryBackoff"] = "00:00:02",
            // Subscriptions written by the test (not through this node) get their triggers within seconds.
            ["Briefingbot__Briefings__ReconcileInterval"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Briefingbot.Briefings"] = "Information",
            ["Logging__LogLevel__Quartz"] = "Information",
        });
        _nodes.Add((name, process));
        return process;
    }

    /// <summary>
    /// Writes 500 active subscriptions due <see cref="Lead"/> from now (the schedule has seconds), with conversation
    /// references on the loopback connector, and waits until a node's reconcile has given all of them triggers.
    /// </summary>
    private async Task SeedAsync(string prefix, string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow();
        var due = now + Lead;
        var services = Store();
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        var references = services.GetRequiredService<IConversationReferenceStore>();
        foreach (var id in Ids(prefix))
        {
            await references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = id, TenantId = "tenant-1", ConversationType = "channel" },
                Bot = new ChannelAccount { Id = "28:briefingbot", Name = "Briefingbot" },
            });
            await subscriptions.UpsertAsync(new Subscription(id, "tenant-1", [], due.DayOfWeek, new TimeOnly(due.Hour, due.Minute, due.Second), "UTC",
                SubscriptionStatus.Active, null, "test", now, now));
        }
        await services.DisposeAsync();
        await Within(Task.WhenAny(_nodes.Select(n => n.Process.WhenLoggedAsync($", {Channels} active"))).Unwrap(), StartPatience, $"a reconcile that saw {Channels} active subscriptions");
        output.WriteLine($"{Channels} subscriptions written at {now:HH:mm:ss.fff}, scheduled by {TimeProvider.System.GetUtcNow():HH:mm:ss.fff}, due {due:HH:mm:ss}");
    }

    private static HashSet<string> Ids(string prefix) =>
        Enumerable.Range(0, Channels).Select(i => string.Create(CultureInfo.InvariantCulture, $"19:{prefix}-{i:D3}@thread.tacv2")).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the ledger row was (last) claimed by <paramref name="node"/>: claimedBy is host-pid-random.</summary>
    private static bool ClaimedBy(Delivery row, BotProcess node) =>
        row.ClaimedBy?.Contains(string.Create(CultureInfo.InvariantCulture, $"-{node.Id}-"), StringComparison.Ordinal) == true;

    private async Task Within(Task task, TimeSpan patience, string what)
    {
        try
        {
            await task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(Explain(what, patience));
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"While waiting for {what}: {ex.Message}\n{Explain(what, patience)}", ex);
        }
    }

    private string Explain(string what, TimeSpan patience)
    {
        var text = new System.Text.StringBuilder($"Gave up after {patience} waiting for {what}. Connector: {_connector?.Accepted} accepted, " +
            $"{_connector?.Throttled} throttled, {_connector?.Received.Count} conversations.");
        foreach (var (name, process) in _nodes)
        {
            var lines = process.Output.Split('\n');
            text.Append(CultureInfo.InvariantCulture, $"\n--- node {name} (pid {process.Id}, exited {process.HasExited}), last 80 of {lines.Length} lines:\n");
            text.AppendJoin('\n', lines.TakeLast(80));
        }
        return text.ToString();
    }

    private async Task<IReadOnlyList<Delivery>> LedgerAsync()
    {
        await using var services = Store();
        return await services.GetRequiredService<IDeliveryLedger>().ListAsync(null, 10_000);
    }

    private ServiceProvider Store()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = _connectionString,
            ["Storage:FollowLetters"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }
}
