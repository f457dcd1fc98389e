using Briefingbot.Kernel.Commands;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>abonnement</c>: this conversation's settings and the next delivery time.</summary>
public sealed class SubscriptionStatusCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["abonnement", "subscription"];

    public string Usage => "`abonnement`: de instellingen van de weekbriefing in dit gesprek en wanneer de volgende komt.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            await replies.NoConversationAsync(context, cancellationToken);
            return;
        }
        var existing = await service.GetAsync(conversationId, cancellationToken);
        if (existing is null)
        {
            await replies.NotSubscribedAsync(context, cancellationToken);
            return;
        }
        await replies.ShowAsync(context, "Abonnement van dit gesprek.", existing, cancellationToken);
    }
}
