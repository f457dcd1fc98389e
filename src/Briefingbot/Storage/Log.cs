using Microsoft.Extensions.Logging;

namespace Briefingbot.Storage;

/// <summary>Storage log messages (event ids 7000-7099). Connection strings are never logged: they may hold passwords.</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Storage: {Provider} database at {Target}")]
    public static partial void StorageOpened(this ILogger logger, string provider, string target);

    [LoggerMessage(7001, LogLevel.Information, "Applied migration {Version} ({Name}) on {Provider}")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name, string provider);

    [LoggerMessage(7002, LogLevel.Debug, "Schema is up to date on {Provider} (version {Version})")]
    public static partial void SchemaUpToDate(this ILogger logger, string provider, int version);

    [LoggerMessage(7010, LogLevel.Information, "Letter follower: fed {Changed} changed and {Removed} removed letters up to store version {Version}")]
    public static partial void LettersFollowed(this ILogger logger, int changed, int removed, long version);

    [LoggerMessage(7011, LogLevel.Warning, "Letter follower: catching up with the letter store failed; retrying at the next poll")]
    public static partial void LetterFollowFailed(this ILogger logger, Exception exception);

    [LoggerMessage(7012, LogLevel.Information, "Letter follower: following the shared letter store every {Interval}")]
    public static partial void LetterFollowerStarted(this ILogger logger, TimeSpan interval);

    [LoggerMessage(7014, LogLevel.Warning, "Letter follower: {Count} letters were deleted in the store, but {Ingestor} cannot remove single letters; they stay in this instance's index")]
    public static partial void LetterRemovalUnsupported(this ILogger logger, int count, string ingestor);

    [LoggerMessage(7013, LogLevel.Warning, "Letter store: removed letter {LetterId} has no stored source file; nothing to mark deleted")]
    public static partial void RemovedLetterUnknown(this ILogger logger, string letterId);
}
