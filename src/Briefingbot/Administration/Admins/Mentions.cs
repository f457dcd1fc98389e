using Briefingbot.Protocol.Schema;

namespace Briefingbot.Administration.Admins;

/// <summary>A person named with @ in a message.</summary>
/// <param name="Id">AAD object id where the mention carries one (or its id is a GUID); else the channel user id.</param>
public sealed record MentionedUser(string Id, string? Name, bool IsAadObjectId);

/// <summary>Reads the people @mentioned in an activity (entities of type "mention"), leaving out the bot itself.</summary>
public static class Mentions
{
    public static IReadOnlyList<MentionedUser> People(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        var result = new List<MentionedUser>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned is not { } who)
            {
                continue;
            }
            if (!string.IsNullOrEmpty(botId) && string.Equals(who.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var user = ToUser(who, entity.Text);
            if (user is not null && !result.Any(r => string.Equals(r.Id, user.Id, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(user);
            }
        }
        return result;
    }

    private static MentionedUser? ToUser(ChannelAccount who, string? mentionText)
    {
        var name = who.Name ?? StripAt(mentionText);
        // Teams puts the user's channel id ("29:…") in mentioned.id; the AAD object id is there only in some payloads.
        var aad = AdminDirectory.Normalise(who.AadObjectId);
        if (aad is not null)
        {
            return new MentionedUser(aad, name, IsAadObjectId: true);
        }
        var id = AdminDirectory.Normalise(who.Id);
        if (id is null)
        {
            return null;
        }
        return new MentionedUser(id, name, IsAadObjectId: Guid.TryParse(id, out _));
    }

    private static string? StripAt(string? text) =>
        text is null ? null : text.Replace("<at>", "", StringComparison.OrdinalIgnoreCase).Replace("</at>", "", StringComparison.OrdinalIgnoreCase).Trim();
}
