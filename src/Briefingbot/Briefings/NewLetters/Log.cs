namespace Briefingbot.Briefings.NewLetters;

internal static partial class Log
{
    [LoggerMessage(1801, LogLevel.Information, "Letter alerts: {Subscriptions} subscription(s), {Candidates} matching new letter(s), {Sent} sent, {Failed} failed, {Skipped} already claimed.")]
    public static partial void AlertRound(ILogger logger, int subscriptions, int candidates, int sent, int failed, int skipped);

    [LoggerMessage(1802, LogLevel.Warning, "Letter alert to {ConversationId} about {LetterId} failed: {Outcome} (HTTP {StatusCode}); retried at the next round while attempts are left.")]
    public static partial void AlertFailed(ILogger logger, string conversationId, string letterId, string outcome, int? statusCode);

    [LoggerMessage(1803, LogLevel.Error, "Letter alert to {ConversationId} about {LetterId} crashed.")]
    public static partial void AlertCrashed(ILogger logger, Exception exception, string conversationId, string letterId);

    [LoggerMessage(1804, LogLevel.Error, "The letter alert job could not be scheduled.")]
    public static partial void AlertSchedulingFailed(ILogger logger, Exception exception);
}
