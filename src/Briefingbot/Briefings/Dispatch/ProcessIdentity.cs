namespace Briefingbot.Briefings.Dispatch;

/// <summary>
/// This running bot process: its name in the delivery ledger's <c>claimedBy</c> (host + process id + a random part)
/// and the moment it started, so a claim older than that was made by a process that no longer runs (single
/// instance). The claim owner of both the weekly briefing and the letter alerts (named BriefingInstance before).
/// </summary>
public sealed class ProcessIdentity(TimeProvider time)
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
