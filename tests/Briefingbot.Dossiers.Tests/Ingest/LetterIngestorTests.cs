using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Ingest;

public sealed class LetterIngestorTests : IDisposable
{
    private readonly TestIndex _index = new(commitEvery: 2);

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Ingest_is_incremental_by_content_hash()
    {
        _index.WriteLetter("a.txt", "Eerste brief over drones.");
        _index.WriteLetter("b.txt", "Tweede brief over munitie.");
        _index.WriteLetter("c.txt", "Derde brief over Oekraïne.");
        var first = await _index.IngestAsync();
        Assert.Equal(new IngestProgress(3, 3, 3, 0, 0, 0, 0), first);

        var again = await _index.IngestAsync();
        Assert.Equal(new IngestProgress(3, 3, 0, 0, 0, 3, 0), again);

        _index.WriteLetter("b.txt", "Tweede brief, nu over fregatten.");
        File.Delete(Path.Combine(_index.Corpus, "c.txt"));
        _index.WriteLetter("d.txt", "Vierde brief over luchtverdediging.");
        var third = await _index.IngestAsync();
        Assert.Equal(new IngestProgress(3, 3, 1, 1, 1, 1, 0), third);

        Assert.Empty((await _index.Search.SearchAsync("munitie")).Hits);
        Assert.Equal("b", Assert.Single((await _index.Search.SearchAsync("fregat")).Hits).LetterId);
        Assert.Empty((await _index.Search.SearchAsync("Oekraïne")).Hits);
        Assert.Equal(["a", "b", "d"], (await _index.Search.ListLettersAsync()).Select(l => l.Id));
        Assert.Equal(["c"], _index.Observer.Removed);
    }

    [Fact]
    public async Task Broken_files_are_skipped_and_the_rest_is_ingested()
    {
        _index.WriteLetter("a.txt", "Een brief over drones.");
        File.WriteAllBytes(Path.Combine(_index.Corpus, "junk.bin"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0x89, 0x50]);
        File.WriteAllBytes(Path.Combine(_index.Corpus, "empty.txt"), []);
        _index.WriteLetter("z.txt", "Nog een brief over drones.");

        var result = await _index.IngestAsync();

        Assert.Equal(2, result.Added);
        Assert.Equal(2, result.Failed);
        Assert.Equal(2, (await _index.Search.SearchAsync("drones")).TotalLetters);
    }

    [Fact]
    public async Task A_letter_that_becomes_unreadable_keeps_its_last_good_version()
    {
        _index.WriteLetter("a.txt", "Een brief over drones.");
        await _index.IngestAsync();
        File.WriteAllBytes(Path.Combine(_index.Corpus, "a.txt"), [0x00, 0x00, 0xFF]);

        var result = await _index.IngestAsync();

        Assert.Equal(1, result.Failed);
        Assert.Equal(0, result.Removed);
        Assert.Single((await _index.Search.SearchAsync("drones")).Hits);
    }

    [Fact]
    public async Task Observers_hear_about_letters_after_their_commit_with_the_extracted_promises()
    {
        _index.WriteLetter("a.txt", "Het kabinet zal de Kamer informeren over drones.");
        _index.WriteLetter("b.txt", "Een brief zonder toezegging.");
        _index.WriteLetter("c.txt", "Ook hier: de minister zal de Kamer informeren.");

        await _index.IngestAsync();

        // commitEvery = 2: a and b are told after the first commit (2 letters on disk), c after the last (3).
        Assert.Equal([("a", 1, 2), ("b", 0, 2), ("c", 1, 3)], _index.Observer.Ingested);
    }

    [Fact]
    public async Task Progress_is_reported_per_letter()
    {
        for (var i = 0; i < 5; i++)
        {
            _index.WriteLetter($"l{i}.txt", $"Brief {i} over drones.");
        }
        var reports = new List<IngestProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await _index.Ingestor.IngestDirectoryAsync(_index.Corpus, progress);

        Assert.Equal([1, 2, 3, 4, 5, 5], reports.Select(r => r.Processed));
        Assert.All(reports, r => Assert.Equal(5, r.Total));
    }

    [Fact]
    public async Task A_missing_corpus_folder_ingests_nothing()
    {
        var result = await _index.Ingestor.IngestDirectoryAsync(Path.Combine(_index.Root, "nope"));
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Letters_from_a_store_can_be_ingested_without_files()
    {
        var result = await _index.Ingestor.IngestAsync([new LetterSource("x.txt", "Een brief over munitie.")], removeOthers: false);
        Assert.Equal(1, result.Added);
        Assert.Equal("x", Assert.Single((await _index.Search.SearchAsync("munitie")).Hits).LetterId);
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
