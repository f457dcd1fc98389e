namespace Briefingbot.Protocol.Configuration;

/// <summary>Retries of connector calls on 429, 412, 502, 503, 504 and network errors.</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Attempts in total, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry when the service gives no Retry-After; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Cap of one delay. A Retry-After longer than this is not waited for: the call ends as throttled, so that a
    /// turn or a briefing run never hangs on one conversation.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
