namespace Briefingbot.Registers;

/// <summary>Source-generated log messages of the registers area (event ids 5100-5199).</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Debug, "Registers updated from letter {LetterId}: {Promises} promises, {Meetings} meetings")]
    public static partial void LetterRegistered(ILogger logger, string letterId, int promises, int meetings);

    [LoggerMessage(5101, LogLevel.Debug, "Registers: letter {LetterId} removed")]
    public static partial void LetterRemoved(ILogger logger, string letterId);

    [LoggerMessage(5102, LogLevel.Warning, "Calendar import from {Source} failed: {Reason}")]
    public static partial void ImportFailed(ILogger logger, string source, string reason);

    [LoggerMessage(5103, LogLevel.Information, "Calendar import from {Source}: {Added} added, {Updated} updated, {Cancelled} cancelled, {Skipped} skipped")]
    public static partial void Imported(ILogger logger, string source, int added, int updated, int cancelled, int skipped);

    [LoggerMessage(5104, LogLevel.Warning, "Topic filter search failed for {Query}")]
    public static partial void TopicSearchFailed(ILogger logger, Exception exception, string query);

    [LoggerMessage(5105, LogLevel.Warning, "Calendar import from {Source} threw")]
    public static partial void ImportThrew(ILogger logger, Exception exception, string source);
}
