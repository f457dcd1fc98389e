namespace Briefingbot.Sources;

/// <summary>Source-generated log messages of the live sources (event ids 5800-5899).</summary>
internal static partial class SourcesLog
{
    [LoggerMessage(5800, LogLevel.Information, "Source sync started (run {RunId})")]
    public static partial void SyncStarted(ILogger logger, long runId);

    [LoggerMessage(5801, LogLevel.Information, "Source sync finished (run {RunId}, {Outcome}): {Summary}")]
    public static partial void SyncFinished(ILogger logger, long runId, string outcome, string summary);

    [LoggerMessage(5802, LogLevel.Warning, "Source sync failed (run {RunId}): {Error}")]
    public static partial void SyncFailed(ILogger logger, long runId, string error);

    [LoggerMessage(5803, LogLevel.Information, "Back-off on {Url}: {Failure}; waiting {Delay} (retry {Attempt})")]
    public static partial void BackingOff(ILogger logger, string url, string failure, TimeSpan delay, int attempt);

    [LoggerMessage(5804, LogLevel.Information, "Feed {Category} starts at skiptoken {Skiptoken} (first change on or after {Start})")]
    public static partial void StartPointFound(ILogger logger, string category, string? skiptoken, DateOnly start);

    [LoggerMessage(5805, LogLevel.Warning, "Feed {Category}: the cursor moved while this run read page {Skiptoken}; another sync is running, this one stops")]
    public static partial void CursorMoved(ILogger logger, string category, string? skiptoken);

    [LoggerMessage(5806, LogLevel.Information, "Feed {Category}: page committed up to skiptoken {Skiptoken} ({Entries} entries)")]
    public static partial void PageCommitted(ILogger logger, string category, string? skiptoken, int entries);

    [LoggerMessage(5807, LogLevel.Warning, "Document {DocumentId} has no text yet: {Reason}")]
    public static partial void DocumentFailed(ILogger logger, string documentId, string reason);

    [LoggerMessage(5808, LogLevel.Warning, "Scheduled source sync threw")]
    public static partial void JobFailed(ILogger logger, Exception exception);

    [LoggerMessage(5809, LogLevel.Warning, "Feed {Category} could not be read ({Reason}); its cursor stays, the other feeds go on")]
    public static partial void FeedUnreadable(ILogger logger, string category, string reason);

    [LoggerMessage(5810, LogLevel.Warning, "Feed {Category}: entry {EntryId} has no content this sync can read; skipped")]
    public static partial void EntryWithoutContent(ILogger logger, string category, string entryId);
}
