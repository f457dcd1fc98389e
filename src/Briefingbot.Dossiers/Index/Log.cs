using Microsoft.Extensions.Logging;

namespace Briefingbot.Dossiers.Index;

/// <summary>Log messages of the index, ingest and search (event ids 3100-3199).</summary>
internal static partial class IndexLog
{
    [LoggerMessage(3100, LogLevel.Information, "Letter index opened at {Path} with {Documents} documents")]
    public static partial void IndexOpened(ILogger logger, string path, int documents);

    [LoggerMessage(3101, LogLevel.Warning, "Closing the letter index failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(3102, LogLevel.Warning, "The letter index at {Path} could not be read; it was moved to {MovedTo} and is rebuilt from the corpus and the letter store")]
    public static partial void IndexUnreadable(ILogger logger, Exception exception, string path, string movedTo);

    [LoggerMessage(3110, LogLevel.Information, "Ingest started: {Files} files in {Corpus}")]
    public static partial void IngestStarted(ILogger logger, int files, string corpus);

    [LoggerMessage(3111, LogLevel.Information, "Ingest progress: {Processed}/{Total} letters (added {Added}, changed {Changed}, removed {Removed}, unchanged {Unchanged}, failed {Failed})")]
    public static partial void IngestProgress(ILogger logger, int processed, int total, int added, int changed, int removed, int unchanged, int failed);

    [LoggerMessage(3112, LogLevel.Information, "Ingest finished in {ElapsedMs} ms: {Processed}/{Total} letters (added {Added}, changed {Changed}, removed {Removed}, unchanged {Unchanged}, failed {Failed})")]
    public static partial void IngestFinished(ILogger logger, long elapsedMs, int processed, int total, int added, int changed, int removed, int unchanged, int failed);

    [LoggerMessage(3113, LogLevel.Warning, "Skipped letter {SourceFile}: {Reason}")]
    public static partial void LetterSkipped(ILogger logger, string sourceFile, string reason);

    [LoggerMessage(3114, LogLevel.Warning, "Skipped letter {SourceFile}: it could not be read or parsed")]
    public static partial void LetterFailed(ILogger logger, string sourceFile, Exception exception);

    [LoggerMessage(3115, LogLevel.Error, "An ingest observer failed for letter {LetterId}; the index is committed and the notification stays pending: every observer is told again at the next ingest run")]
    public static partial void ObserverFailed(ILogger logger, string letterId, Exception exception);

    [LoggerMessage(3116, LogLevel.Warning, "Corpus folder {Corpus} does not exist; nothing to ingest")]
    public static partial void CorpusMissing(ILogger logger, string corpus);

    [LoggerMessage(3117, LogLevel.Error, "Ingest on start failed")]
    public static partial void StartupIngestFailed(ILogger logger, Exception exception);

    [LoggerMessage(3120, LogLevel.Warning, "Search failed for a query of {Length} characters; answered empty")]
    public static partial void SearchFailed(ILogger logger, int length, Exception exception);

    [LoggerMessage(3192, LogLevel.Information, "The stores were never fed from this index (a new or replaced database): telling them about its {Count} letter(s)")]
    public static partial void FeedingNewStores(ILogger logger, int count);

    [LoggerMessage(3193, LogLevel.Information, "Telling the stores about the index's letters: {Done} of {Count}")]
    public static partial void FeedingNewStoresProgress(ILogger logger, int done, int count);

    [LoggerMessage(3194, LogLevel.Information, "The stores were told about the index's {Count} letter(s) in {ElapsedMs} ms")]
    public static partial void FedNewStores(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(3195, LogLevel.Warning, "Could not check or record whether the stores were fed from this index; tried again at the next ingest run")]
    public static partial void FeedLedgerFailed(ILogger logger, Exception exception);

    [LoggerMessage(3190, LogLevel.Information, "Replaying {Count} pending ingest notification(s) left by a crash or an observer error")]
    public static partial void ReplayingNotifications(ILogger logger, int count);

    [LoggerMessage(3191, LogLevel.Warning, "Failpoint {Failpoint} reached: the ingest stops here (crash tests only)")]
    public static partial void FailpointReached(ILogger logger, string failpoint);
}
