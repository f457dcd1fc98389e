using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>pauzeer</c>: no briefings until <c>hervat</c>; topics and schedule stay.</summary>
public sealed class PauseCommand(SubscriptionService service, SubscriptionReplies replies) : ExistingSubscriptionCommand(service, replies)
{
    public override IReadOnlyList<string> Names { get; } = ["pauzeer", "pause"];

    public override string Usage => "`pauzeer`: de weekbriefing tijdelijk stopzetten (`hervat` zet hem weer aan).";

    protected override async Task ChangeAsync(CommandContext context, Subscription existing, CancellationToken cancellationToken)
    {
        if (existing.Status == SubscriptionStatus.Paused)
        {
            await Replies.ShowAsync(context, "Het abonnement was al gepauzeerd.", existing, cancellationToken);
            return;
        }
        var updated = existing with { Status = SubscriptionStatus.Paused, StatusReason = "gepauzeerd in chat" };
        await Service.SaveAsync(context, updated, "subscription.pause", "abonnement gepauzeerd", cancellationToken);
        await Replies.ShowAsync(context, "Het abonnement is gepauzeerd.", updated, cancellationToken);
    }
}
