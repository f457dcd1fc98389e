using Briefingbot.Chat;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>opzeggen</c>: stops the weekly briefing in this conversation (settings are kept for a later <c>abonneer</c>).</summary>
public sealed class UnsubscribeCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["opzeggen", "unsubscribe"];

    public string Usage => "`opzeggen`: dit gesprek krijgt geen weekbriefing meer.";

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
        var updated = existing with { Status = SubscriptionStatus.Cancelled, StatusReason = "opgezegd in chat" };
        await service.SaveAsync(context, updated, "subscription.cancel", "abonnement opgezegd", cancellationToken);
        await replies.TextAsync(context, "Het abonnement is opgezegd; dit gesprek krijgt geen weekbriefing meer. Met `abonneer` zet je het weer aan.", cancellationToken);
    }
}
