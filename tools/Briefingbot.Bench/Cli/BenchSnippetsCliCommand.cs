using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Kernel.Cli;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-snippets [--corpus DIR] [--iterations N] [--page N]</c>: the snippet-window spike of issue 17 item 6. Indexes
/// the corpus (default: the seeds), runs every query of the eval sets (tests/data/relevance/passages.json and
/// queries.json), and cuts the shown window of each passage on the first page twice: with <see cref="SnippetBuilder"/>
/// (the custom code) and with Lucene.Net.Highlighter (<see cref="Highlighter"/> + <see cref="QueryScorer"/> +
/// <see cref="SimpleSpanFragmenter"/>, one best fragment per raw-contiguous piece of the passage, the same terms and
/// prefixes as the custom code marks). Reports per window size (600: passage hits; 300: letter hits) the time per snippet
/// and the quality: the <c>search --json</c> offset contract (the raw <c>[start, end)</c> is the shown window), windows
/// over the size, whether the window holds every sought word the passage holds, and how much of the judged answer
/// (grade 2) inside the passage the window shows.
/// </summary>
internal sealed class BenchSnippetsCliCommand(IServiceProvider services) : ICliCommand
{
    private sealed record Case(string Query, string SourceFile, string Raw, Passage Passage, LetterQueryBuilder.Highlights Highlights, Query LuceneQuery, PassageQuery? Judged);

    private sealed record Window(int Start, int End, int RawStart, int RawEnd);

    private sealed class Tally(string name)
    {
        public string Name { get; } = name;
        public List<double> Micros { get; } = [];
        public TimeSpan Cpu { get; set; }
        public int Runs { get; set; }
        public bool Timed { get; init; } = true;
        public int Windowed { get; set; }
        public int ContractOk { get; set; }
        public int OverLength { get; set; }
        public long WindowChars { get; set; }
        public int AllWords { get; set; }
        public double WordShare { get; set; }
        public int JudgedCases { get; set; }
        public double JudgedShare { get; set; }
    }

