using System.Diagnostics;
using System.Globalization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Search.Benchmark;

/// <summary>Figures of one benchmark run.</summary>
public sealed record BenchmarkReport(
    int Passages, int Letters, double IndexSeconds, double PassagesPerSecond, long IndexBytes, int Segments,
    double IndexCpuSeconds, double SingleP50Ms, double SingleP99Ms, double SingleCpuP50Ms, double SingleCpuP99Ms, double ConcurrentP50Ms, double ConcurrentP99Ms, double ConcurrentQueriesPerSecond,
    double BroadP50Ms, double BroadP99Ms, long PeakWorkingSetBytes, long GcHeapBytes, int Gen2Collections, long PreloadedBytes = 0)
{
    /// <summary>The realistic broad set (<see cref="SearchBenchmark.RealisticBroadQueries"/>), single-threaded, page size 10.</summary>
    public double RealisticBroadP50Ms { get; init; }
    public double RealisticBroadP99Ms { get; init; }
}

/// <summary>
/// The scale benchmark behind <c>bench-search</c>: bulk-indexes a synthetic corpus through the production analyzer and
/// document schema (<see cref="LetterDocuments"/>; no file parsing), then measures the production search path
/// (<see cref="LetterSearch"/>: parse, query, group by letter, snippets, metadata) single-threaded and with 8
/// concurrent callers.
/// </summary>
public sealed class SearchBenchmark(TextWriter output)
{
    /// <param name="reuse">Query an index a previous run left in <paramref name="directory"/> instead of building one
    /// (for working on query speed); the indexing figures are then zero.</param>
    public async Task<BenchmarkReport> RunAsync(IReadOnlyList<string> paragraphs, IReadOnlyList<string> queries, int passages, string directory, int queryRuns = 2000, bool reuse = false, IReadOnlyList<string>? broadQueries = null, CancellationToken cancellationToken = default)
    {
        reuse = reuse && Directory.Exists(directory) && Directory.EnumerateFiles(directory, "segments_*").Any();
        if (Directory.Exists(directory) && !reuse)
        {
            Directory.Delete(directory, recursive: true);
        }
        using var index = new LetterIndex(directory);
        var (indexed, letters, indexSeconds, indexCpuSeconds) = reuse
            ? (0, 0, 0.0, 0.0)
            : await BuildAsync(index, paragraphs, passages, cancellationToken);
        var bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
        int segments;
        int maxDoc;
        using (var lease = index.Acquire())
        {
            segments = lease.Searcher.IndexReader.Leaves.Count;
            maxDoc = lease.Searcher.IndexReader.MaxDoc;
        }
        output.WriteLine(reuse
            ? $"Reusing the index in {directory}: {maxDoc:N0} documents, {bytes / 1024.0 / 1024.0:N0} MB in {segments} segments"
            : $"Indexed {indexed:N0} passages in {letters:N0} letters: {indexSeconds:F1} s wall, {indexed / indexSeconds:N0} passages/s; {indexCpuSeconds:F1} s CPU = {indexed / indexCpuSeconds:N0} passages per CPU-second ({indexed / indexCpuSeconds * Environment.ProcessorCount:N0}/s on {Environment.ProcessorCount} idle cores); index {bytes / 1024.0 / 1024.0:N0} MB in {segments} segments");
        return await QueryAsync(index, queries, broadQueries ?? [], queryRuns, (indexed, letters, indexSeconds, indexCpuSeconds, bytes, segments), cancellationToken);
    }

    private async Task<(int Indexed, int Letters, double Seconds, double CpuSeconds)> BuildAsync(LetterIndex index, IReadOnlyList<string> paragraphs, int passages, CancellationToken cancellationToken)
    {
        var corpus = new SyntheticCorpus(paragraphs);
        var ingestedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

        // Index with one producer per core; IndexWriter is thread-safe and gives each thread its own segment buffer.
        var writer = index.Writer;
        var cpuBefore = ProcessCpu();
        var stopwatch = Stopwatch.StartNew();
        var letters = 0;
        var indexed = 0;
        var lastReport = Stopwatch.StartNew();
        await Parallel.ForEachAsync(corpus.Letters(passages), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, (letter, _) =>
        {
            writer.AddDocuments(LetterDocuments.Create(letter, string.Empty, ingestedAt));
            Interlocked.Increment(ref letters);
            var total = Interlocked.Add(ref indexed, letter.Passages.Count);
            if (lastReport.ElapsedMilliseconds > 10_000)
            {
                lock (lastReport)
                {
                    if (lastReport.ElapsedMilliseconds > 10_000)
                    {
                        lastReport.Restart();
                        output.WriteLine($"  indexed {total:N0} passages ({total / stopwatch.Elapsed.TotalSeconds:N0}/s)");
                    }
                }
            }
            return ValueTask.CompletedTask;
        });
        await index.CommitAsync(cancellationToken);
        return (indexed, letters, stopwatch.Elapsed.TotalSeconds, (ProcessCpu() - cpuBefore).TotalSeconds);
    }

