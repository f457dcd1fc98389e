using Lucene.Net.Store;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// <see cref="NIOFSDirectory"/> that holds the term dictionaries and postings of the segments being searched in
/// memory: each such file is read once, whole, when a segment is opened for search (<see cref="HeapIndexInput"/>),
/// within a budget. Stored fields, by far the largest part of the index, stay on disk and are read only for the
/// answers shown.
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
/// </remarks>
internal sealed class PreloadingDirectory(DirectoryInfo path, long budgetBytes) : NIOFSDirectory(path)
{
    /// <summary>The default budget: ample for the postings of millions of passages, far below the memory target.</summary>
    public const long DefaultBudgetBytes = 768L * 1024 * 1024;

    /// <summary>Read buffer for postings read from disk (merges, over budget): they are read front to back.</summary>
    internal const int PostingsBufferSize = 32 * 1024;

    private long _preloadedBytes;

    /// <summary>Bytes of files currently held in memory.</summary>
    public long PreloadedBytes => Interlocked.Read(ref _preloadedBytes);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (!IsSearchedFile(name) || context.Context == IOContext.UsageContext.MERGE || input.Length > Array.MaxLength || !TryReserve(input.Length))
        {
            return WithPostingsBuffer(name, input);
        }
        var length = input.Length;
        try
        {
            using (input)
            {
                return HeapIndexInput.ReadFully($"HeapIndexInput(path=\"{System.IO.Path.Combine(Directory.FullName, name)}\")", input,
                    onDispose: () => Interlocked.Add(ref _preloadedBytes, -length));
            }
        }
        catch
        {
            Interlocked.Add(ref _preloadedBytes, -length);
            throw;
        }
    }

    private bool TryReserve(long length)
    {
        if (Interlocked.Add(ref _preloadedBytes, length) <= budgetBytes)
        {
            return true;
        }
        Interlocked.Add(ref _preloadedBytes, -length);
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

    private static bool IsPostings(string name) =>
        name.EndsWith(".doc", StringComparison.Ordinal) || name.EndsWith(".pos", StringComparison.Ordinal) || name.EndsWith(".pay", StringComparison.Ordinal);
}
