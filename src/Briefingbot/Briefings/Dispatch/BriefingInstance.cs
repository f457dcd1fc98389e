namespace Briefingbot.Briefings.Dispatch;

/// <summary>
/// This process's name in the delivery ledger's <c>claimedBy</c> (host + process id + a random part) and the
/// moment it started: a claim older than that was made by a process that no longer runs (single instance).
/// Despite the name it is not one briefing but this running bot process (an "instance" of the service), used by both
/// the weekly briefing and the letter alerts as their claim owner.
/// </summary>
public sealed class BriefingInstance(TimeProvider time)
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
