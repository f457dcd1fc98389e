namespace Briefingbot.Kernel;

/// <summary>
/// Source-generated log messages of the shared kernel: reply sending (event ids 5003, 5004, 5006, kept from the
/// administration area where <see cref="Replies.ReplySender"/> lived before).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5003, LogLevel.Warning, "Card template {Template} could not be rendered; sending text instead")]
    public static partial void CardRenderFailed(ILogger logger, Exception exception, string template);

    [LoggerMessage(5006, LogLevel.Warning, "Card template {Template} was not rendered ({Reason}); sending text instead")]
    public static partial void CardNotRendered(ILogger logger, string template, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Reply to conversation {ConversationId} failed: {Outcome} {Error}")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, string outcome, string? error);
}
