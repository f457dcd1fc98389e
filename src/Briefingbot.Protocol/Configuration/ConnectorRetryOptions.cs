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

    /// <summary>
    /// How often a POST (a new message, reply or conversation: not idempotent, the Bot Connector has no idempotency
    /// key) is retried after an answer that leaves open whether the service took it: 502, 504, a timeout or a
    /// connection lost mid-request. Each such retry may post the message twice; it is part of the in-flight window
    /// (docs/adr-0001-briefing-scheduling.md). 429, 503 and 412 say nothing was done and are retried up to
    /// <see cref="MaxAttempts"/>; PUT and DELETE are idempotent and retried as those.
    /// </summary>
    public int MaxAmbiguousPostRetries { get; set; } = 1;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
