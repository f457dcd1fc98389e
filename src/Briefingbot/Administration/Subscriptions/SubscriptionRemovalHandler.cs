using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// The bot was removed from a conversation: its subscription becomes inactive at once (status "inactief (bot
/// verwijderd)"), with an audit entry naming who removed it, and the scheduler drops its job. Before, the
/// subscription stayed active until the next briefing met 403/404 (a QA pass). Its topics and schedule are kept, so
/// <c>abonneer</c> after the bot is added again turns it back on as it was; the welcome then says so. A removal from a
/// team names the team (its General channel's id): the team's other channels are not known as its own, so their
/// subscriptions turn inactive only when their next briefing meets 403 (docs/administration.md).
/// </summary>
public sealed class SubscriptionRemovalHandler(SubscriptionService service, ILogger<SubscriptionRemovalHandler> logger) : IBotRemovedHandler
{
    // Read in another chat too (briefing status): "het gesprek", never "dit gesprek" (SubscriptionService.Describe).
    public const string Reason = "de bot is uit het gesprek verwijderd";

    public async Task BotRemovedAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // One step from active or paused to inactive: the second event of one removal (Teams sends two, possibly at
        // the same moment, possibly to two instances) finds it inactive and records nothing (a review).
        if (SubscriptionService.ConversationId(context) is { } conversationId
            && await service.ChangeStatusAsync(context, conversationId, [SubscriptionStatus.Active, SubscriptionStatus.Paused], SubscriptionStatus.Inactive,
                Reason, "subscription.bot-removed", "bot uit het gesprek verwijderd; abonnement inactief", cancellationToken))
        {
            Log.SubscriptionInactiveAfterRemoval(logger, conversationId);
        }
    }
}