    private async Task<BenchmarkReport> QueryAsync(LetterIndex index, IReadOnlyList<string> queries, IReadOnlyList<string> broadQueries, int queryRuns,
        (int Indexed, int Letters, double Seconds, double CpuSeconds, long Bytes, int Segments) built, CancellationToken cancellationToken)
    {
        var (indexed, letters, indexSeconds, indexCpuSeconds, bytes, segments) = built;
        // Page size 10: the chat's first page of ranked passages.
        var search = new LetterSearch(index, parser: null, defaultPageSize: PageSize);
        var realisticBroad = RealisticBroadQueries;
        // Warm-up, one pass over every query: the figures are a running server's (JIT tiers settled, page cache
        // warm), not its first minute's.
        foreach (var q in queries.Concat(broadQueries).Concat(realisticBroad))
        {
            await search.SearchAsync(q, cancellationToken: cancellationToken);
        }

        // Single-threaded, each query's wall time and the CPU time the process spent on it. On a shared machine the
        // wall time includes waiting for a core; the CPU time is what the query costs on an idle one.
        var single = new List<double>(queryRuns);
        var singleCpu = new List<double>(queryRuns);
        var allocated = new List<double>(queryRuns);
        var gen0Before = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        for (var i = 0; i < queryRuns; i++)
        {
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = ProcessCpu();
            var start = Stopwatch.GetTimestamp();
            await search.SearchAsync(queries[i % queries.Count], cancellationToken: cancellationToken);
            single.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            singleCpu.Add((ProcessCpu() - cpu).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1024.0 / 1024.0);
        }
        var gen0Single = GC.CollectionCount(0) - gen0Before;
        var pauseSingle = GC.GetTotalPauseDuration() - pauseBefore;
        var runs = single.Select((ms, i) => (ms, query: queries[i % queries.Count])).ToList();
        var slowest = runs.OrderByDescending(x => x.ms).Take(8);
        var byMedian = runs.GroupBy(x => x.query)
            .Select(g => (query: g.Key, median: Percentile(g.Select(x => x.ms).ToList(), 50))).OrderByDescending(x => x.median).ToList();
        output.WriteLine($"Distinct queries with a median over 10 ms: {byMedian.Count(x => x.median > 10)} of {byMedian.Count}: "
            + string.Join("; ", byMedian.Take(15).Select(x => $"\"{x.query}\" {x.median:F1} ms")));
        output.WriteLine("Slowest single-thread queries: " + string.Join("; ", slowest.Select(x => $"\"{x.query}\" {x.ms:F1} ms")));
        output.WriteLine($"Single-thread: wall p50 {Percentile(single, 50):F2} ms, p99 {Percentile(single, 99):F2} ms; CPU p50 {Percentile(singleCpu, 50):F2} ms, p99 {Percentile(singleCpu, 99):F2} ms over {queryRuns} queries");
        var heaviest = allocated.Select((mb, i) => (mb, query: queries[i % queries.Count])).OrderByDescending(x => x.mb).DistinctBy(x => x.query).Take(5);
        output.WriteLine($"Allocated per single-thread query: p50 {Percentile(allocated, 50):F2} MB, p99 {Percentile(allocated, 99):F2} MB, mean {allocated.Average():F2} MB; {gen0Single} collections in {queryRuns} queries, pausing {pauseSingle.TotalMilliseconds:F0} ms in all ({pauseSingle.TotalMilliseconds / Math.Max(1, gen0Single):F2} ms each); most: "
            + string.Join("; ", heaviest.Select(x => $"\"{x.query}\" {x.mb:F1} MB")));

        var broad = new List<double>(broadQueries.Count * 3);
        for (var i = 0; i < broadQueries.Count * 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await search.SearchAsync(broadQueries[i % broadQueries.Count], cancellationToken: cancellationToken);
            broad.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        if (broad.Count > 0)
        {
            output.WriteLine($"Broad stress queries (most frequent words), single-thread: wall p50 {Percentile(broad, 50):F2} ms, p99 {Percentile(broad, 99):F2} ms over {broad.Count} queries");
        }

        // Broad, realistic queries: common single words and 2-3-word topics as MPs type them (many full matches).
        var realistic = new List<double>(realisticBroad.Count * 10);
        var realisticCpu = new List<double>(realisticBroad.Count * 10);
        for (var i = 0; i < realisticBroad.Count * 10; i++)
        {
            var cpu = ProcessCpu();
            var start = Stopwatch.GetTimestamp();
            await search.SearchAsync(realisticBroad[i % realisticBroad.Count], cancellationToken: cancellationToken);
            realistic.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            realisticCpu.Add((ProcessCpu() - cpu).TotalMilliseconds);
        }
        var slowestRealistic = realistic.Select((ms, i) => (ms, query: realisticBroad[i % realisticBroad.Count])).OrderByDescending(x => x.ms).Take(5);
        output.WriteLine("Slowest realistic broad queries: " + string.Join("; ", slowestRealistic.Select(x => $"\"{x.query}\" {x.ms:F1} ms")));
        output.WriteLine($"Realistic broad queries (common words and topics), single-thread, page size {PageSize}: wall p50 {Percentile(realistic, 50):F2} ms, p99 {Percentile(realistic, 99):F2} ms; CPU p50 {Percentile(realisticCpu, 50):F2} ms, p99 {Percentile(realisticCpu, 99):F2} ms over {realistic.Count} queries");

        var concurrent = new List<double>(queryRuns);
        var wall = Stopwatch.StartNew();
        var perWorker = queryRuns / 8;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>(perWorker);
            for (var i = 0; i < perWorker; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await search.SearchAsync(queries[(worker * 7919 + i) % queries.Count], cancellationToken: cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return latencies;
        }, cancellationToken)));
        foreach (var r in results)
        {
            concurrent.AddRange(r);
        }
        var qps = concurrent.Count / wall.Elapsed.TotalSeconds;
        output.WriteLine($"8 concurrent: p50 {Percentile(concurrent, 50):F2} ms, p99 {Percentile(concurrent, 99):F2} ms, {qps:N0} queries/s");

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var report = new BenchmarkReport(indexed, letters, indexSeconds, indexSeconds > 0 ? indexed / indexSeconds : 0, bytes, segments,
            indexCpuSeconds, Percentile(single, 50), Percentile(single, 99), Percentile(singleCpu, 50), Percentile(singleCpu, 99), Percentile(concurrent, 50), Percentile(concurrent, 99), qps,
            Percentile(broad, 50), Percentile(broad, 99), process.PeakWorkingSet64, GC.GetTotalMemory(false), GC.CollectionCount(2), index.PreloadedBytes)
        {
            RealisticBroadP50Ms = Percentile(realistic, 50),
            RealisticBroadP99Ms = Percentile(realistic, 99),
        };
        output.WriteLine($"Memory: peak working set {report.PeakWorkingSetBytes / 1024.0 / 1024.0:N0} MB, GC heap {report.GcHeapBytes / 1024.0 / 1024.0:N0} MB (of which postings and term dictionaries held in memory {report.PreloadedBytes / 1024.0 / 1024.0:N0} MB, stored fields {index.PreloadedStoredBytes / 1024.0 / 1024.0:N0} MB), gen2 collections {report.Gen2Collections}");
        return report;
    }

    /// <summary>Results per page in the benchmark: passages, as the chat's first page.</summary>
    public const int PageSize = 10;

    /// <summary>
    /// The broad realistic set: what MPs and staff type most, common single words and 2-3-word topics. Each matches
    /// a large part of the synthetic corpus with every word, so it measures ranking many full matches.
    /// </summary>
    public static IReadOnlyList<string> RealisticBroadQueries { get; } =
    [
        "Oekraïne", "steun", "defensie", "drones", "munitie", "NAVO", "sancties", "Rusland", "industrie", "Europese",
        "kabinet", "veiligheid", "investeringen", "samenwerking", "Oekraine", "steun Oekraïne", "Europese defensie",
        "defensie-industrie", "militaire steun Oekraïne", "sancties Rusland", "Europese defensie-industrie",
        "luchtverdediging Oekraïne", "drones munitie", "gezamenlijke aanschaf", "militaire mobiliteit",
        "Russische tegoeden", "vredesproces Oekraïne", "defensie uitgaven", "EU leningen", "NAVO capaciteiten",
    ];

    /// <summary>
    /// The search units of the seed letters (paragraphs, questions, answers; at most 1,500 characters), the
    /// paragraphs the synthetic corpus is made of.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<Letter> letters) =>
        // Paragraphs and answers a letter repeats count too (searched once in a letter, they are still its text); the list,
        // and so the corpus and the queries drawn from it, stays what it was before repeats were searched once.
        letters.SelectMany(SearchPassages.Split).Where(u => u.Searchable || u.Role is PassageRole.Paragraph or PassageRole.Answer).Select(u => u.Text).Where(t => t.Length >= 40).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The benchmark's main query mix, shaped like what MPs and staff type (1-3 specific keywords): the relevance
    /// set's queries plus one- to three-word combinations of <em>specific</em> seed words, those in at least two and
    /// at most 5% of the seed paragraphs ("instructeurs", "grondstoffen", "interoperabiliteit").
    /// </summary>
    public static IReadOnlyList<string> Queries(IEnumerable<string> judgedQueries, IReadOnlyList<string> paragraphs, int count = 400)
    {
        var frequencies = WordFrequencies(paragraphs);
        var ceiling = Math.Max(3, paragraphs.Count / 20);
        var specific = frequencies.Where(f => f.Paragraphs >= 2 && f.Paragraphs <= ceiling).Select(f => f.Word).ToList();
        return Combine(judgedQueries.ToList(), specific, count, seed: 42);
    }

    /// <summary>
    /// The stress mix: one- to three-word combinations of the 60 most frequent seed words ("europese", "kabinet",
    /// "samenwerking"). In a corpus made of a few hundred paragraphs repeated, each of these matches a large part of
    /// a million passages, and three of them rarely occur together, so most such queries fall back to any-word
    /// matching over most of the index: the worst case, reported apart from the main mix.
    /// </summary>
    public static IReadOnlyList<string> BroadQueries(IReadOnlyList<string> paragraphs, int count = 100) =>
        Combine([], WordFrequencies(paragraphs).Take(60).Select(f => f.Word).ToList(), count, seed: 7);

    private static List<(string Word, int Paragraphs)> WordFrequencies(IReadOnlyList<string> paragraphs) =>
        paragraphs
            .SelectMany(p => p.Split([' ', ',', '.', ';', ':', '(', ')', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 6 && w.All(char.IsLetter))
                .Select(w => w.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(f => f.Item2)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

    private static List<string> Combine(List<string> queries, List<string> words, int count, int seed)
    {
        var random = new Random(seed);
        while (queries.Count < count && words.Count > 0)
        {
            queries.Add(string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Count)])));
        }
        return queries;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Format(BenchmarkReport r) => string.Create(CultureInfo.InvariantCulture,
        $"passages={r.Passages} letters={r.Letters} index_s={r.IndexSeconds:F1} passages_per_s={r.PassagesPerSecond:F0} index_mb={r.IndexBytes / 1048576.0:F0} segments={r.Segments} index_cpu_s={r.IndexCpuSeconds:F1} single_p50_ms={r.SingleP50Ms:F2} single_p99_ms={r.SingleP99Ms:F2} single_cpu_p50_ms={r.SingleCpuP50Ms:F2} single_cpu_p99_ms={r.SingleCpuP99Ms:F2} conc8_p50_ms={r.ConcurrentP50Ms:F2} conc8_p99_ms={r.ConcurrentP99Ms:F2} conc8_qps={r.ConcurrentQueriesPerSecond:F0} broad_p50_ms={r.BroadP50Ms:F2} broad_p99_ms={r.BroadP99Ms:F2} realistic_broad_p50_ms={r.RealisticBroadP50Ms:F2} realistic_broad_p99_ms={r.RealisticBroadP99Ms:F2} peak_ws_mb={r.PeakWorkingSetBytes / 1048576.0:F0} gc_heap_mb={r.GcHeapBytes / 1048576.0:F0} preloaded_mb={r.PreloadedBytes / 1048576.0:F0}");
}
