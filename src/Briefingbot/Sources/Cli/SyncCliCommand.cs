using System.Globalization;
using Briefingbot.Cli;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Sources.Sync;
using Briefingbot.Storage;
using Briefingbot.Storage.Letters;
using Microsoft.Extensions.Options;

namespace Briefingbot.Sources.Cli;

/// <summary>
/// <c>sync [--sinds DATE] [--dossier N] [--no-index]</c>: runs the Tweede Kamer sync once (whether or not the
/// scheduled sync is enabled), printing a line per committed feed page and a summary, then brings this machine's
/// index up to date with the letter store (unless <c>--no-index</c>).
/// </summary>
internal sealed class SyncCliCommand(IServiceProvider services) : ICliCommand
{
    public string Name => "sync";

    public string Usage => "sync [--sinds DATE] [--dossier N] [--no-index]   follow the Tweede Kamer open data once (Sources:TweedeKamer:*)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        DateOnly? since = null;
        if (CliArguments.Option(args, "--sinds") is { } sinceText)
        {
            if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await output.WriteLineAsync($"--sinds expects a date like 2025-09-01, not '{sinceText}'.");
                return 2;
            }
            since = parsed;
        }
        var dossiers = new List<string>();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], "--dossier", StringComparison.OrdinalIgnoreCase))
            {
                dossiers.Add(args[i + 1]);
            }
        }

        var options = services.GetRequiredService<IOptions<SourcesOptions>>().Value;
        await output.WriteLineAsync($"Sync from {options.TweedeKamer.BaseUrl}" +
            (since is null ? "" : $" since {since:yyyy-MM-dd}") + (dossiers.Count == 0 ? "" : $", dossiers {string.Join(", ", dossiers)}"));
        var sync = services.GetRequiredService<TweedeKamerSync>();
        var summary = await sync.RunAsync(new SyncRequest(since, dossiers), new LineProgress(output), cancellationToken);
        await output.WriteLineAsync((summary.Succeeded ? "Done: " : "Stopped: ") + summary.Describe() +
            string.Create(CultureInfo.InvariantCulture, $" in {summary.Elapsed.TotalSeconds:F1} s ({(summary.Letters / Math.Max(0.001, summary.Elapsed.TotalSeconds)):F1} letters/s)"));
        if (summary.Error is not null)
        {
            await output.WriteLineAsync("Error: " + summary.Error + " (the next run resumes from the stored cursor)");
        }

        if (!CliArguments.Flag(args, "--no-index"))
        {
            var index = services.GetRequiredService<LetterIndex>();
            var before = IndexDocuments(index);
            var started = TimeProvider.System.GetTimestamp();
            var follower = ActivatorUtilities.CreateInstance<LetterStoreFollower>(services);
            await follower.CatchUpAsync(cancellationToken);
            var after = IndexDocuments(index);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Index: {after} documents (+{after - before}) in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s, letter store version {follower.Version}"));
        }
        return summary.Succeeded ? 0 : 1;
    }

    internal static int IndexDocuments(LetterIndex index)
    {
        index.Refresh();
        using var lease = index.Acquire();
        return lease.Searcher.IndexReader.NumDocs;
    }

    private sealed class LineProgress(TextWriter output) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress p)
        {
            output.WriteLine($"page {p.Pages} ({p.Category}): {p.Entries} entries, {p.Letters} letters, {p.Failures} without text");
            output.Flush();
        }
    }
}
