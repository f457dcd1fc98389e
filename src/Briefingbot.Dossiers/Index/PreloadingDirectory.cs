using Lucene.Net.Store;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// <see cref="NIOFSDirectory"/> that holds the term dictionaries and postings of the segments being searched in
/// memory: each such file is read once, whole, when a segment is opened for search (<see cref="HeapIndexInput"/>),
/// within a budget. The stored fields (the text of the answers shown, by far the largest part of the index) are held
/// too, within a budget of their own, so they never take the postings' place; beyond it they are read from disk.
/// </summary>
/// <remarks>
/// Why: every query walks the postings of its words through many short-lived enumerations. Read through NIOFS each
/// enumeration allocated its own read buffer and refilled it with locked file reads; at a million passages that
/// was megabytes of garbage per query (frequent collections) plus system calls, and a page cache the machine may
/// evict (this VM does) sent some of those reads to disk. In memory, a million passages' postings and term
/// dictionaries are about 170 MB, and the single-thread p99 fell from 22 ms to 11 ms (bench-search, docs/search.md).
/// This is what Elasticsearch's <c>index.store.preload</c> does, without memory mapping (see
/// <see cref="LetterIndex"/> for why not MMapDirectory). Segment files never change once written, so the copy stays
/// exact for the reader's life. Merges read from disk (they read each file once, front to back) with larger buffers,
/// as do files beyond the budget.
/// Stored fields: every answer page reads ten passages and their letters, each a locked file read and, when this VM
/// has evicted the page, a disk read. Held in memory (about 250 MB at a million passages) bench-search's
/// single-thread p50 fell from 3.4-3.8 to 2.3-2.9 ms and p99 from 17-21 to 14-17 ms (docs/search.md).
/// </remarks>
internal sealed class PreloadingDirectory(DirectoryInfo path, long budgetBytes, long storedBudgetBytes = 0) : NIOFSDirectory(path)
{
    /// <summary>The default budget: ample for the postings of millions of passages, far below the memory target.</summary>
    public const long DefaultBudgetBytes = 768L * 1024 * 1024;

    /// <summary>
    /// The default budget for stored fields: about three million passages' worth, or a million and a half with room
    /// for a merged segment that opens while the segments it replaces are still held (a refresh holds both for a
    /// moment; a file that does not fit then stays on disk for the life of its segment).
    /// </summary>
    public const long DefaultStoredBudgetBytes = 768L * 1024 * 1024;

    /// <summary>Read buffer for postings read from disk (merges, over budget): they are read front to back.</summary>
    internal const int PostingsBufferSize = 32 * 1024;

    private long _preloadedBytes;
    private long _preloadedStoredBytes;

    /// <summary>Bytes of term dictionaries and postings currently held in memory.</summary>
    public long PreloadedBytes => Interlocked.Read(ref _preloadedBytes);

    /// <summary>Bytes of stored fields currently held in memory.</summary>
    public long PreloadedStoredBytes => Interlocked.Read(ref _preloadedStoredBytes);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        var stored = IsStoredFields(name);
        if (!(IsSearchedFile(name) || stored) || context.Context == IOContext.UsageContext.MERGE || input.Length > Array.MaxLength
            || !TryReserve(ref Held(stored), stored ? storedBudgetBytes : budgetBytes, input.Length))
        {
            return WithPostingsBuffer(name, input);
        }
        var length = input.Length;
        try
        {
            using (input)
            {
                return HeapIndexInput.ReadFully($"HeapIndexInput(path=\"{System.IO.Path.Combine(Directory.FullName, name)}\")", input,
                    onDispose: () => Interlocked.Add(ref Held(stored), -length));
            }
        }
        catch
        {
            Interlocked.Add(ref Held(stored), -length);
            throw;
        }
    }

    /// <summary>The counter of held bytes for stored fields or for postings and term dictionaries.</summary>
    private ref long Held(bool stored) => ref stored ? ref _preloadedStoredBytes : ref _preloadedBytes;

    private static bool TryReserve(ref long held, long budget, long length)
    {
        if (Interlocked.Add(ref held, length) <= budget)
        {
            return true;
        }
        Interlocked.Add(ref held, -length);
        return false;
    }

    private static IndexInput WithPostingsBuffer(string name, IndexInput input)
    {
        if (input is BufferedIndexInput buffered && IsPostings(name))
        {
            buffered.SetBufferSize(PostingsBufferSize);
        }
        return input;
    }

    /// <summary>
    /// Term dictionary blocks (<c>.tim</c>) and postings: what every query reads. (The terms index, <c>.tip</c>, is
    /// loaded into memory by Lucene itself; norms and doc values too.)
    /// </summary>
    private static bool IsSearchedFile(string name) => IsPostings(name) || name.EndsWith(".tim", StringComparison.Ordinal);

    /// <summary>Stored field data (<c>.fdt</c>); its index, <c>.fdx</c>, Lucene loads into memory itself.</summary>
    private static bool IsStoredFields(string name) => name.EndsWith(".fdt", StringComparison.Ordinal);

    private static bool IsPostings(string name) =>
        name.EndsWith(".doc", StringComparison.Ordinal) || name.EndsWith(".pos", StringComparison.Ordinal) || name.EndsWith(".pay", StringComparison.Ordinal);
}
