namespace Briefingbot.Protocol.Configuration;

/// <summary>
/// <c>Bot:Outbox</c>: replies that cannot go out at once (the conversation or tenant has no outbound slot free) wait
/// here instead of holding the inbound request open. Bounded per conversation and in total.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary><c>Bot:Outbox:PerConversationLimit</c>: replies that may wait per conversation; beyond it new messages of that conversation are not answered (the user is told once).</summary>
    public int PerConversationLimit { get; set; } = 20;

    /// <summary><c>Bot:Outbox:TotalLimit</c>: replies that may wait over all conversations (bounds memory: replies are at most ~80 KB, typically 2-10 KB).</summary>
    public int TotalLimit { get; set; } = 2000;

    /// <summary><c>Bot:Outbox:InlineSendBudget</c>: how long a reply sent within the inbound request may take before the request is answered anyway (the send carries on in the background).</summary>
    public TimeSpan InlineSendBudget { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary><c>Bot:Outbox:DrainTimeout</c>: how long shutdown waits for waiting replies to be sent; what is left then is logged as lost.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
