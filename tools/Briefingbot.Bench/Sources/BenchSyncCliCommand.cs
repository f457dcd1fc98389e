using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Briefingbot.Cli;
using Briefingbot.Kernel.Cli;
using Briefingbot.TestSupport.Replay;

namespace Briefingbot.Sources.Cli;

/// <summary>
/// <c>bench-sync [--documents N] [--pdf | --pdf-folder DIR] [--no-xml] [--page-size N] [--kill K]</c>: starts the loopback
/// replay server with N generated documents (text files, generated PDFs or the PDFs of a folder), runs <c>sync</c>
/// in a child process against it and prints documents/s (download + text extraction + store) and the index growth;
/// <c>--no-xml</c> takes every text from the file (no officiële bekendmakingen XML), so all of them go through PDF extraction.
/// With <c>--kill K</c> it runs the crash check instead (K SIGKILLs at random points, then compares with one
/// uninterrupted sync).
/// </summary>
internal sealed class BenchSyncCliCommand : ICliCommand
{
    public Command CreateCommand()
    {
        var documentsOption = CliOptions.Int("--documents", 5000, "Documents the replay server offers");
        var pdfOption = CliOptions.Flag("--pdf", "Serve generated PDFs instead of text files");
        var pdfFolderOption = CliOptions.ExistingDirectory("--pdf-folder", "Serve the PDFs of this folder");
        var noXmlOption = CliOptions.Flag("--no-xml", "Take every text from the file (PDF extraction), none from the officiële bekendmakingen XML");
        var pageSizeOption = CliOptions.Int("--page-size", 250, "Entries per feed page");
        var killOption = CliOptions.OptionalInt("--kill", "Run the crash check instead: this many SIGKILLs at random points, then compare with one uninterrupted sync");
        var command = new Command("bench-sync", "Sync throughput / crash check against a loopback replay server (sync runs in a child process)")
        {
            documentsOption, pdfOption, pdfFolderOption, noXmlOption, pageSizeOption, killOption,
        };
        command.Validators.Add(result =>
        {
            if (result.ValueOrDefault(pdfOption) && result.GetResult(pdfFolderOption) is not null)
            {
                result.AddError("Give --pdf or --pdf-folder, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(parse.GetValue(documentsOption), parse.GetValue(pdfOption), parse.GetValue(pdfFolderOption)?.FullName, parse.GetValue(noXmlOption),
                parse.GetValue(pageSizeOption), parse.GetValue(killOption)),
            parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private sealed record Request(int Documents, bool Pdf, string? PdfFolder, bool NoXml, int PageSize, int? Kills);

    private static async Task<int> RunAsync(Request request, TextWriter output, CancellationToken cancellationToken)
    {
        var documents = request.Documents;
        var pageSize = request.PageSize;
        var kills = request.Kills;
        var pdfFolder = request.PdfFolder;
        var anchor = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var start = anchor.AddDays(-90);
        var botDll = Path.Combine(AppContext.BaseDirectory, "Briefingbot.dll");
        var root = Directory.CreateTempSubdirectory("briefingbot-bench-sync-").FullName;

        var corpus = ReplayCorpus.Generate(documents, anchor, pdfFolder: pdfFolder, generatePdfs: request.Pdf);
        await using var server = await ReplayServer.StartAsync(corpus, pageSize, cancellationToken);
        await output.WriteLineAsync($"Replay server {server.BaseUrl}: {documents} letters (" +
            (pdfFolder is not null ? "PDFs from " + pdfFolder : request.Pdf ? "generated PDFs" : "text files") + $"), work folder {root}");

        if (kills is { } k)
        {
            var result = await SyncKillCheck.RunAsync(server, botDll, root, start, k, seed: 20261206, output, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Crash check: {result.Kills} kills spread over the {result.SyncRequests} requests of one sync, end state {(result.Difference is null ? "EQUAL to" : "DIFFERS from")} one uninterrupted sync " +
                $"({result.Killed.Letters.Count} letters, {result.Killed.Passages.Count} passages, {result.Killed.Promises.Count} promises, {result.Killed.Meetings.Count} meetings, " +
                $"{result.Killed.IndexDocuments} index documents; uninterrupted: {result.Reference.Letters.Count} letters, {result.Reference.Passages.Count} passages, " +
                $"{result.Reference.Promises.Count} promises) in {result.Elapsed.TotalSeconds:F0} s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Alerts (abonneer direct, no topic filter): killed {result.KilledAlerts?.Alerted.Count} letters alerted, {result.KilledAlerts?.Duplicates} duplicates, " +
                $"{result.KilledAlerts?.Repeated} sent again by a second round; uninterrupted {result.ReferenceAlerts?.Alerted.Count}, {result.ReferenceAlerts?.Duplicates}, {result.ReferenceAlerts?.Repeated}"));
            if (result.Difference is not null)
            {
                await output.WriteLineAsync("Difference: " + result.Difference);
            }
            return result.Difference is null ? 0 : 1;
        }

        var workspace = new SyncWorkspace(Path.Combine(root, "bench"));
        var stopwatch = Stopwatch.StartNew();
        var environment = workspace.Environment(server.BaseUrl, start);
        if (request.NoXml)
        {
            // Every letter's text from its file (PDF), none from the officiële bekendmakingen XML.
            environment["Sources__OfficieleBekendmakingen__UseXml"] = "false";
        }
        using (var child = workspace.Start(botDll, environment, "sync"))
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        stopwatch.Stop();
        foreach (var line in workspace.Output.Where(l => l.StartsWith("Done", StringComparison.Ordinal) || l.StartsWith("Stopped", StringComparison.Ordinal)
                     || l.StartsWith("Index", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync("  " + line);
        }
        var snapshot = await workspace.SnapshotAsync(cancellationToken);
        var indexBytes = Directory.Exists(workspace.IndexPath) ? Directory.EnumerateFiles(workspace.IndexPath).Sum(f => new FileInfo(f).Length) : 0;
        var letters = snapshot.Letters.Count(l => l.EndsWith("|False", StringComparison.Ordinal));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Synced {letters} letters in {stopwatch.Elapsed.TotalSeconds:F1} s wall (process start included): {letters / stopwatch.Elapsed.TotalSeconds:F1} documents/s; " +
            $"index {snapshot.IndexDocuments} documents, {indexBytes / 1024.0 / 1024.0:F1} MB; requests {server.Requests} ({string.Join(", ", server.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))})"));
        return 0;
    }
}
