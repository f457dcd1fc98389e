using Briefingbot.Chat;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>hervat</c>: resumes a paused subscription (or one marked inactive: the message proves the bot is back).</summary>
public sealed class ResumeCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["hervat", "resume"];

    public string Usage => "`hervat`: een gepauzeerde weekbriefing weer aanzetten.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            await replies.NoConversationAsync(context, cancellationToken);
            return;
        }
        if (!await service.MayChangeAsync(context, cancellationToken))
        {
            await replies.RefusedAsync(context, cancellationToken);
            return;
        }
        var existing = await service.GetAsync(conversationId, cancellationToken);
        if (existing is null || existing.Status == SubscriptionStatus.Cancelled)
        {
            await replies.NotSubscribedAsync(context, cancellationToken);
            return;
        }
        if (existing.Status == SubscriptionStatus.Active)
        {
            await replies.ShowAsync(context, "Het abonnement loopt al.", existing, cancellationToken);
            return;
        }
        var updated = existing with { Status = SubscriptionStatus.Active, StatusReason = null };
        await service.SaveAsync(context, updated, "subscription.resume", "abonnement hervat", cancellationToken);
        await replies.ShowAsync(context, "Het abonnement is hervat.", updated, cancellationToken);
    }
}
