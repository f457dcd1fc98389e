using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Dossiers.Ingest;

/// <summary>
/// Told about every letter the ingest adds, changes or removes, after the index commit. The host implements this
/// to keep its registers (promises, meetings) and the shared letter store in step. Must be idempotent.
/// </summary>
public interface ILetterIngestObserver
{
    Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken);
    Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken);
}

/// <summary>One raw letter handed to the ingest (from a corpus folder or the shared store).</summary>
public sealed record LetterSource(string SourceFile, string RawText);

/// <summary>Progress of a long ingest run.</summary>
public sealed record IngestProgress(int Processed, int Total, int Added, int Changed, int Removed, int Unchanged, int Failed);

/// <summary>Ingests letters into the index incrementally (content hash) and tells the observers.</summary>
public interface ILetterIngestor
{
    /// <summary>Makes the index hold exactly the letters in <paramref name="corpusDirectory"/> (adds, changes, removes).</summary>
    Task<IngestProgress> IngestDirectoryAsync(string corpusDirectory, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Adds or updates the given letters; when <paramref name="removeOthers"/> is set, letters not listed are removed.</summary>
    Task<IngestProgress> IngestAsync(IReadOnlyCollection<LetterSource> sources, bool removeOthers, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the letters with these source file names from the index (and tells the observers); names the index
    /// does not hold are ignored. Used by the host to follow deletions in the shared letter store. Implementations
    /// must override it (<see cref="LetterIngestor"/> does): the default only keeps this later addition from breaking
    /// other implementations.
    /// </summary>
    Task<IngestProgress> RemoveAsync(IReadOnlyCollection<string> sourceFiles, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} cannot remove single letters yet; implement ILetterIngestor.RemoveAsync.");
}

/// <summary>
/// Which indexes the host's stores have been fed from. The observers' stores (registers, the shared letter store)
/// can be replaced while the index stays: a database deleted, or the host switched from SQLite to PostgreSQL. The
/// ingest then skips every unchanged letter, and without this the new store would never hear of them. With a ledger,
/// the ingest tells every observer about every letter of an index the ledger does not know, once, before its first run.
/// </summary>
public interface IIndexFeedLedger
{
    /// <summary>Whether the stores were told about every letter of the index with this id.</summary>
    Task<bool> HasFedAsync(string indexId, CancellationToken cancellationToken);

    /// <summary>Records that the stores were told about every letter of the index with this id.</summary>
    Task MarkFedAsync(string indexId, CancellationToken cancellationToken);
}
