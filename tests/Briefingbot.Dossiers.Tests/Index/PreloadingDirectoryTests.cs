using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Search;
using Lucene.Net.Store;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>
/// Term dictionaries and postings held in memory must read exactly what the files hold, answer every search exactly
/// as reading from disk does, and keep to their budget, giving the memory back when segments are closed.
/// </summary>
public sealed class PreloadingDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bb-preload-" + Guid.NewGuid().ToString("N"));

    public PreloadingDirectoryTests() => System.IO.Directory.CreateDirectory(_folder);

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private static readonly int[] VInts = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, int.MaxValue, -1, int.MinValue];
    private static readonly long[] VLongs = [0, 1, 127, 128, 1L << 35, long.MaxValue];

    [Fact]
    public void The_heap_input_reads_every_encoding_exactly_as_the_file_input_does()
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(_folder));
        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            output.WriteBytes([1, 2, 3, 250, 255], 5);
            foreach (var v in VInts)
            {
                output.WriteVInt32(v);
            }
            foreach (var v in VLongs)
            {
                output.WriteVInt64(v);
            }
            output.WriteInt16(-12_345);
            output.WriteInt32(-987_654_321);
            output.WriteInt64(long.MinValue + 7);
            output.WriteString("Oekraïne – defensie-industrie");
            output.WriteVInt32(300); // a vInt in the file's last bytes: the careful path
        }

        using var file = directory.OpenInput("data.bin", IOContext.DEFAULT);
        using var heap = HeapIndexInput.ReadFully("heap", file);
        file.Seek(0);
        Assert.Equal(file.Length, heap.Length);
        foreach (var input in new IndexInput[] { file, heap })
        {
            var bytes = new byte[5];
            input.ReadBytes(bytes, 0, 5);
            Assert.Equal(new byte[] { 1, 2, 3, 250, 255 }, bytes);
            Assert.Equal(VInts, VInts.Select(_ => input.ReadVInt32()));
            Assert.Equal(VLongs, VLongs.Select(_ => input.ReadVInt64()));
            Assert.Equal(-12_345, input.ReadInt16());
            Assert.Equal(-987_654_321, input.ReadInt32());
            Assert.Equal(long.MinValue + 7, input.ReadInt64());
            Assert.Equal("Oekraïne – defensie-industrie", input.ReadString());
            Assert.Equal(300, input.ReadVInt32());
            Assert.Equal(input.Length, input.Position);
        }

        // Clones read on their own position; reads and seeks past the end fail like a file's.
        heap.Seek(3);
        var clone = (IndexInput)heap.Clone();
        Assert.Equal(250, clone.ReadByte());
        Assert.Equal(3, heap.Position);
        Assert.Equal(4, clone.Position);
        heap.Seek(heap.Length);
        Assert.Throws<EndOfStreamException>(() => heap.ReadByte());
        Assert.Throws<EndOfStreamException>(() => heap.ReadBytes(new byte[2], 0, 2));
        Assert.Throws<EndOfStreamException>(() => heap.Seek(heap.Length + 1));
    }

    [Fact]
    public void Disposing_the_original_releases_its_budget_once_and_clones_never_do()
    {
        var released = 0;
        var input = new HeapIndexInput("heap", new byte[16], () => released++);
        var clone = (IndexInput)input.Clone();
        clone.Dispose();
        Assert.Equal(0, released);
        input.Dispose();
        input.Dispose();
        Assert.Equal(1, released);
    }

    [Fact]
    public async Task Searches_answer_exactly_the_same_with_postings_in_memory_and_on_disk()
    {
        using var inMemory = new TestIndex(commitEvery: 2);
        using var onDisk = new TestIndex(commitEvery: 2, preloadBudgetBytes: 0, preloadStoredBudgetBytes: 0);
        foreach (var index in new[] { inMemory, onDisk })
        {
            index.CopySeeds();
            await index.IngestAsync();
        }
        Assert.True(inMemory.Index.PreloadedBytes > 0);
        Assert.True(inMemory.Index.PreloadedStoredBytes > 0);
        Assert.Equal(0, onDisk.Index.PreloadedBytes);
        Assert.Equal(0, onDisk.Index.PreloadedStoredBytes);

        // Words, a phrase, a prefix, a hyphenated word, a typo (fuzzy step) and words that never meet (any-word step).
        string[] queries = ["drones", "Oekraine munitie", "\"Europese Raad\"", "defensie*", "counter-drone", "dronnes", "begroting paraatheid zeewind", "NAVO"];
        foreach (var query in queries)
        {
            var expected = await onDisk.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
            var actual = await inMemory.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
            Assert.True(expected.Hits.Count > 0, $"'{query}' should find something");
            Assert.Equal(expected.TotalLetters, actual.TotalLetters);
            Assert.Equal(expected.Relaxation, actual.Relaxation);
            Assert.Equal(expected.Passages.Select(p => (p.Passage.Text, p.Start, p.End, p.Score)), actual.Passages.Select(p => (p.Passage.Text, p.Start, p.End, p.Score)));
            Assert.Equal(expected.Hits.Select(h => (h.LetterId, h.Title, h.Date, h.Summary)), actual.Hits.Select(h => (h.LetterId, h.Title, h.Date, h.Summary)));
            Assert.Equal(
                expected.Hits.Select(h => (h.LetterId, h.Score, h.BestPassage.Start, h.Snippet.Markdown)),
                actual.Hits.Select(h => (h.LetterId, h.Score, h.BestPassage.Start, h.Snippet.Markdown)));
        }
    }

    [Fact]
    public async Task Lucene_CheckIndex_reads_every_term_and_posting_of_a_real_index_through_the_memory_copies()
    {
        using var index = new TestIndex(commitEvery: 2);
        index.CopySeeds();
        await index.IngestAsync();

        // CheckIndex walks every term of every field and every posting (docs, frequencies, positions, skipping) and
        // cross-checks them: any decoding slip of the in-memory input fails it.
        using var directory = new PreloadingDirectory(new DirectoryInfo(Path.Combine(index.Root, "index")), long.MaxValue);
        var status = new Lucene.Net.Index.CheckIndex(directory).DoCheckIndex();
        Assert.True(status.Clean, "CheckIndex found problems");
        Assert.True(status.SegmentInfos.Count > 1, "the check should cover several segments");
        Assert.Equal(0, directory.PreloadedBytes); // every copy given back when the checker closed its readers
    }

    [Fact]
    public async Task Memory_held_is_that_of_the_live_segments_and_the_budgets_are_kept()
    {
        using var index = new TestIndex(commitEvery: 1);
        index.CopySeeds();
        await index.IngestAsync();
        var indexFolder = Path.Combine(index.Root, "index");

        // After merging to one segment and refreshing, what is held is exactly that segment's searched files:
        // the merged-away segments' copies were given back when their readers closed.
        index.Index.Writer.ForceMerge(1);
        await index.Index.CommitAsync();
        using (index.Index.Acquire())
        {
            Assert.Equal(SearchedFileBytes(indexFolder), index.Index.PreloadedBytes);
            Assert.Equal(StoredFieldBytes(indexFolder), index.Index.PreloadedStoredBytes);
        }

        // A budget smaller than any file: nothing held, every search still answers.
        using var tight = new TestIndex(commitEvery: 5, preloadBudgetBytes: 1);
        tight.CopySeeds();
        await tight.IngestAsync();
        Assert.Equal(0, tight.Index.PreloadedBytes);
        Assert.NotEmpty((await tight.Search.SearchAsync("drones")).Hits);

        // No room for stored fields (they have a budget of their own): the postings are held as before.
        using var noStored = new TestIndex(commitEvery: 5, preloadStoredBudgetBytes: 1);
        noStored.CopySeeds();
        await noStored.IngestAsync();
        Assert.NotEmpty((await noStored.Search.SearchAsync("drones")).Hits);
        Assert.Equal(0, noStored.Index.PreloadedStoredBytes);
        Assert.True(noStored.Index.PreloadedBytes > 0);
    }

    private static long StoredFieldBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles().Where(f => f.Extension == ".fdt").Sum(f => f.Length);

    private static long SearchedFileBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => f.Extension is ".doc" or ".pos" or ".pay" or ".tim")
            .Sum(f => f.Length);
}
