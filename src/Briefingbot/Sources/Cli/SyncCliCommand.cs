using System.CommandLine;
using System.Globalization;
using Briefingbot.Kernel.Cli;
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
    public Command CreateCommand()
    {
        var sinceOption = CliOptions.Date("--sinds", "Where a feed has no stored cursor yet, start at this date (a feed with a cursor goes on from it)");
        var dossierOption = new Option<string[]>("--dossier")
        {
            Description = "Only this dossier (\"21501-28\"); repeat for more",
            HelpName = "N",
        };
        var noIndex = CliOptions.Flag("--no-index", "Do not bring this machine's index up to date with the letter store afterwards");
        var command = new Command("sync", "Follow the Tweede Kamer open data once (settings Sources:TweedeKamer:*), printing a line per feed page")
        {
            sinceOption, dossierOption, noIndex,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(sinceOption), parse.GetValue(dossierOption) ?? [], parse.GetValue(noIndex),
            parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(DateOnly? since, IReadOnlyList<string> dossiers, bool noIndex, TextWriter output, CancellationToken cancellationToken)
    {
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

        if (!noIndex)
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
