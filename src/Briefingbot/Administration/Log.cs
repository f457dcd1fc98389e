namespace Briefingbot.Administration;

/// <summary>Source-generated log messages of the administration area (event ids 5000-5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5002, LogLevel.Warning, "Schedule notifier failed for conversation {ConversationId}")]
    public static partial void NotifierFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(5005, LogLevel.Warning, "Query check failed for topic {Topic}")]
    public static partial void QueryCheckFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(5006, LogLevel.Information, "The bot was removed from conversation {ConversationId}; its subscription is now inactive")]
    public static partial void SubscriptionInactiveAfterRemoval(ILogger logger, string conversationId);
}
