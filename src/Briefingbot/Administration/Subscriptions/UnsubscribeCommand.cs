using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>opzeggen</c>: stops the weekly briefing in this conversation (settings are kept for a later <c>abonneer</c>).</summary>
public sealed class UnsubscribeCommand(SubscriptionService service, SubscriptionReplies replies) : ExistingSubscriptionCommand(service, replies)
{
    public override IReadOnlyList<string> Names { get; } = ["opzeggen", "unsubscribe"];

    public override string Usage => "`opzeggen`: dit gesprek krijgt geen weekbriefing meer.";

    protected override string AlreadyCancelled =>
        "Het abonnement was al opgezegd; dit gesprek krijgt geen weekbriefing. Met `abonneer` zet je het weer aan.";

    protected override async Task ChangeAsync(CommandContext context, Subscription existing, CancellationToken cancellationToken)
    {
        var updated = existing with { Status = SubscriptionStatus.Cancelled, StatusReason = "opgezegd in chat" };
        await Service.SaveAsync(context, updated, "subscription.cancel", "abonnement opgezegd", cancellationToken);
        await Replies.TextAsync(context, "Het abonnement is opgezegd; dit gesprek krijgt geen weekbriefing meer. Met `abonneer` zet je het weer aan.", cancellationToken);
    }
}
