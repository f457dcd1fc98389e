using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Turns;

/// <summary>Building conversation references, and when an inbound activity is worth storing one for.</summary>
internal static class ConversationReferences
{
    public static ConversationReference From(Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        // The reference is to the conversation (the channel), not to the thread this message happens to be in:
        // proactive sends start a new post in the channel.
        Conversation = activity.Conversation is { } c
            ? new ConversationAccount
            {
                Id = c.Id is null ? null : ConversationIds.WithoutThread(c.Id),
                Name = c.Name,
                IsGroup = c.IsGroup,
                ConversationType = c.ConversationType,
                TenantId = c.TenantId,
                AdditionalProperties = c.AdditionalProperties,
            }
            : null,
        ChannelId = activity.ChannelId,
        ServiceUrl = activity.ServiceUrl,
        Locale = activity.Locale,
    };

    /// <summary>
    /// Every message (the serviceUrl of a conversation can change, the latest one wins), the bot's installation, and a
    /// conversationUpdate that adds the bot itself (a team or group chat it was just added to). Removals are not
    /// stored: proactive sends there would only meet 403/404.
    /// </summary>
    public static bool ShouldCapture(Activity activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return true;
            case ActivityTypes.InstallationUpdate:
                return activity.Action is null
                    || !activity.Action.StartsWith("remove", StringComparison.OrdinalIgnoreCase);
            case ActivityTypes.ConversationUpdate:
                var botId = activity.Recipient?.Id;
                return !string.IsNullOrEmpty(botId)
                    && activity.MembersAdded?.Any(m => string.Equals(m?.Id, botId, StringComparison.Ordinal)) == true;
            default:
                return false;
        }
    }
}
