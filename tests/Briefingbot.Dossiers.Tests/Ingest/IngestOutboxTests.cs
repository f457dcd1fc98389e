using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Ingest;

/// <summary>
/// The ingest's notification outbox: what an observer failed to take (a store briefly down) or never heard of (a
/// crash between commit and notification) is told again at the next run — also after a restart — and then never again.
/// </summary>
public sealed class IngestOutboxTests : IDisposable
{
    private readonly TestIndex _index = new(commitEvery: 2);

    public void Dispose() => _index.Dispose();

    private LetterIngestor Ingestor(LetterIndex index, ILetterIngestObserver observer) =>
        new(index, _index.Parser, new FirstSentenceSummarizer(), new PhrasePromiseExtractor(), new NoMeetingExtractor(), [observer], _index.Time, commitEvery: 2);

    [Fact]
    public async Task A_letter_an_observer_failed_on_is_told_again_at_the_next_run_and_then_never_again()
    {
        _index.WriteLetter("a.txt", "Het kabinet zal de Kamer informeren over drones.");
        _index.WriteLetter("b.txt", "Een brief zonder toezegging.");
        _index.WriteLetter("c.txt", "Een derde brief.");
        var observer = new FlakyObserver { FailOnce = { "a", "c" } };
        var ingestor = Ingestor(_index.Index, observer);

        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal(["b"], observer.Ingested);

        // Nothing changed on disk: before, a and c were never told again (the hashes matched).
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal([("b", 0), ("a", 1), ("c", 0)], observer.IngestedWithPromises);

        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal(["b", "a", "c"], observer.Ingested);
    }

    [Fact]
    public async Task Pending_notifications_survive_a_restart_and_are_replayed_in_their_order_from_the_index()
    {
        for (var i = 0; i < 5; i++)
        {
            _index.WriteLetter($"l{i}.txt", $"Brief {i}: de minister zal de Kamer informeren over munitie.");
        }
        var down = new FlakyObserver { FailAlways = true };
        await Ingestor(_index.Index, down).IngestDirectoryAsync(_index.Corpus);
        Assert.Empty(down.Ingested);
        // "Restart": the index is closed and opened again by a new ingestor with a working observer.
        _index.Index.Dispose();
        using var reopened = new LetterIndex(Path.Combine(_index.Root, "index"));
        var up = new FlakyObserver();

        var run = await Ingestor(reopened, up).IngestDirectoryAsync(_index.Corpus);

        Assert.Equal(5, run.Unchanged);
        Assert.Equal(["l0", "l1", "l2", "l3", "l4"], up.Ingested);
        // Parsed again from the text the index holds: the extractions are those of the letter.
        Assert.All(up.IngestedWithPromises, x => Assert.Equal(1, x.Promises));
        Assert.All(up.Letters, l => Assert.Equal(LetterIngestor.Sha256Hex(l.RawText), l.ContentHash));
    }

    [Fact]
    public async Task A_removal_an_observer_missed_is_replayed_as_a_removal_and_versions_are_told_in_order()
    {
        _index.WriteLetter("a.txt", "Eerste versie.");
        _index.WriteLetter("b.txt", "Blijft.");
        var observer = new FlakyObserver();
        var ingestor = Ingestor(_index.Index, observer);
        await ingestor.IngestDirectoryAsync(_index.Corpus);

        File.Delete(Path.Combine(_index.Corpus, "a.txt"));
        observer.FailOnce.Add("-a");
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Empty(observer.Removed);
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal(["a"], observer.Removed);

        // A changed letter whose notification failed is told before the next version, as a clean run would have.
        _index.WriteLetter("b.txt", "Tweede versie.");
        observer.FailOnce.Add("b");
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        _index.WriteLetter("b.txt", "Derde versie.");
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal(["Blijft.", "Tweede versie.", "Derde versie."], observer.Letters.Where(l => l.Id == "b").Select(l => l.RawText.Trim()));
        await ingestor.IngestDirectoryAsync(_index.Corpus);
        Assert.Equal(3, observer.Letters.Count(l => l.Id == "b"));
    }

    /// <summary>Fails on the letter ids in <see cref="FailOnce"/> (removals as "-id") the first time, or always.</summary>
    private sealed class FlakyObserver : ILetterIngestObserver
    {
        public HashSet<string> FailOnce { get; } = new(StringComparer.Ordinal);
        public bool FailAlways { get; init; }
        public List<Letter> Letters { get; } = [];
        public List<(string LetterId, int Promises)> IngestedWithPromises { get; } = [];
        public List<string> Ingested => IngestedWithPromises.Select(x => x.LetterId).ToList();
        public List<string> Removed { get; } = [];

        public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken)
        {
            if (FailAlways || FailOnce.Remove(letter.Id))
            {
                throw new IOException("store briefly unavailable");
            }
            Letters.Add(letter);
            IngestedWithPromises.Add((letter.Id, promises.Count));
            return Task.CompletedTask;
        }

        public Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken)
        {
            if (FailAlways || FailOnce.Remove("-" + letterId))
            {
                throw new IOException("store briefly unavailable");
            }
            Removed.Add(letterId);
            return Task.CompletedTask;
        }
    }
}
