namespace Briefingbot.Administration;

/// <summary>Source-generated log messages of the administration area (event ids 5000-5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Refused {Command} for non-admin {Actor}")]
    public static partial void RefusedNonAdmin(ILogger logger, string command, string actor);

    [LoggerMessage(5001, LogLevel.Information, "Admin change {Action} by {Actor}: {Details}")]
    public static partial void AdminChange(ILogger logger, string action, string actor, string details);

    [LoggerMessage(5002, LogLevel.Warning, "Schedule notifier failed for conversation {ConversationId}")]
    public static partial void NotifierFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(5007, LogLevel.Warning, "The sender's name could not be remembered")]
    public static partial void UserNameNotRemembered(ILogger logger, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "Query check failed for topic {Topic}")]
    public static partial void QueryCheckFailed(ILogger logger, Exception exception, string topic);
}
