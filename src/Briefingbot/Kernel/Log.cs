namespace Briefingbot.Kernel;

/// <summary>
/// Source-generated log messages of the shared kernel: reply sending, the admin check, the audit trail and user
/// names (event ids 5000-5007, kept from the administration area where these services lived before).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Refused {Command} for non-admin {Actor}")]
    public static partial void RefusedNonAdmin(ILogger logger, string command, string actor);

    [LoggerMessage(5001, LogLevel.Information, "Admin change {Action} by {Actor}: {Details}")]
    public static partial void AdminChange(ILogger logger, string action, string actor, string details);

    [LoggerMessage(5007, LogLevel.Warning, "The sender's name could not be remembered")]
    public static partial void UserNameNotRemembered(ILogger logger, Exception exception);

    [LoggerMessage(5003, LogLevel.Warning, "Card template {Template} could not be rendered; sending text instead")]
    public static partial void CardRenderFailed(ILogger logger, Exception exception, string template);

    [LoggerMessage(5006, LogLevel.Warning, "Card template {Template} was not rendered ({Reason}); sending text instead")]
    public static partial void CardNotRendered(ILogger logger, string template, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Reply to conversation {ConversationId} failed: {Outcome} {Error}")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, string outcome, string? error);
}
