using System.Diagnostics;
using System.Globalization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Storage.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Sources.Replay;

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
public sealed record KillCheckResult(int Kills, int KilledAfterRequests, string? Difference, SyncStateSnapshot Killed, SyncStateSnapshot Reference, TimeSpan Elapsed)
{
    /// <summary>The alert rounds after the killed sync and after the uninterrupted one.</summary>
    public AlertRounds? KilledAlerts { get; init; }

    public AlertRounds? ReferenceAlerts { get; init; }
}

/// <summary>
/// The crash check: a child process syncs the replay feed and is killed (SIGKILL, the whole process tree) after a
/// random number of served requests, <c>kills</c> times, restarted each time on the same store; then one last run
/// finishes the sync and builds the index. A second workspace syncs the same feed once, uninterrupted. Their
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
        var killed = new SyncWorkspace(Path.Combine(root, "killed"));
        await SyncAlertRounds.PrepareAsync(killed, ct);
        var environment = killed.Environment(server.BaseUrl, start);
        // Roughly the requests of a whole sync: a page per 250 entries, a file per letter, a kst try per third.
        var expected = Math.Max(20, server.Corpus.LetterDocumentIds.Count * 4 / 3 + 40);
        var actualKills = 0;
        for (var k = 0; k < kills; k++)
        {
            var after = random.Next(3, expected);
            using var child = killed.Start(botDll, environment, "sync", "--no-index");
            var served = server.WhenRequestsAsync(server.Requests + after);
            var exited = child.WaitForExitAsync(ct);
            if (await Task.WhenAny(served, exited) == served && !child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                actualKills++;
                log?.WriteLine($"kill {actualKills}: after {after} requests");
            }
            else
            {
                log?.WriteLine($"run {k + 1} finished before the kill point ({after} requests)");
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

        var reference = new SyncWorkspace(Path.Combine(root, "reference"));
        await SyncAlertRounds.PrepareAsync(reference, ct);
        using (var once = reference.Start(botDll, reference.Environment(server.BaseUrl, start), "sync"))
        {
            await once.WaitForExitAsync(ct);
            if (once.ExitCode != 0)
            {
                throw new InvalidOperationException("The reference sync failed:\n" + string.Join('\n', reference.Output.TakeLast(30)));
            }
        }
        var a = await killed.SnapshotAsync(ct);
        var b = await reference.SnapshotAsync(ct);
        var killedAlerts = await SyncAlertRounds.RunAsync(killed, ct);
        var referenceAlerts = await SyncAlertRounds.RunAsync(reference, ct);
        var difference = a.DifferenceFrom(b) ?? AlertDifference(killedAlerts, referenceAlerts);
        return new KillCheckResult(actualKills, expected, difference, a, b, stopwatch.Elapsed) { KilledAlerts = killedAlerts, ReferenceAlerts = referenceAlerts };
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
