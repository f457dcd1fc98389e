using System.Text.Json;
using Briefingbot.Protocol.Schema;

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

    /// <summary>
    /// The Teams team an activity comes from (<c>channelData.team.id</c>, else <c>channelData.teamsTeamId</c>); null in
    /// personal and group chats and on channels other than <c>msteams</c>. A team's id is its General channel's conversation id; its
    /// other channels have ids of their own, so this is the only way to know a channel's team.
    /// </summary>
    public static string? TeamId(Activity activity)
    {
        // Only Teams says which team: on other channels (Direct Line, Web Chat) the client writes channelData itself,
        // and a forged team id on a removal would turn off that team's subscriptions (a review).
        if (!string.Equals(activity.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase)
            || activity.ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }
        if (data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            && team.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(id.GetString()))
        {
            return id.GetString()!.Trim();
        }
        return data.TryGetProperty("teamsTeamId", out var teamsTeamId) && teamsTeamId.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(teamsTeamId.GetString())
            ? teamsTeamId.GetString()!.Trim()
            : null;
    }
}
