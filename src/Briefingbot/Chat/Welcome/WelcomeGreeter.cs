using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;

namespace Briefingbot.Chat.Welcome;

/// <summary>
/// Greets once when the bot is added to a team, group chat or personal chat. Teams sends both an
/// installationUpdate (action "add") and a conversationUpdate with the bot in membersAdded for one install, so
/// either may greet and <see cref="IConversationState.TryMarkWelcomedAsync"/> keeps it to one card. An app upgrade
/// ("add-upgrade") is not a new arrival and gets no greeting. When the bot is removed the mark is forgotten, so adding
/// it again greets again; a subscription the removal turned off is then named, with how to turn it back on.
/// </summary>
public sealed class WelcomeGreeter(IConversationState state, ChatResponder responder, ILogger<WelcomeGreeter> logger, ISubscriptionStore? subscriptions = null)
{
    /// <summary>The bot itself left: installationUpdate "remove", or a conversationUpdate with the bot in membersRemoved.</summary>
    public static bool IsBotRemoved(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase),
        ActivityTypes.ConversationUpdate => activity.MembersRemoved?.Any(m => m?.Id is not null && m.Id == activity.Recipient?.Id) == true,
        _ => false,
    };

    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await state.ForgetWelcomedAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsBotAdded(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase),
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true,
        _ => false,
    };

    public async Task GreetIfAddedAsync(ITurnContext turn, bool supportsCards, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!IsBotAdded(activity) || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return;
        }
        if (!await state.TryMarkWelcomedAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var conversationType = activity.Conversation.ConversationType
            ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal");
        var context = new CommandContext(turn, "welcome", "", null) { SupportsCards = supportsCards };
        var earlier = await EarlierSubscriptionAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var otherChannels = await EarlierTeamChannelsAsync(activity, cancellationToken).ConfigureAwait(false);
        await responder.SendAsync(context, WelcomeCard.Create(conversationType, earlier, otherChannels), cancellationToken).ConfigureAwait(false);
        logger.Welcomed(conversationId, conversationType);
    }

    /// <summary>
    /// How many other channels of the team the bot was added to have a subscription that is off (its removal from the
    /// team turned them off; the welcome arrives in the General channel only).
    /// </summary>
    private async Task<int> EarlierTeamChannelsAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (subscriptions is null || ConversationIds.TeamId(activity) is not { } team)
        {
            return 0;
        }
        var own = ConversationIds.WithoutThread(activity.Conversation!.Id!);
        try
        {
            var count = 0;
            foreach (var conversation in await subscriptions.ListTeamConversationsAsync(team, cancellationToken).ConfigureAwait(false))
            {
                if (conversation != own
                    && await subscriptions.GetAsync(conversation, cancellationToken).ConfigureAwait(false) is { Status: SubscriptionStatus.Inactive })
                {
                    count++;
                }
            }
            return count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ConversationStateFailed("subscription", own, ex);
            return 0;
        }
    }

    /// <summary>The subscription the bot's removal turned off, if any (topics and schedule are kept for <c>abonneer</c>).</summary>
    private async Task<Subscription?> EarlierSubscriptionAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (subscriptions is null)
        {
            return null;
        }
        try
        {
            var subscription = await subscriptions.GetAsync(ConversationIds.WithoutThread(conversationId), cancellationToken).ConfigureAwait(false);
            return subscription is { Status: SubscriptionStatus.Inactive } ? subscription : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The welcome matters more than the note: greet without it.
            logger.ConversationStateFailed("subscription", conversationId, ex);
            return null;
        }
    }
}
