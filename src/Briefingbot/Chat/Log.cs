using Microsoft.Extensions.Logging;

namespace Briefingbot.Chat;

/// <summary>Source-generated log messages of the chat area (event ids 2000-2099). Never logs message text or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Turn of type {ActivityType} in conversation {ConversationId} failed; the user got an apology")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityType, string? conversationId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Card {Template} could not be rendered; answering in text")]
    public static partial void CardRenderFailed(this ILogger logger, Exception exception, string template);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Button data without a known command in conversation {ConversationId}")]
    public static partial void UnknownActionData(this ILogger logger, string? conversationId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Command {Command} in conversation {ConversationId}")]
    public static partial void CommandRouted(this ILogger logger, string command, string? conversationId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Message-extension search timed out after {TimeoutMs} ms")]
    public static partial void MessageExtensionTimedOut(this ILogger logger, double timeoutMs);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Welcomed conversation {ConversationId} ({ConversationType})")]
    public static partial void Welcomed(this ILogger logger, string? conversationId, string? conversationType);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Card {Template} is {Bytes} bytes, over the limit; sent a shorter answer")]
    public static partial void CardTooLarge(this ILogger logger, string template, int bytes);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Sending a reply in conversation {ConversationId} failed: {Outcome}")]
    public static partial void ReplyFailed(this ILogger logger, string? conversationId, Briefingbot.Protocol.ConnectorOutcome outcome);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Conversation state ({Kind}) of conversation {ConversationId} could not be read or written; carrying on without it")]
    public static partial void ConversationStateFailed(this ILogger logger, string kind, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "The bot was removed from conversation {ConversationId}")]
    public static partial void BotRemoved(this ILogger logger, string? conversationId);
}
