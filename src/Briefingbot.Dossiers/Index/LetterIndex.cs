using Briefingbot.Dossiers.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// Owns the on-disk Lucene index for the life of the process: the directory, the single <see cref="IndexWriter"/>
/// and a <see cref="SearcherManager"/>. Lucene allows exactly one writer per index, and opening readers is costly,
/// so both live here (a DI singleton) and everybody else borrows: searches <see cref="Acquire"/> a searcher and
/// dispose the lease; the ingestor writes through <see cref="Writer"/> and calls <see cref="CommitAsync"/>.
/// </summary>
/// <remarks>
/// Directory choice: <see cref="NIOFSDirectory"/>, explicitly, instead of <c>FSDirectory.Open</c> (which picks
/// <see cref="MMapDirectory"/> on 64-bit Linux). In Lucene.NET 4.8 MMapDirectory has crashed searches under
/// concurrent load (apache/lucenenet#1013: an access violation in UnmanagedMemoryAccessor, the maintainers'
/// workaround is SimpleFS/NIOFS) and is 16x slower than SimpleFS/NIOFS under parallel search on Linux
/// (apache/lucenenet#1151). NIOFS uses positional reads, so concurrent chat searches do not serialise on one file
/// pointer as SimpleFS's synchronised reads do, and the OS page cache does the caching mmap would have done.
/// Two measures keep NIOFS fast at a million passages: the term dictionaries and postings of searched segments are
/// held in memory (<see cref="PreloadingDirectory"/>, read once through NIOFS) and so are per-segment letter tables
/// (<c>SegmentLetters</c>).
/// <para>
/// Crash safety comes from Lucene's commit protocol: a commit writes new segment files and then a new
/// <c>segments_N</c>; a process killed mid-ingest leaves the previous <c>segments_N</c> as the index's state, and
/// the unreferenced files are removed when the writer opens again.
/// </para>
/// <para>
/// One process per index: Lucene.NET's native lock did not keep a second process out on Linux (the `search` command
/// line ran its own ingest next to a running bot, and the two writers left a <c>segments.gen</c> naming a
/// <c>segments_N</c> that no longer existed: the bot could not start). The index folder's <see cref="ProcessLockFile"/>
/// is held open exclusively (an advisory lock on Linux, dropped with the process), and a second process is refused
/// with <see cref="IndexInUseException"/>. An index that cannot be read at all is moved aside and rebuilt: it only
/// derives from the corpus and the letter store, which the ingest and the store follower feed again from the start.
/// </para>
/// </remarks>
public sealed class LetterIndex : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Lazy<(LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers)> _open;
    private readonly SemaphoreSlim _commitLock = new(1, 1);
    private readonly long _preloadBudgetBytes;
    private readonly long _preloadStoredBudgetBytes;
    private volatile bool _disposed;
    private FileStream? _processLock;

    /// <summary>The file in the index folder a process holds open exclusively while it uses the index.</summary>
    public const string ProcessLockFile = "briefingbot.lock";

    /// <param name="path">Folder of the index.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="preloadBudgetBytes">
    /// Memory for term dictionaries and postings held in memory (see <see cref="PreloadingDirectory"/>); 0 reads
    /// them from disk. Null: the default budget.
    /// </param>
    /// <param name="preloadStoredBudgetBytes">Memory for stored fields held in memory, apart from the postings'; 0 reads them from disk. Null: the default.</param>
    public LetterIndex(string path, ILogger<LetterIndex>? logger = null, long? preloadBudgetBytes = null, long? preloadStoredBudgetBytes = null)
    {
        _path = path;
        _preloadBudgetBytes = Math.Max(0, preloadBudgetBytes ?? PreloadingDirectory.DefaultBudgetBytes);
        _preloadStoredBudgetBytes = Math.Max(0, preloadStoredBudgetBytes ?? PreloadingDirectory.DefaultStoredBudgetBytes);
        _logger = logger ?? NullLogger<LetterIndex>.Instance;
        _open = new Lazy<(LuceneDirectory, IndexWriter, SearcherManager)>(Open, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The analysis chain used for every text field, at index and query time.</summary>
    public Analyzer Analyzer { get; } = new DutchLetterAnalyzer();

    /// <summary>The chain without compound parts, for highlighting's first pass (see <c>SnippetBuilder</c>).</summary>
    internal Analyzer WholeWordAnalyzer { get; } = new DutchLetterAnalyzer(compounds: false);

    /// <summary>Serialises ingest runs: one ingest at a time writes through the one writer.</summary>
    internal SemaphoreSlim IngestGate { get; } = new(1, 1);

    /// <summary>Folder of the index.</summary>
    public string Path => _path;

    internal IndexWriter Writer => _open.Value.Writer;

    /// <summary>Bytes of term dictionaries and postings held in memory now (see <see cref="PreloadingDirectory"/>).</summary>
    internal long PreloadedBytes => _open.IsValueCreated ? ((PreloadingDirectory)_open.Value.Directory).PreloadedBytes : 0;

    /// <summary>Bytes of stored fields held in memory now.</summary>
    internal long PreloadedStoredBytes => _open.IsValueCreated ? ((PreloadingDirectory)_open.Value.Directory).PreloadedStoredBytes : 0;

    /// <summary>Opens (or creates) the index now rather than on first use.</summary>
    public void EnsureOpen() => _ = _open.Value;

    /// <summary>Borrows the current searcher; dispose the lease to give it back.</summary>
    public SearcherLease Acquire()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var manager = _open.Value.Searchers;
        return new SearcherLease(manager, manager.Acquire());
    }

    /// <summary>Makes recent changes visible to new searches without committing (near-real-time).</summary>
    public void Refresh() => _open.Value.Searchers.MaybeRefreshBlocking();

    /// <summary>Commits everything written so far (durable) and refreshes searchers.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _commitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (_, writer, searchers) = _open.Value;
            writer.Commit();
            searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _commitLock.Release();
        }
    }

    private (LuceneDirectory, IndexWriter, SearcherManager) Open()
    {
        System.IO.Directory.CreateDirectory(_path);
        _processLock = LockForThisProcess(_path);
        try
        {
            return OpenWriter();
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or FileNotFoundException or EndOfStreamException)
        {
            // Unreadable (a commit whose files are gone, a truncated file): move it aside, keep it for inspection, and
            // start empty; the ingest and the letter store follower fill it again.
            var movedTo = Enumerable.Range(1, int.MaxValue - 1)
                .Select(n => $"{_path.TrimEnd(System.IO.Path.DirectorySeparatorChar)}.unreadable-{n}")
                .First(candidate => !System.IO.Directory.Exists(candidate));
            _processLock.Dispose();
            System.IO.Directory.Move(_path, movedTo);
            File.Delete(System.IO.Path.Combine(movedTo, ProcessLockFile));
            IndexLog.IndexUnreadable(_logger, ex, _path, movedTo);
            System.IO.Directory.CreateDirectory(_path);
            _processLock = LockForThisProcess(_path);
            return OpenWriter();
        }
    }

    /// <summary>Holds <see cref="ProcessLockFile"/> open exclusively, or refuses: another process uses this index.</summary>
    private static FileStream LockForThisProcess(string path)
    {
        var file = System.IO.Path.Combine(path, ProcessLockFile);
        try
        {
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IndexInUseException(
                $"The letter index at {path} is in use by another Briefingbot process (it holds {file}). One process per index: stop the bot before running a command that writes to its index, or point that command to another folder (Dossiers:IndexPath).", ex);
        }
    }

    private (LuceneDirectory, IndexWriter, SearcherManager) OpenWriter()
    {
        var directory = new PreloadingDirectory(new DirectoryInfo(_path), _preloadBudgetBytes, _preloadStoredBudgetBytes);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            // No compound files: postings and term dictionaries must be files of their own for PreloadingDirectory to
            // hold them in memory (a compound file is one file). Costs a few more open files per segment.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
        };
        IndexWriter? writer = null;
        try
        {
            writer = new IndexWriter(directory, config);
            if (!DirectoryReader.IndexExists(directory))
            {
                // An empty first commit, so that restarts always find a readable index.
                writer.Commit();
            }
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
            IndexLog.IndexOpened(_logger, _path, writer.NumDocs);
            return (directory, writer, searchers);
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Closes without committing: every ingest batch commits itself, so whatever is uncommitted at shutdown is a
    /// batch whose observers were not told yet; dropping it keeps index and registers in step, and the next
    /// ingest redoes it (content hashes make that cheap).
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_open.IsValueCreated)
        {
            var (directory, writer, searchers) = _open.Value;
            searchers.Dispose();
            try
            {
                writer.Rollback();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                IndexLog.CloseFailed(_logger, ex);
            }
            directory.Dispose();
        }
        _processLock?.Dispose();
        Analyzer.Dispose();
        WholeWordAnalyzer.Dispose();
        _commitLock.Dispose();
        IngestGate.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Warm the per-segment tables here, on the refreshing thread, not in the first user's query.
            foreach (var leaf in reader.Leaves)
            {
                _ = SegmentLetters.For(leaf.AtomicReader);
                _ = TypoNeighbours.For(leaf.AtomicReader);
                _ = SegmentAbbreviations.For(leaf.AtomicReader);
            }
            return new LetterSearcher(reader) { Similarity = new CoordinatedBm25Similarity() };
        }
    }

    /// <summary>
    /// BM25 with coordination: a passage matching 2 of 3 words scores 2/3 of its BM25 sum. Only the queries over
    /// several words that need not all match (partial matches, OR) use it; every per-word query disables it.
    /// </summary>
    internal sealed class CoordinatedBm25Similarity : BM25Similarity
    {
        public override float Coord(int overlap, int maxOverlap) => maxOverlap <= 0 ? 1f : overlap / (float)maxOverlap;
    }
}

/// <summary>A borrowed searcher; returns it to the <see cref="SearcherManager"/> when disposed.</summary>
public readonly struct SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;

    internal SearcherLease(SearcherManager manager, IndexSearcher searcher)
    {
        _manager = manager;
        Searcher = searcher;
    }

    public IndexSearcher Searcher { get; }

    public void Dispose() => _manager?.Release(Searcher);
}

/// <summary>Another process holds the letter index (<see cref="LetterIndex.ProcessLockFile"/>): one process per index.</summary>
public sealed class IndexInUseException(string message, Exception inner) : IOException(message, inner);
