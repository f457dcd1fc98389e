using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// The bot was removed from a conversation: its subscription becomes inactive at once (status "inactief (bot
/// verwijderd)"), with an audit entry naming who removed it, and the scheduler drops its job. Before, the
/// subscription stayed active until the next briefing met 403/404 (a QA pass). Its topics and schedule are kept, so
/// <c>abonneer</c> after the bot is added again turns it back on as it was; the welcome then says so. A removal from a
/// team (channelData.team.id) turns off every subscription made or changed in one of the team's channels, each audited
/// on its own: the team's id is only its General channel's, so each subscription keeps the team it was made in
/// (<see cref="Subscription.TeamId"/>). A subscription written before team ids were kept learns its team at its next
/// change, or at the next message in its channel; until then it turns inactive when its next briefing meets 403.
/// </summary>
public sealed class SubscriptionRemovalHandler(SubscriptionService service, ILogger<SubscriptionRemovalHandler> logger) : IBotRemovedHandler
{
    // Read in another chat too (briefing status): "het gesprek", never "dit gesprek" (SubscriptionService.Describe).
    public const string Reason = "de bot is uit het gesprek verwijderd";
    public const string TeamReason = "de bot is uit het team van dit kanaal verwijderd";

    public async Task BotRemovedAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // One step from active or paused to inactive: the second event of one removal (Teams sends two, possibly at
        // the same moment, possibly to two instances) finds it inactive and records nothing (a review).
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            return;
        }
        var team = Protocol.ConversationIds.TeamId(context.Turn.Activity);
        IReadOnlyList<string> conversations = team is null
            ? [conversationId]
            : [conversationId, .. (await service.TeamConversationsAsync(team, cancellationToken)).Where(c => c != conversationId)];
        foreach (var conversation in conversations)
        {
            // Removed from a team: every channel of it, General included, says so alike (a QA pass).
            if (await service.ChangeStatusAsync(context, conversation, [SubscriptionStatus.Active, SubscriptionStatus.Paused], SubscriptionStatus.Inactive,
                    team is null ? Reason : TeamReason, "subscription.bot-removed",
                    team is null ? "bot uit het gesprek verwijderd; abonnement inactief" : "bot uit het team verwijderd; abonnement inactief",
                    cancellationToken, asTeamChannel: team is not null))
            {
                Log.SubscriptionInactiveAfterRemoval(logger, conversation);
            }
        }
    }
}
