namespace Briefingbot.Protocol;

/// <summary>Conversation id conventions of the channels.</summary>
public static class ConversationIds
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>
    /// The conversation a thread belongs to. In a Teams channel every post starts a thread whose conversation id is
    /// the channel's id plus <c>;messageid=&lt;root post&gt;</c>; settings that belong to the channel (subscriptions) and
    /// proactive sends (a new post in the channel) must use the channel's own id. Other ids are returned unchanged.
    /// </summary>
    public static string WithoutThread(string conversationId)
    {
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        return marker > 0 ? conversationId[..marker] : conversationId;
    }
}
