using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Chat.Welcome;

/// <summary>
/// Greets once when the bot is added to a team, group chat or personal chat. Teams sends both an
/// installationUpdate (action "add") and a conversationUpdate with the bot in membersAdded for one install, so
/// either may greet and <see cref="IConversationState.TryMarkWelcomedAsync"/> keeps it to one card. An app upgrade
/// ("add-upgrade") is not a new arrival and gets no greeting.
/// </summary>
public sealed class WelcomeGreeter(IConversationState state, ChatResponder responder, ILogger<WelcomeGreeter> logger)
{
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
        await responder.SendAsync(context, WelcomeCard.Create(conversationType), cancellationToken).ConfigureAwait(false);
        logger.Welcomed(conversationId, conversationType);
    }
}