    public Command CreateCommand()
    {
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters to index (default: the configured corpus, the seeds)");
        var iterationsOption = CliOptions.Int("--iterations", 20, "Timed repetitions of every snippet");
        var pageOption = CliOptions.Int("--page", 10, "Passages per query (the first page)", max: 50);
        var command = new Command("bench-snippets", "Snippet windows: the custom SnippetBuilder against Lucene.Net.Highlighter (speed, quality, offset contract)")
        {
            corpusOption, iterationsOption, pageOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(corpusOption)?.FullName ?? services.GetRequiredService<DossiersPaths>().CorpusPath,
            parse.GetValue(iterationsOption), parse.GetValue(pageOption), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string corpus, int iterations, int pageSize, TextWriter output, CancellationToken cancellationToken)
    {
        var relevance = FindRelevanceFolder();
        if (relevance is null)
        {
            await output.WriteLineAsync("tests/data/relevance not found above the current folder.");
            return 1;
        }
        var judged = PassageRelevanceSet.Load(Path.Combine(relevance, "passages.json"), corpus).Queries;
        var seedQueries = RelevanceSet.Load(Path.Combine(relevance, "queries.json")).Queries.Select(q => q.Query);
        var queries = judged.Select(q => (q.Query, (PassageQuery?)q))
            .Concat(seedQueries.Select(q => (q, (PassageQuery?)null)))
            .DistinctBy(q => q.Item1, StringComparer.Ordinal)
            .ToList();

        var temp = Path.Combine(Path.GetTempPath(), "briefingbot-snippets-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new LetterIndex(temp);
            var parser = services.GetRequiredService<ILetterParser>();
            var ingestor = new LetterIngestor(index, parser, services.GetRequiredService<ILetterSummarizer>(), new NoPromises(), new NoMeetings(), [], TimeProvider.System);
            await ingestor.IngestDirectoryAsync(corpus, cancellationToken: cancellationToken);
            var search = new LetterSearch(index, parser);
            var raws = new Dictionary<string, string>(StringComparer.Ordinal);
            var cases = new List<Case>();
            foreach (var (query, judgedQuery) in queries)
            {
                var node = UserQueryParser.Parse(query);
                var highlights = new LetterQueryBuilder.Highlights();
                if (node is null || new LetterQueryBuilder(index.Analyzer).Build(node, MatchMode.AllTerms, highlights) is null || highlights.IsEmpty)
                {
                    continue;
                }
                var luceneQuery = new BooleanQuery();
                foreach (var term in highlights.Terms)
                {
                    luceneQuery.Add(new TermQuery(new Term(IndexFields.Text, term)), Occur.SHOULD);
                }
                foreach (var prefix in highlights.Prefixes)
                {
                    luceneQuery.Add(new PrefixQuery(new Term(IndexFields.Text, prefix)), Occur.SHOULD);
                }
                foreach (var hit in search.Search(query, new SearchFilters { PageSize = pageSize }, 0, cancellationToken).Hits)
                {
                    if (!raws.TryGetValue(hit.SourceFile, out var raw))
                    {
                        raw = CorpusFileReader.TryRead(Path.Combine(corpus, hit.SourceFile), out _) ?? string.Empty;
                        raws[hit.SourceFile] = raw;
                    }
                    cases.AddRange(hit.Passages.Select(p => new Case(query, hit.SourceFile, raw, p.Passage, highlights, luceneQuery, judgedQuery)));
                }
            }
            await output.WriteLineAsync($"bench-snippets: {queries.Count} queries ({judged.Count} judged), {cases.Count} passages on their first pages (page size {pageSize}), " +
                $"{cases.Count(c => c.Passage.Text.Length > SnippetBuilder.PassageWindowChars)} longer than {SnippetBuilder.PassageWindowChars} and " +
                $"{cases.Count(c => c.Passage.Text.Length > SnippetBuilder.WindowChars)} longer than {SnippetBuilder.WindowChars} characters; {iterations} runs per snippet, {Environment.ProcessorCount} cores");

            // JIT and caches warm before anything is timed.
            foreach (var c in cases.Take(100))
            {
                var segments = RawAlignment.Segments(RawAlignment.Map(c.Passage.Text, c.Raw, c.Passage.Start, c.Passage.End), c.Passage.Text, c.Raw);
                SnippetBuilder.Build(index.Analyzer, index.WholeWordAnalyzer, c.Passage.Text, c.Highlights, SnippetBuilder.WindowChars, segments);
                LuceneWindow(index.Analyzer, c.Passage.Text, c.LuceneQuery, SnippetBuilder.WindowChars, segments);
            }
            foreach (var windowChars in new[] { SnippetBuilder.PassageWindowChars, SnippetBuilder.WindowChars })
            {
                var custom = new Tally("custom SnippetBuilder");
                var lucene = new Tally("Lucene.Net.Highlighter");
                // The custom window given the length of the highlighter's window for the same passage: quality at equal length.
                var sameLength = new Tally("custom, Lucene's length") { Timed = false };
                foreach (var c in cases)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var map = RawAlignment.Map(c.Passage.Text, c.Raw, c.Passage.Start, c.Passage.End);
                    var segments = RawAlignment.Segments(map, c.Passage.Text, c.Raw);
                    Measure(custom, index.Analyzer, c, map, windowChars, iterations, () =>
                    {
                        var s = SnippetBuilder.Build(index.Analyzer, index.WholeWordAnalyzer, c.Passage.Text, c.Highlights, windowChars, segments);
                        return (s.WindowStart, s.WindowEnd);
                    });
                    var (ls, le) = Measure(lucene, index.Analyzer, c, map, windowChars, iterations, () => LuceneWindow(index.Analyzer, c.Passage.Text, c.LuceneQuery, windowChars, segments));
                    Measure(sameLength, index.Analyzer, c, map, windowChars, 1, () =>
                    {
                        var s = SnippetBuilder.Build(index.Analyzer, index.WholeWordAnalyzer, c.Passage.Text, c.Highlights, Math.Max(le - ls, 1), segments);
                        return (s.WindowStart, s.WindowEnd);
                    });
                }
                await output.WriteLineAsync();
                await output.WriteLineAsync($"Window {windowChars} characters:");
                await output.WriteLineAsync("  system                  µs/snippet: wall mean    p50     p99  CPU mean  windowed  contract  over-size  mean-length  all-words  words-shown  judged-shown (n)");
                foreach (var t in new[] { custom, lucene, sameLength })
                {
                    var sorted = t.Micros.Order().ToList();
                    var time = t.Timed
                        ? string.Create(CultureInfo.InvariantCulture, $"{sorted.Average(),14:F1} {Percentile(sorted, 0.5),7:F1} {Percentile(sorted, 0.99),7:F1} {t.Cpu.TotalMicroseconds / Math.Max(1, t.Runs),9:F1}")
                        : $"{"(not timed)",14} {"",7} {"",7} {"",9}";
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {t.Name,-24} {time} {t.Windowed,9} {t.ContractOk,9} {t.OverLength,10} {(double)t.WindowChars / Math.Max(1, t.Windowed),12:F0} {Share(t.AllWords, t.Windowed),10:P1} {t.WordShare / Math.Max(1, t.Windowed),12:P1} {t.JudgedShare / Math.Max(1, t.JudgedCases),12:P1} ({t.JudgedCases})"));
                }
            }
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
                // Left to the temp folder's clean-up.
            }
        }
    }

    /// <summary>Times <paramref name="cut"/> and scores its window (only passages longer than the window have a choice to make).</summary>
    private static (int Start, int End) Measure(Tally tally, Analyzer analyzer, Case c, int[]? map, int windowChars, int iterations, Func<(int Start, int End)> cut)
    {
        var (start, end) = cut(); // warm-up, and the window that is scored
        // Wall time per snippet, and process CPU time (what it costs on an idle core: this machine is shared).
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            cut();
        }
        tally.Micros.Add(clock.Elapsed.TotalMicroseconds / iterations);
        tally.Cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        tally.Runs += iterations;
        var text = c.Passage.Text;
        if (text.Length <= windowChars)
        {
            return (start, end);
        }
        tally.Windowed++;
        var (rawStart, rawEnd) = start == 0 && end >= text.Length ? (c.Passage.Start, c.Passage.End) : RawAlignment.Range(map, start, end, c.Passage.Start, c.Passage.End);
        if (Normalize(text[start..end]) == Normalize(Clean(c.Raw[rawStart..rawEnd])))
        {
            tally.ContractOk++;
        }
        tally.WindowChars += end - start;
        if (end - start > windowChars)
        {
            tally.OverLength++;
        }
        // Sought words (analysed terms) the passage holds, and how many of them the window shows.
        var tokens = TokenAnalysis.Analyze(analyzer, IndexFields.Text, text)
            .Where(t => c.Highlights.Terms.Contains(t.Term) || c.Highlights.Prefixes.Any(p => t.Term.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        var inPassage = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var inWindow = tokens.Where(t => t.Start >= start && t.End <= end).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        tally.AllWords += inWindow.Count == inPassage.Count ? 1 : 0;
        tally.WordShare += inPassage.Count == 0 ? 1 : (double)inWindow.Count / inPassage.Count;
        // The judged answer (grade 2) as far as it lies in this passage: the share of it the window shows.
        foreach (var unit in c.Judged?.Judged.Where(u => u.Grade == 2 && u.Overlaps(c.SourceFile, c.Passage.Start, c.Passage.End)) ?? [])
        {
            var inside = Math.Min(unit.End, c.Passage.End) - Math.Max(unit.Start, c.Passage.Start);
            var shown = Math.Max(0, Math.Min(unit.End, rawEnd) - Math.Max(unit.Start, rawStart));
            tally.JudgedCases++;
            tally.JudgedShare += Math.Min(1.0, (double)shown / Math.Max(1, inside));
        }
        return (start, end);
    }

    /// <summary>
    /// The window as Lucene.Net.Highlighter cuts it: the best-scoring fragment of the raw-contiguous piece with the best
    /// fragment. <see cref="TextFragment"/> keeps its offsets internal (and they count in the marked-up text), so a
    /// formatter writes each token's source offset into the markup and the fragment's source range is read back from it.
    /// </summary>
    private static (int Start, int End) LuceneWindow(Analyzer analyzer, string text, Query query, int windowChars, IReadOnlyList<(int Start, int End)> segments)
    {
        (int Start, int End, float Score) best = (0, Math.Min(text.Length, windowChars), -1);
        foreach (var segment in segments)
        {
            var piece = text[segment.Start..segment.End];
            var scorer = new QueryScorer(query, IndexFields.Text);
            var highlighter = new Highlighter(new OffsetFormatter(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, windowChars),
                MaxDocCharsToAnalyze = int.MaxValue,
            };
            using var tokens = analyzer.GetTokenStream(IndexFields.Text, piece);
            var fragment = highlighter.GetBestTextFragments(tokens, piece, false, 1).FirstOrDefault(f => f is not null);
            if (fragment is null || fragment.Score <= best.Score)
            {
                continue;
            }
            var (start, end) = OffsetFormatter.SourceRange(fragment.ToString(), piece);
            best = (segment.Start + start, segment.Start + end, fragment.Score);
        }
        return (best.Start, best.End);
    }

    /// <summary>Writes every token as <c>\u0001offset\u0002token</c>, so a fragment's markup tells where it came from.</summary>
    private sealed class OffsetFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            "\u0001" + tokenGroup.StartOffset.ToString(CultureInfo.InvariantCulture) + "\u0002" + originalText;

        public static (int Start, int End) SourceRange(string markedUp, string source)
        {
            var plain = new StringBuilder(markedUp.Length);
            var start = -1;
            for (var i = 0; i < markedUp.Length; i++)
            {
                if (markedUp[i] == '\u0001')
                {
                    var close = markedUp.IndexOf('\u0002', i);
                    if (start < 0)
                    {
                        start = int.Parse(markedUp.AsSpan(i + 1, close - i - 1), CultureInfo.InvariantCulture) - plain.Length;
                    }
                    i = close;
                    continue;
                }
                plain.Append(markedUp[i]);
            }
            start = Math.Max(0, start);
            var end = Math.Min(source.Length, start + plain.Length);
            return string.CompareOrdinal(source, start, plain.ToString(), 0, plain.Length) == 0
                ? (start, end)
                : throw new InvalidOperationException("A highlighter fragment does not map back to its source text.");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The raw text cleaned line by line as the parser cleans it (markup and footnote markers out).</summary>
    private static string Clean(string raw) => string.Join('\n', raw.Split('\n').Select(line => TextCleaner.CleanLine(line, markdown: true)));

    /// <summary>Without whitespace: line breaks and hyphenated line ends are unwrapped in the clean text.</summary>
    private static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string? FindRelevanceFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "relevance");
            if (File.Exists(Path.Combine(candidate, "passages.json")))
            {
                return candidate;
            }
        }
        return null;
    }

    // The bench tells no observers, so the extractors are never asked.
    private sealed class NoPromises : IPromiseExtractor
    {
        public IReadOnlyList<ExtractedPromise> Extract(Letter letter) => [];
    }

    private sealed class NoMeetings : IMeetingExtractor
    {
        public IReadOnlyList<ExtractedMeeting> Extract(Letter letter) => [];
    }
}
