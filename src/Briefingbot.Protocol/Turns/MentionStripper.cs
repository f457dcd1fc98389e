using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Turns;

/// <summary>
/// In Teams channels and group chats the bot only hears messages that @mention it, and the mention is part of the
/// text (<c>&lt;at&gt;Briefingbot&lt;/at&gt; zoek drones</c>). Commands must not see it, so the bot's own mention
/// (an entity of type <c>mention</c> whose <c>mentioned.id</c> is the recipient) is removed; mentions of other
/// people stay, they may be part of what the user means.
/// </summary>
internal static class MentionStripper
{
    public static string? StripBotMention(Activity activity)
    {
        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text;
        }

        var stripped = false;
        foreach (var entity in activity.Entities)
        {
            if (entity is null
                || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            // The entity's text is the literal markup; some channels leave it out, then the bot's name is the guess.
            var markup = !string.IsNullOrEmpty(entity.Text) ? entity.Text
                : activity.Recipient?.Name is { Length: > 0 } name ? $"<at>{name}</at>"
                : null;
            if (markup is not null && text.Contains(markup, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);
                stripped = true;
            }
        }

        // Teams pads the mention with &nbsp; in HTML-formatted text.
        return stripped ? text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Trim() : text;
    }
}
