using System.Globalization;
using Briefingbot.TestSupport.Bots;
using Briefingbot.TestSupport.Briefings;
using Briefingbot.TestSupport.Connector;
using Briefingbot.Storage;
using Briefingbot.Tests.Storage;
using Xunit.Abstractions;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// Two bot processes on one PostgreSQL database (Quartz clustered on the shared job store, one delivery ledger) and
/// a loopback Bot Connector. Phase 1: 500 channels due at the same minute each get exactly one briefing (how the
/// nodes share the firings is printed, not asserted: Quartz does not promise it). Phase 2: 500 more channels due at a later minute; one node is SIGKILLed in the
/// middle of that fan-out and the survivor finishes the rest. A channel may get a second briefing only if it is in
/// the killed node's in-flight window: the connector accepted its message while its ledger row was still claimed by
/// the killed node (sent, not yet recorded). The test computes that window exactly and prints it.
/// </summary>
/// <remarks>
/// The due minute does not depend on how fast the processes start: both start first on an empty database, then the
/// test writes the subscriptions (as another tool or instance would) and the nodes' periodic reconcile gives them
/// their triggers in the shared store; the due minute is chosen only then. Every wait is on an event (a logged line,
/// the connector's count) and bounded; a timeout names what was awaited and shows both processes' output.
/// </remarks>
public sealed class ClusterFanoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Channels = 500;
    private const string SentLine = "Briefing sent to";
    private const string QuartzStartedLine = " started.";
    private const string ReconciledLine = "Briefing schedules reconciled:";
    /// <summary>
    /// Claims older than this are taken over by the sweep: far longer than any send of this test (paced, 16 at a
    /// time, a few seconds even on a loaded machine), or a slow live node would be doubled.
    /// </summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);
    /// <summary>The due minute is the first minute boundary at least this far after the subscriptions are written.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan FanoutPatience = TimeSpan.FromMinutes(3);
    /// <summary>The triggers must be in the store at least this long before the due minute.</summary>
    private static readonly TimeSpan DueMargin = TimeSpan.FromSeconds(5);
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

        // Both at once on an empty database, as a deployment starts them: the store's migrations run under an
        // advisory lock, Quartz creates its tables only if missing.
        var a = StartNode("a");
        var b = StartNode("b");
        await Within(Task.WhenAll(a.WhenLoggedAsync("Catch-up at start-up"), b.WhenLoggedAsync("Catch-up at start-up")), StartPatience, "both nodes to finish their start-up");
        await Within(Task.WhenAll(a.WhenLoggedAsync(QuartzStartedLine), b.WhenLoggedAsync(QuartzStartedLine)), StartPatience, "both Quartz schedulers to start");

        // ---- Phase 1: 500 channels due at the same minute, both nodes up.
        var due1 = await SeedAndScheduleAsync("c1", 0, connector.ServiceUrl);
        var phase1 = Ids("c1");
        await WhenSentTotalAsync(Channels, $"all {Channels} phase-1 briefings to be sent (due {due1:HH:mm:ss})");
        var took1 = TimeProvider.System.GetUtcNow() - due1;
        var ledger1 = (await LedgerAsync()).Where(r => phase1.Contains(r.ConversationId)).ToList();
        var byA1 = ledger1.Count(r => ClaimedBy(r, a));
        var byB1 = ledger1.Count(r => ClaimedBy(r, b));
        output.WriteLine($"phase 1 (due {due1:HH:mm:ss}): {connector.Accepted} messages accepted in {took1.TotalSeconds:F1} s ({Channels / took1.TotalSeconds:F1}/s), " +
            $"{connector.Throttled} answered 429; sent by a {byA1}, by b {byB1}");
        Assert.Equal(Channels, ledger1.Count);
        Assert.All(ledger1, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(Channels, byA1 + byB1);
        Assert.All(phase1, id => Assert.Equal(1, connector.Received.GetValueOrDefault(id)));
        Assert.Equal(Channels, connector.Accepted);
        // How Quartz spreads one due minute's triggers over the nodes is not promised: printed above, not asserted.

        // ---- Phase 2: 500 more channels due at a later minute; one node is killed in the middle of their fan-out:
        // once the connector has accepted a random number of them, the node that has sent more of them so far (so
        // certainly one taking part) is SIGKILLed.
        var sentBefore = _nodes.Select(n => n.Process.Lines(SentLine).Count).ToList();
        var due2 = await SeedAndScheduleAsync("c2", Channels, connector.ServiceUrl);
        var phase2 = Ids("c2");
        var killAfter = Channels + random.Next(50, 300);
        await Within(connector.WhenAcceptedAsync(killAfter), FanoutPatience, $"{killAfter - Channels} phase-2 messages to be accepted (due {due2:HH:mm:ss})");
        var victimIndex = a.Lines(SentLine).Count - sentBefore[0] >= b.Lines(SentLine).Count - sentBefore[1] ? 0 : 1;
        var (victimName, victim) = _nodes[victimIndex];
        var survivor = _nodes[1 - victimIndex].Process;
        var survivorSentBefore = sentBefore[1 - victimIndex];
        victim.Kill();

        // Right after the kill: what the killed node had claimed and not recorded as sent. Nobody else may take
        // those claims before they are ClaimTimeout old, so this snapshot is stable.
        var atKill = (await LedgerAsync()).Where(r => phase2.Contains(r.ConversationId)).ToList();
        var victimClaims = atKill.Where(r => r.State == DeliveryState.Claimed && ClaimedBy(r, victim)).Select(r => r.ConversationId).ToHashSet(StringComparer.Ordinal);
        var victimSent = atKill.Count(r => r.State == DeliveryState.Sent && ClaimedBy(r, victim));
        var acceptedAtKill = phase2.Where(id => connector.Received.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"phase 2 (due {due2:HH:mm:ss}): killed node {victimName} after {connector.Accepted - Channels} phase-2 messages accepted; " +
            $"it had sent and recorded {victimSent}, and held {victimClaims.Count} claims, {victimClaims.Count(acceptedAtKill.Contains)} of them already accepted by the connector");
        Assert.True(victimSent + victimClaims.Count > 0, $"node {victimName} took no part in the phase-2 fan-out before it was killed");

        // The survivor sends (and records) everything the killed node had not recorded as sent: the triggers it never
        // fired, those Quartz recovers from it, and — after ClaimTimeout — its claims, through the sweep.
        var survivorOwes = Channels - victimSent;
        await Within(survivor.WhenLoggedAsync(SentLine, survivorSentBefore + survivorOwes), FanoutPatience,
            $"the survivor to send the remaining {survivorOwes} phase-2 briefings");

        var took2 = TimeProvider.System.GetUtcNow() - due2;
        // Quartz on the survivor notices the dead node (missed check-ins) and recovers its in-progress firings (the
        // briefing job requests recovery; re-run, they find the ledger row claimed or sent and do nothing).
        await Within(survivor.WhenLoggedAsync("ClusterManager: detected"), FanoutPatience, "the survivor's Quartz to detect the killed node");
        // The maintenance jobs run one at a time cluster-wide ([DisallowConcurrentExecution]); one that was running
        // on the killed node must not stay blocked: the survivor reconciles again after the recovery.
        var reconcilesSoFar = survivor.Lines(ReconciledLine).Count;
        await Within(survivor.WhenLoggedAsync(ReconciledLine, reconcilesSoFar + 2), FanoutPatience, "the survivor to run the reconcile job again after the recovery");
        output.WriteLine($"phase 2: the survivor finished {took2.TotalSeconds:F1} s after the due minute; its Quartz cluster recovery: " +
            string.Join(" | ", survivor.Lines("ClusterManager").Select(l => l[l.IndexOf("ClusterManager", StringComparison.Ordinal)..])));
        var final2 = (await LedgerAsync()).Where(r => phase2.Contains(r.ConversationId)).ToList();
        Assert.Equal(Channels, final2.Count);
        Assert.All(final2, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.All(final2.Where(r => victimClaims.Contains(r.ConversationId)), r => Assert.True(ClaimedBy(r, survivor), $"{r.ConversationId} was not taken over by the survivor"));
        Assert.All(phase2, id => Assert.InRange(connector.Received.GetValueOrDefault(id), 1, 2));

        // The in-flight window: the killed node's claims whose message the connector had accepted. The survivor
        // re-sent each of them after the claim timeout (the connector cannot say "already delivered"), so exactly
        // these channels got two briefings — and no other channel did.
        var duplicates = phase2.Where(id => connector.Received.GetValueOrDefault(id) > 1).ToHashSet(StringComparer.Ordinal);
        var window = victimClaims.Where(id => connector.Received.GetValueOrDefault(id) > 1).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"phase 2: {final2.Count(r => ClaimedBy(r, survivor))} sent by the survivor; in-flight window {window.Count} of {victimClaims.Count} claims " +
            $"held by the killed node: [{string.Join(", ", window.Order(StringComparer.Ordinal))}]; duplicates {duplicates.Count}; {connector.Throttled} answered 429 in total");
        Assert.Subset(victimClaims, duplicates);
        Assert.True(duplicates.SetEquals(window));
        // For the record: the same set as seen right after the kill (a request already on the wire at the kill may
        // be counted by the connector a moment later, so this is printed, not asserted).
        output.WriteLine($"phase 2: killed node's claims accepted by the connector as seen right after the kill: {victimClaims.Count(acceptedAtKill.Contains)}");
        Assert.Equal(2 * Channels + duplicates.Count, connector.Accepted);
    }

    private BotProcess StartNode(string name)
    {
        var process = BotProcess.Start(_directory, Store.BotEnvironment(Path.Combine(_directory, "index-" + name), new Dictionary<string, string>
        {
            // Letters are not under test: no corpus ingest, no following of the shared letter store.
            ["Storage__FollowLetters"] = "false",
            ["Dossiers__IngestOnStart"] = "false",
            // Two nodes share the tenant's 50 messages/s: each paces at a little under half.
            ["Briefings__FanoutPerTenantPerSecond"] = "23",
            ["Briefings__ClaimTimeout"] = ClaimTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Briefings__SweepInterval"] = "00:00:02",
            ["Briefings__RetryBackoff"] = "00:00:02",
            // Subscriptions written by the test (not through this node) get their triggers within seconds.
            ["Briefings__ReconcileInterval"] = "00:00:02",
            ["Logging__LogLevel__Quartz"] = "Information",
        }));
        _nodes.Add((name, process));
        return process;
    }

    /// <summary>
    /// Writes 500 active subscriptions (with conversation references on the loopback connector) due at the next
    /// minute boundary at least <see cref="Lead"/> ahead, and waits until a node's reconcile has given all of them triggers.
    /// </summary>
    private async Task<DateTimeOffset> SeedAndScheduleAsync(string prefix, int alreadyActive, string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow();
        var soon = now + Lead;
        var due = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        await Store.SeedSubscriptionsAsync(Ids(prefix), due, serviceUrl, now, "test");
        // The first reconcile that saw every subscription has scheduled the ones it did not find in the store.
        var active = alreadyActive + Channels;
        var marker = $", {active} active";
        await Within(Task.WhenAny(_nodes.Select(n => n.Process.WhenLoggedAsync(marker))).Unwrap(), StartPatience, $"a reconcile that saw {active} active subscriptions");
        var scheduledAt = TimeProvider.System.GetUtcNow();
        output.WriteLine($"{Channels} subscriptions '{prefix}' written from {now:HH:mm:ss.fff}, scheduled by {scheduledAt:HH:mm:ss.fff}, due {due:HH:mm:ss}");
        Assert.True(scheduledAt + DueMargin < due, $"the triggers were scheduled at {scheduledAt:HH:mm:ss.fff}, too close to the due minute {due:HH:mm:ss}: the machine is too slow for this test");
        return due;
    }

    private static HashSet<string> Ids(string prefix) => FanoutStore.ChannelIds(prefix, Channels).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the ledger row was (last) claimed by <paramref name="node"/>: claimedBy is host-pid-random.</summary>
    private static bool ClaimedBy(Delivery row, BotProcess node) =>
        row.ClaimedBy?.Contains(string.Create(CultureInfo.InvariantCulture, $"-{node.Id}-"), StringComparison.Ordinal) == true;

    /// <summary>Waits until the nodes together have logged <paramref name="total"/> sent briefings.</summary>
    private async Task WhenSentTotalAsync(int total, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + FanoutPatience;
        while (true)
        {
            var counts = _nodes.Select(n => n.Process.Lines(SentLine).Count).ToList();
            if (counts.Sum() >= total)
            {
                return;
            }
            var remaining = deadline - TimeProvider.System.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(Explain(what, FanoutPatience));
            }
            // Wakes on the next sent line of any node.
            await Within(Task.WhenAny(_nodes.Select((n, i) => n.Process.WhenLoggedAsync(SentLine, counts[i] + 1))).Unwrap(), remaining, what);
        }
    }

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

    private Task<IReadOnlyList<Delivery>> LedgerAsync() => Store.LedgerAsync();

    /// <summary>The shared PostgreSQL store; the test's own view of it does not follow letters.</summary>
    private FanoutStore Store => new("postgres", _connectionString, new Dictionary<string, string?> { ["Storage:FollowLetters"] = "false" });
}
