using System.CommandLine;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Cli;

/// <summary><c>index [--corpus DIR]</c>: brings the index in line with a corpus folder, printing progress lines.</summary>
internal sealed class IndexCliCommand(IServiceProvider services) : ICliCommand
{
    public Command CreateCommand()
    {
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters (default: the setting Dossiers:CorpusPath)");
        var command = new Command("index", "Ingest a folder of letters into the index (incremental), printing progress lines") { corpusOption };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(corpusOption), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(DirectoryInfo? corpusOption, TextWriter output, CancellationToken cancellationToken)
    {
        var paths = services.GetRequiredService<DossiersPaths>();
        var corpus = corpusOption?.FullName ?? paths.CorpusPath;
        if (!Directory.Exists(corpus))
        {
            await output.WriteLineAsync($"Corpus folder not found: {corpus}");
            return 1;
        }

        await output.WriteLineAsync($"Indexing {corpus} into {paths.IndexPath}");
        var ingestor = services.GetRequiredService<ILetterIngestor>();
        var progress = new LineProgress(output);
        var result = await ingestor.IngestDirectoryAsync(corpus, progress, cancellationToken);
        await output.WriteLineAsync(
            $"Done: {result.Processed}/{result.Total} letters; added {result.Added}, changed {result.Changed}, removed {result.Removed}, unchanged {result.Unchanged}, failed {result.Failed}");
        return result.Failed > 0 && result.Failed == result.Total ? 1 : 0;
    }

    /// <summary>Prints a line about every 1% (at least every 100 letters), synchronously so lines appear in order.</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress p)
        {
            var step = Math.Clamp(p.Total / 100, 1, 100);
            if (p.Processed % step == 0 && p.Processed < p.Total)
            {
                output.WriteLine($"progress {p.Processed}/{p.Total} letters (added {p.Added}, changed {p.Changed}, unchanged {p.Unchanged}, failed {p.Failed})");
                output.Flush();
            }
        }
    }
}
