using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>hervat</c>: resumes a paused subscription (or one marked inactive: the message proves the bot is back).</summary>
public sealed class ResumeCommand(SubscriptionService service, SubscriptionReplies replies) : ExistingSubscriptionCommand(service, replies)
{
    public override IReadOnlyList<string> Names { get; } = ["hervat", "resume"];

    public override string Usage => "`hervat`: een gepauzeerde weekbriefing weer aanzetten.";

    protected override async Task ChangeAsync(CommandContext context, Subscription existing, CancellationToken cancellationToken)
    {
        if (existing.Status == SubscriptionStatus.Active)
        {
            await Replies.ShowAsync(context, "Het abonnement loopt al.", existing, cancellationToken);
            return;
        }
        var updated = existing with { Status = SubscriptionStatus.Active, StatusReason = null };
        await Service.SaveAsync(context, updated, "subscription.resume", "abonnement hervat", cancellationToken);
        await Replies.ShowAsync(context, "Het abonnement is hervat.", updated, cancellationToken);
    }
}
