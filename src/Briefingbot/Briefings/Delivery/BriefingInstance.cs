namespace Briefingbot.Briefings.Delivery;

/// <summary>
/// This process's name in the delivery ledger's <c>claimedBy</c> (host + process id + a random part), so a claim
/// shows which instance made it and a restarted process never mistakes an old claim for its own.
/// </summary>
public sealed class BriefingInstance
{
    public BriefingInstance()
    {
        Id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string Id { get; }
}
