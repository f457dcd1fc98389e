using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol;

/// <summary>Source-generated log messages of the protocol layer (event ids 100-199). Tokens and secrets are never logged.</summary>
internal static partial class Log
{
    // Start-up
    [LoggerMessage(100, LogLevel.Warning,
        "No MicrosoftAppId is configured: development mode. Inbound requests are NOT authenticated and replies carry no token. " +
        "Set MicrosoftAppId, MicrosoftAppPassword (and MicrosoftAppTenantId) before exposing this bot.")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(103, LogLevel.Critical, "MicrosoftAppId is not set and the {Environment} environment is not Development: refusing to start without authentication. Set MicrosoftAppId, or Bot:AllowAnonymous=true to run unauthenticated on purpose.")]
    public static partial void AnonymousModeRefused(ILogger logger, string environment);

    [LoggerMessage(104, LogLevel.Warning, "Bot:AllowAnonymous=true in the {Environment} environment: inbound requests are NOT authenticated and replies go to any serviceUrl without a token. Never expose this host to a network.")]
    public static partial void AnonymousModeAllowed(ILogger logger, string environment);

    [LoggerMessage(101, LogLevel.Information, "Bot Framework authentication is on (app type {AppType}).")]
    public static partial void AuthenticationEnabled(ILogger logger, string appType);

    [LoggerMessage(102, LogLevel.Error, "No IBot is registered: inbound activities are acknowledged but nothing handles them.")]
    public static partial void NoBotRegistered(ILogger logger);

    // Inbound
    [LoggerMessage(110, LogLevel.Information, "Rejected an inbound request with {StatusCode}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(111, LogLevel.Information, "Malformed inbound activity: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(112, LogLevel.Information, "Inbound request body exceeds {MaxBytes} bytes; answered 413.")]
    public static partial void RequestTooLarge(ILogger logger, long maxBytes);

    [LoggerMessage(113, LogLevel.Error, "The {Issuer} signing keys could not be loaded; inbound requests cannot be authenticated.")]
    public static partial void SigningKeysUnavailable(ILogger logger, string issuer, Exception exception);

    [LoggerMessage(114, LogLevel.Debug, "Ignored a {ActivityType} activity without a conversation or serviceUrl.")]
    public static partial void ActivityIgnored(ILogger logger, string activityType);

    // Turns
    [LoggerMessage(120, LogLevel.Error, "The bot failed on a {ActivityType} activity {ActivityId} in conversation {ConversationId}.")]
    public static partial void TurnFailed(ILogger logger, string? activityType, string? activityId, string? conversationId, Exception exception);

    [LoggerMessage(121, LogLevel.Warning, "Could not send the apology after a failed turn in conversation {ConversationId}.")]
    public static partial void ApologyFailed(ILogger logger, string? conversationId, Exception? exception);

    [LoggerMessage(122, LogLevel.Warning, "Could not store the conversation reference of conversation {ConversationId}; proactive messages there may fail.")]
    public static partial void ReferenceSaveFailed(ILogger logger, string? conversationId, Exception exception);

    [LoggerMessage(123, LogLevel.Error, "No IBot is registered; a {ActivityType} activity was acknowledged without being handled.")]
    public static partial void NoBotForTurn(ILogger logger, string? activityType);

    // Connector
    [LoggerMessage(130, LogLevel.Information,
        "Connector {Operation} got HTTP {StatusCode} (attempt {Attempt} of {MaxAttempts}); retrying in {DelayMs} ms. Correlation id {CorrelationId}.")]
    public static partial void ConnectorRetrying(ILogger logger, string operation, int? statusCode, int attempt, int maxAttempts, long delayMs, string? correlationId);

    [LoggerMessage(131, LogLevel.Warning,
        "Connector {Operation} ended {Outcome} (HTTP {StatusCode}) after {Attempts} attempt(s). Correlation id {CorrelationId}. {Error}")]
    public static partial void ConnectorFailed(ILogger logger, string operation, ConnectorOutcome outcome, int? statusCode, int attempts, string? correlationId, string? error);

    [LoggerMessage(132, LogLevel.Debug, "Connector {Operation} succeeded (HTTP {StatusCode}, attempt {Attempt}). Correlation id {CorrelationId}.")]
    public static partial void ConnectorSucceeded(ILogger logger, string operation, int statusCode, int attempt, string? correlationId);

    [LoggerMessage(133, LogLevel.Information, "Connector {Operation} attempt {Attempt} failed without an HTTP answer.")]
    public static partial void ConnectorNetworkError(ILogger logger, string operation, int attempt, Exception exception);

    [LoggerMessage(134, LogLevel.Error, "Could not acquire the bot's outbound token.")]
    public static partial void TokenAcquisitionFailed(ILogger logger, Exception exception);

    [LoggerMessage(135, LogLevel.Debug, "Not sending the bot token to {Host}: not a trusted service URL host.")]
    public static partial void TokenWithheld(ILogger logger, string host);

    [LoggerMessage(136, LogLevel.Warning, "Outbound pacing queue is full for {Scope}; the send is refused as throttled.")]
    public static partial void PacingQueueFull(ILogger logger, string scope);

    // Outbox
    [LoggerMessage(137, LogLevel.Information, "Replies to conversation {ConversationId} are queued: it has no outbound slot free now.")]
    public static partial void RepliesQueued(ILogger logger, string conversationId);

    [LoggerMessage(138, LogLevel.Warning, "The reply queue of conversation {ConversationId} is full; a reply is dropped.")]
    public static partial void OutboxFull(ILogger logger, string conversationId);

    [LoggerMessage(139, LogLevel.Warning, "A queued reply to conversation {ConversationId} ended {Outcome}: {Error}")]
    public static partial void QueuedReplyFailed(ILogger logger, string conversationId, ConnectorOutcome outcome, string? error);

    [LoggerMessage(140, LogLevel.Error, "A queued reply to conversation {ConversationId} failed unexpectedly.")]
    public static partial void QueuedReplyCrashed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(141, LogLevel.Warning, "Shutdown: {Count} queued replies were not sent within the drain timeout of {Seconds} s and are lost.")]
    public static partial void OutboxNotDrained(ILogger logger, int count, double seconds);

    [LoggerMessage(142, LogLevel.Information, "Conversation {ConversationId} is throttled: a message was acknowledged without an answer.")]
    public static partial void ConversationThrottled(ILogger logger, string conversationId);

    [LoggerMessage(143, LogLevel.Warning, "Not sending to {Host}: the request's token names no serviceUrl and the host is not a trusted service URL host.")]
    public static partial void UntrustedReplyWithheld(ILogger logger, string host);

    [LoggerMessage(144, LogLevel.Debug, "A reply to conversation {ConversationId} takes longer than the inline budget; it continues in the background.")]
    public static partial void InlineSendContinues(ILogger logger, string conversationId);
}
