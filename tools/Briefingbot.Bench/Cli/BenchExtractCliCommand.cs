using System.CommandLine;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.Kernel.Cli;
using Briefingbot.TestSupport.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Summaries;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-extract [--documents 500] [--pages 4] [--dir FOLDER] [--parallel N]</c>: the throughput of turning
/// downloaded documents into indexed letters. Generates realistic multi-page PDFs (running header, page numbers,
/// hard-wrapped paragraphs drawn from the seed letters) or reads every file in FOLDER, then times text extraction
/// (<see cref="IDocumentTextExtractor"/>) alone and extraction + parse + index (front matter, passages, promises,
/// meetings, Lucene) into a throwaway index, and prints documents per second.
/// </summary>
internal sealed class BenchExtractCliCommand(IServiceProvider services) : ICliCommand
{
    public Command CreateCommand()
    {
        var documentsOption = CliOptions.Int("--documents", 500, "Generated documents (PDFs)");
        var pagesOption = CliOptions.Int("--pages", 4, "Pages per generated PDF", max: 200);
        var dirOption = CliOptions.ExistingDirectory("--dir", "Read every file of this folder instead of generating PDFs");
        var parallelOption = CliOptions.OptionalInt("--parallel", "Worker threads (default: the number of cores)", max: 64);
        var command = new Command("bench-extract", "PDF/DOCX/XML text extraction + parse + index speed, in documents per second and CPU time per document")
        {
            documentsOption, pagesOption, dirOption, parallelOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(documentsOption), parse.GetValue(pagesOption), parse.GetValue(dirOption)?.FullName,
            parse.GetValue(parallelOption) ?? Math.Clamp(Environment.ProcessorCount, 1, 64), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(int count, int pages, string? folder, int parallel, TextWriter output, CancellationToken cancellationToken)
    {
        var extractor = services.GetService<IDocumentTextExtractor>() ?? new DocumentTextExtractor();

        var documents = folder is not null ? ReadFolder(folder) : Generate(count, pages);
        if (documents.Count == 0)
        {
            await output.WriteLineAsync("bench-extract: no documents.");
            return 1;
        }
        var bytes = documents.Sum(d => (long)d.Content.Length);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench-extract: {documents.Count} documents ({bytes / 1024.0 / 1024.0:F1} MB{(folder is null ? $", generated PDFs of {pages} pages" : $" from {folder}")}), {parallel} worker(s), {Environment.ProcessorCount} cores"));

        // 1. Extraction alone (warm-up on a few documents first: JIT, font tables).
        foreach (var d in documents.Take(3))
        {
            extractor.Extract(d.Content, d.ContentType, d.Name);
        }
        var texts = new string?[documents.Count];
        var failures = new ConcurrentBag<string>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, i =>
        {
            var d = documents[i];
            var result = extractor.Extract(d.Content, d.ContentType, d.Name);
            if (result.Succeeded)
            {
                texts[i] = LetterFrontMatter.Compose(new KnownLetterMetadata(Title: d.Name, Source: "bench"), result.Text);
            }
            else
            {
                failures.Add($"{d.Name}: {result.Failure}");
            }
        });
        var extractSeconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var extractCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        // 2. Parse + index (promise and meeting extraction included) into a throwaway index.
        var indexPath = Path.Combine(Path.GetTempPath(), "briefingbot-bench-extract-" + Guid.NewGuid().ToString("N"));
        double indexSeconds;
        double indexCpu = 0;
        int indexed;
        try
        {
            using var index = new LetterIndex(indexPath, null, 0, 0);
            var ingestor = new LetterIngestor(index, new LetterParser(), new ExtractiveSummarizer(), new PromiseExtractor(), new MeetingExtractor(), [], TimeProvider.System, 200);
            var sources = texts.Select((t, i) => t is null ? null : new LetterSource($"bench-{i:D6}.txt", t)).OfType<LetterSource>().ToList();
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            watch.Restart();
            var progress = await ingestor.IngestAsync(sources, removeOthers: false, cancellationToken: cancellationToken);
            indexSeconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            indexCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            indexed = progress.Added + progress.Changed;
        }
        finally
        {
            try
            {
                Directory.Delete(indexPath, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder.
            }
        }

        var total = extractSeconds + indexSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"extraction:            {documents.Count - failures.Count} ok, {failures.Count} failed in {extractSeconds:F2} s = {documents.Count / extractSeconds:F1} documents/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"parse + index:         {indexed} letters in {indexSeconds:F2} s = {indexed / Math.Max(indexSeconds, 1e-9):F1} documents/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"extract + parse + index: {documents.Count / total:F1} documents/s end to end ({total:F2} s)"));
        // On a shared, loaded machine wall time says little: CPU time per document is what the code costs.
        var cpuPerDocument = (extractCpu + indexCpu) / documents.Count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"CPU time:              {extractCpu:F2} s extraction + {indexCpu:F2} s parse/index = {cpuPerDocument * 1000:F1} ms per document, i.e. {1 / cpuPerDocument:F1} documents/s per core ({Environment.ProcessorCount / cpuPerDocument:F1} on {Environment.ProcessorCount} idle cores)"));
        foreach (var failure in failures.Take(5))
        {
            await output.WriteLineAsync("  failed: " + failure);
        }
        return 0;
    }

    private sealed record BenchDocument(string Name, byte[] Content, string? ContentType);

    private static List<BenchDocument> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => new BenchDocument(Path.GetFileName(f), File.ReadAllBytes(f), null))
            .ToList();

    /// <summary>Letter-like PDFs: a title block and paragraphs from the seed letters, about 38 lines a page.</summary>
    private List<BenchDocument> Generate(int count, int pages)
    {
        var paragraphs = SeedParagraphs();
        var result = new BenchDocument[count];
        Parallel.For(0, count, i =>
        {
            var random = new Random(20261206 + i);
            var body = new List<string>();
            var lines = 0;
            while (lines < pages * 36)
            {
                var p = paragraphs[random.Next(paragraphs.Count)];
                body.Add(p);
                lines += p.Length / 90 + 2;
            }
            var header = new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"{21 + random.Next(15)} {random.Next(100, 999)} Brief van de minister"),
                string.Create(CultureInfo.InvariantCulture, $"Nr. {random.Next(1, 4000)} BRIEF VAN DE MINISTER VAN DEFENSIE"),
                "Den Haag, " + new DateOnly(2025, 1, 1).AddDays(random.Next(330)).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")),
            };
            result[i] = new BenchDocument($"bench-{i:D6}.pdf", SyntheticDocuments.Pdf(header, body, 38), "application/pdf");
        });
        return [.. result];
    }

    private List<string> SeedParagraphs()
    {
        var corpus = services.GetService<DossiersPaths>()?.CorpusPath;
        var parser = new LetterParser();
        var paragraphs = corpus is not null && Directory.Exists(corpus)
            ? Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal)
                .SelectMany(f => parser.Parse(Path.GetFileName(f), File.ReadAllText(f)).Passages)
                .Select(p => p.Text)
                .Where(t => t.Length is > 80 and < 2000)
                .ToList()
            : [];
        return paragraphs.Count > 0
            ? paragraphs
            : ["De minister zal de Kamer voor de zomer informeren over de voortgang van de steun aan Oekraine en de levering van munitie en luchtverdediging."];
    }
}
