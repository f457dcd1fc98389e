namespace Briefingbot.Briefings;

/// <summary>Structured log messages of the briefing area (event ids 6000-6099).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Briefing sent to {ConversationId} for period {PeriodKey} ({Messages} message(s))")]
    public static partial void BriefingSent(ILogger logger, string conversationId, string periodKey, int messages);

    [LoggerMessage(6001, LogLevel.Debug, "Briefing for {ConversationId} period {PeriodKey} already claimed or sent; skipped")]
    public static partial void AlreadyClaimed(ILogger logger, string conversationId, string periodKey);

    [LoggerMessage(6002, LogLevel.Warning, "Conversation {ConversationId} is gone ({StatusCode}); subscription set inactive")]
    public static partial void ConversationGone(ILogger logger, string conversationId, int? statusCode);

    [LoggerMessage(6003, LogLevel.Warning, "Briefing to {ConversationId} period {PeriodKey} failed (attempt {Attempt}): {Outcome} {StatusCode} {Error}")]
    public static partial void SendFailed(ILogger logger, string conversationId, string periodKey, int attempt, string outcome, int? statusCode, string? error);

    [LoggerMessage(6004, LogLevel.Warning, "No conversation reference for {ConversationId}; subscription set inactive")]
    public static partial void NoReference(ILogger logger, string conversationId);

    [LoggerMessage(6005, LogLevel.Information, "Briefing schedule for {ConversationId}: {Cron} in {TimeZone}, next at {NextFireUtc}")]
    public static partial void Scheduled(ILogger logger, string conversationId, string cron, string timeZone, DateTimeOffset? nextFireUtc);

    [LoggerMessage(6006, LogLevel.Information, "Briefing schedule for {ConversationId} removed ({Status})")]
    public static partial void Unscheduled(ILogger logger, string conversationId, string status);

    [LoggerMessage(6007, LogLevel.Information, "Catch-up at start-up: {Due} of {Subscriptions} subscription(s) still owe this period's briefing")]
    public static partial void CatchUp(ILogger logger, int due, int subscriptions);

    [LoggerMessage(6008, LogLevel.Error, "Briefing to {ConversationId} period {PeriodKey} crashed")]
    public static partial void DeliveryCrashed(ILogger logger, Exception exception, string conversationId, string periodKey);

    [LoggerMessage(6009, LogLevel.Warning, "Unknown time zone {TimeZone} for {ConversationId}; using {Fallback}")]
    public static partial void UnknownTimeZone(ILogger logger, string timeZone, string conversationId, string fallback);

    [LoggerMessage(6010, LogLevel.Error, "Briefing sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(6011, LogLevel.Warning, "Briefing for {ConversationId} split into {Messages} messages to stay under the Teams size limit")]
    public static partial void Split(ILogger logger, string conversationId, int messages);

    [LoggerMessage(6012, LogLevel.Information, "Briefing schedules reconciled: {Scheduled} added or changed, {Removed} removed, {Active} active")]
    public static partial void Reconciled(ILogger logger, int scheduled, int removed, int active);

    [LoggerMessage(6013, LogLevel.Error, "Briefing schedule reconcile failed")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(6014, LogLevel.Warning, "Briefing to {ConversationId} period {PeriodKey}: claim (attempt {Attempt}) was taken over by another sender; stopped without writing")]
    public static partial void ClaimLost(ILogger logger, string conversationId, string periodKey, int attempt);

    [LoggerMessage(6015, LogLevel.Information, "Briefing to {ConversationId} period {PeriodKey} resumes at part {Part} of {Parts} (earlier parts were sent)")]
    public static partial void Resumed(ILogger logger, string conversationId, string periodKey, int part, int parts);

    [LoggerMessage(6016, LogLevel.Warning, "Start-up ingest still running after {Wait}; the missed briefings are sent now, with the letters indexed so far")]
    public static partial void StartupIngestWaitOver(ILogger logger, TimeSpan wait);

    [LoggerMessage(6017, LogLevel.Information, "Missed briefings wait for the start-up ingest of the corpus")]
    public static partial void WaitingForStartupIngest(ILogger logger);
}
