using System.Diagnostics;
using System.Globalization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Storage.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.TestSupport.Replay;

/// <summary>A folder with one instance's SQLite store, index and (empty) corpus, for a sync run in a child process.</summary>
public sealed class SyncWorkspace
{
    public SyncWorkspace(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "corpus"));
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "briefingbot.db");

    public string IndexPath => Path.Combine(Directory, "index");

    /// <summary>The settings of a child <c>sync</c> against <paramref name="baseUrl"/> (both sources), as environment variables.</summary>
    public Dictionary<string, string> Environment(string baseUrl, DateOnly start) => new()
    {
        ["Storage__Provider"] = "sqlite",
        ["Storage__ConnectionString"] = "Data Source=" + DatabasePath,
        ["Dossiers__IndexPath"] = IndexPath,
        ["Dossiers__CorpusPath"] = Path.Combine(Directory, "corpus"),
        ["Dossiers__IngestOnStart"] = "false",
        ["Sources__TweedeKamer__BaseUrl"] = baseUrl,
        ["Sources__OfficieleBekendmakingen__BaseUrl"] = baseUrl,
        ["Sources__TweedeKamer__RequestInterval"] = "00:00:00",
        ["Sources__TweedeKamer__StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>Starts <c>dotnet Briefingbot.dll &lt;args&gt;</c> with this workspace's settings.</summary>
    public Process Start(string botDll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [botDll, .. args])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + botDll);
        // Drain both streams so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (Output) { Output.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (Output) { Output.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Everything the children wrote.</summary>
    public List<string> Output { get; } = [];

    /// <summary>The workspace's store (created and migrated on first use).</summary>
    public StoreDatabase OpenDatabase() =>
        new SqliteStoreDatabase("Data Source=" + DatabasePath, Directory, TimeProvider.System, NullLogger<SqliteStoreDatabase>.Instance);

    public async Task<SyncStateSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        var database = OpenDatabase();
        int documents;
        IReadOnlyList<string> passages;
        using (var index = new LetterIndex(IndexPath))
        {
            index.Refresh();
            using (var lease = index.Acquire())
            {
                documents = lease.Searcher.IndexReader.NumDocs;
            }
            passages = IndexPassageDigest.Read(index);
        }
        var snapshot = await SyncStateSnapshot.ReadAsync(database, documents, passages, ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return snapshot;
    }
}

/// <summary>The outcome of <see cref="SyncKillCheck"/>.</summary>
public sealed record KillCheckResult(int Kills, int SyncRequests, string? Difference, SyncStateSnapshot Killed, SyncStateSnapshot Reference, TimeSpan Elapsed)
{
    /// <summary>The alert rounds after the killed sync and after the uninterrupted one.</summary>
    public AlertRounds? KilledAlerts { get; init; }

    public AlertRounds? ReferenceAlerts { get; init; }
}

/// <summary>
/// The crash check: one workspace syncs the replay feed once, uninterrupted (the reference, and the number of requests
/// a whole sync takes); in a second one a child process syncs the same feed and is killed (SIGKILL, the whole process
/// tree) at <c>kills</c> random points spread over that request sequence, restarted each time on the same store; then
/// one last run finishes the sync and builds the index. Their
/// snapshots must be equal: same letters, documents, promises, meetings, index passages and index size; and the instant
/// alerts both lead to (<see cref="SyncAlertRounds"/>: a conversation with alerts on before the sync) must be the same
/// letters, each alerted once, with nothing sent again by a second round.
/// </summary>
public static class SyncKillCheck
{
    public static async Task<KillCheckResult> RunAsync(ReplayServer server, string botDll, string root, DateOnly start, int kills, int seed,
        TextWriter? log = null, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(seed);

        // The uninterrupted sync first: the requests it needs are the span the kill points are drawn from.
        var reference = new SyncWorkspace(Path.Combine(root, "reference"));
        await SyncAlertRounds.PrepareAsync(reference, ct);
        var before = server.Requests;
        using (var once = reference.Start(botDll, reference.Environment(server.BaseUrl, start), "sync"))
        {
            await once.WaitForExitAsync(ct);
            if (once.ExitCode != 0)
            {
                throw new InvalidOperationException("The reference sync failed:\n" + string.Join('\n', reference.Output.TakeLast(30)));
            }
        }
        var needed = server.Requests - before;

        // Kill points spread over the whole sync: sorted positions in its request sequence. A restarted run repeats at
        // most the page it was in, so the killed runs together serve more requests than one sync and reach every point.
        var points = new SortedSet<int>();
        while (points.Count < Math.Min(kills, Math.Max(0, needed - 3)))
        {
            points.Add(random.Next(3, needed));
        }
        var killed = new SyncWorkspace(Path.Combine(root, "killed"));
        await SyncAlertRounds.PrepareAsync(killed, ct);
        var environment = killed.Environment(server.BaseUrl, start);
        var origin = server.Requests;
        var actualKills = 0;
        var run = 0;
        foreach (var point in points)
        {
            run++;
            // At least a few requests into this run: the previous kill may have landed a little after its point.
            var target = Math.Max(origin + point, server.Requests + 3);
            using var child = killed.Start(botDll, environment, "sync", "--no-index");
            var served = server.WhenRequestsAsync(target);
            var exited = child.WaitForExitAsync(ct);
            if (await Task.WhenAny(served, exited) == served && !child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                actualKills++;
                log?.WriteLine($"kill {actualKills}: at request {target - origin} of the killed runs ({point} of {needed} drawn)");
            }
            else
            {
                log?.WriteLine($"run {run} finished before its kill point ({point} of {needed})");
            }
            await child.WaitForExitAsync(ct);
        }
        using (var last = killed.Start(botDll, environment, "sync"))
        {
            await last.WaitForExitAsync(ct);
            if (last.ExitCode != 0)
            {
                throw new InvalidOperationException("The final sync failed:\n" + string.Join('\n', killed.Output.TakeLast(30)));
            }
        }

        var a = await killed.SnapshotAsync(ct);
        var b = await reference.SnapshotAsync(ct);
        var killedAlerts = await SyncAlertRounds.RunAsync(killed, ct);
        var referenceAlerts = await SyncAlertRounds.RunAsync(reference, ct);
        var difference = a.DifferenceFrom(b) ?? AlertDifference(killedAlerts, referenceAlerts);
        return new KillCheckResult(actualKills, needed, difference, a, b, stopwatch.Elapsed) { KilledAlerts = killedAlerts, ReferenceAlerts = referenceAlerts };
    }

    private static string? AlertDifference(AlertRounds killed, AlertRounds reference)
    {
        if (killed.Duplicates > 0 || killed.Repeated > 0 || reference.Duplicates > 0 || reference.Repeated > 0)
        {
            return $"duplicate alerts: killed {killed.Duplicates} in the first round + {killed.Repeated} in the second, uninterrupted {reference.Duplicates} + {reference.Repeated}";
        }
        if (killed.Alerted.Count == 0 || !killed.Alerted.SequenceEqual(reference.Alerted))
        {
            return $"alerts: {killed.Alerted.Count} vs {reference.Alerted.Count}; missing [{string.Join("; ", reference.Alerted.Except(killed.Alerted).Take(2))}], " +
                $"extra [{string.Join("; ", killed.Alerted.Except(reference.Alerted).Take(2))}]";
        }
        return null;
    }
}
