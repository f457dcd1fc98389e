using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>A real Lucene index in a temporary folder, with the ingestor and search over it.</summary>
internal sealed class TestIndex : IDisposable
{
    public TestIndex(int commitEvery = 50, int pageSize = 3, ILetterParser? parser = null, ILetterSummarizer? summarizer = null, long? preloadBudgetBytes = null, long? preloadStoredBudgetBytes = null)
    {
        Parser = parser ?? new StandInLetterParser();
        Root = Path.Combine(Path.GetTempPath(), "bb-search-" + Guid.NewGuid().ToString("N"));
        Corpus = Path.Combine(Root, "corpus");
        Directory.CreateDirectory(Corpus);
        Index = new LetterIndex(Path.Combine(Root, "index"), preloadBudgetBytes: preloadBudgetBytes, preloadStoredBudgetBytes: preloadStoredBudgetBytes);
        Observer = new RecordingObserver(() => CommittedLetterCount());
        Ingestor = new LetterIngestor(Index, Parser, summarizer ?? new FirstSentenceSummarizer(), new PhrasePromiseExtractor(), new NoMeetingExtractor(), [Observer], Time, commitEvery);
        Search = new LetterSearch(Index, Parser, pageSize, SearchLog);
    }

    public string Root { get; }
    public string Corpus { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    public ILetterParser Parser { get; }
    public ListLogger<LetterSearch> SearchLog { get; } = new();
    public LetterIndex Index { get; }
    public RecordingObserver Observer { get; }
    public LetterIngestor Ingestor { get; }
    public LetterSearch Search { get; }

    public void WriteLetter(string fileName, string text) => File.WriteAllText(Path.Combine(Corpus, fileName), text);

    public void CopySeeds()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Seeds))
        {
            File.Copy(file, Path.Combine(Corpus, Path.GetFileName(file)));
        }
    }

    public Task<Briefingbot.Dossiers.Ingest.IngestProgress> IngestAsync() => Ingestor.IngestDirectoryAsync(Corpus);

    /// <summary>The seed letters indexed, and a searcher over them.</summary>
    public async Task<SearcherLease> SeedsAsync()
    {
        CopySeeds();
        await IngestAsync();
        return Index.Acquire();
    }

    /// <summary>Every passage a query matches with its score, by document number.</summary>
    public static List<(int Doc, float Score)> ScoresOf(Lucene.Net.Search.IndexSearcher searcher, Lucene.Net.Search.Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc).ToList();

    /// <summary>Letters in the last commit on disk (what a restart would see).</summary>
    public int CommittedLetterCount()
    {
        using var directory = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(Path.Combine(Root, "index")));
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        return searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("kind", "letter")), 1).TotalHits;
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect other tests.
        }
    }
}

internal static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to Briefingbot.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Relevance => Path.Combine(Root, "tests", "data", "relevance");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Briefingbot.sln not found above " + AppContext.BaseDirectory);
    }
}
