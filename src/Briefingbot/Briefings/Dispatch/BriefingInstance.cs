namespace Briefingbot.Briefings.Dispatch;

/// <summary>
/// This process's name in the delivery ledger's <c>claimedBy</c> (host + process id + a random part) and the
/// moment it started: a claim older than that was made by a process that no longer runs (single instance).
/// </summary>
public sealed class BriefingInstance(TimeProvider time)
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
