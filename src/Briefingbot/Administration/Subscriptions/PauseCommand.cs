using Briefingbot.Chat;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>pauzeer</c>: no briefings until <c>hervat</c>; topics and schedule stay.</summary>
public sealed class PauseCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["pauzeer", "pause"];

    public string Usage => "`pauzeer`: de weekbriefing tijdelijk stopzetten (`hervat` zet hem weer aan).";

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
        if (existing.Status == SubscriptionStatus.Paused)
        {
            await replies.ShowAsync(context, "Het abonnement was al gepauzeerd.", existing, cancellationToken);
            return;
        }
        var updated = existing with { Status = SubscriptionStatus.Paused, StatusReason = "gepauzeerd in chat" };
        await service.SaveAsync(context, updated, "subscription.pause", "abonnement gepauzeerd", cancellationToken);
        await replies.ShowAsync(context, "Het abonnement is gepauzeerd.", updated, cancellationToken);
    }
}
