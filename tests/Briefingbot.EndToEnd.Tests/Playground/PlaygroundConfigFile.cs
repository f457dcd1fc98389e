using System.Text;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// Writes the Playground's YAML config (<c>.m365agentsplayground.yml</c> schema 0.1.1; found through
/// M365_AGENTS_PLAYGROUND_CONFIG_PATH). It fixes the tenant, the bot, the users with their aadObjectIds (the bot's
/// admin check reads <c>from.aadObjectId</c>) and the conversation ids, so tests can address them. The schema
/// requires at least five other users.
/// </summary>
public static class PlaygroundConfigFile
{
    public static string Write(string directory)
    {
        var yaml = new StringBuilder()
            .AppendLine("version: \"0.1.1\"")
            .AppendLine($"tenantId: {TenantId}")
            .AppendLine("bot:")
            .AppendLine($"  id: {BotId}")
            .AppendLine($"  name: {BotName}")
            .AppendLine("currentUser:");
        AppendUser(yaml, "  ", AdminUserId, AdminName, "alexw", AdminAadObjectId);
        yaml.AppendLine("users:");
        AppendUser(yaml, "  - ", NonAdminUserId, NonAdminName, "meganb", NonAdminAadObjectId);
        AppendUser(yaml, "  - ", "user-id-2", "Adele Vance", "adelev", "00000000-0000-0000-0000-0000000000022");
        AppendUser(yaml, "  - ", "user-id-3", "Isaiah Langer", "isaiahl", "00000000-0000-0000-0000-0000000000023");
        AppendUser(yaml, "  - ", "user-id-4", "Patti Fernandez", "pattif", "00000000-0000-0000-0000-0000000000024");
        AppendUser(yaml, "  - ", "user-id-5", "Lynne Robbins", "lynner", "00000000-0000-0000-0000-0000000000025");
        yaml.AppendLine("personalChat:")
            .AppendLine($"  id: {PersonalChatId}")
            .AppendLine("groupChat:")
            .AppendLine($"  id: {GroupChatId}")
            .AppendLine("  name: Groepschat")
            .AppendLine("team:")
            .AppendLine($"  id: {TeamId}")
            .AppendLine($"  name: {TeamName}")
            .AppendLine("  aadGroupId: 00000000-0000-0000-0000-000000000031")
            .AppendLine("  channels:")
            .AppendLine($"    - id: {EuChannelId}")
            .AppendLine($"      name: {EuChannelName}");

        var path = Path.Combine(directory, ".m365agentsplayground.yml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static void AppendUser(StringBuilder yaml, string first, string id, string name, string alias, string aadObjectId)
    {
        var indent = new string(' ', first.Length);
        var parts = name.Split(' ');
        yaml.AppendLine($"{first}id: {id}")
            .AppendLine($"{indent}name: {name}")
            .AppendLine($"{indent}userPrincipleName: {alias}@example.com")
            .AppendLine($"{indent}aadObjectId: {aadObjectId}")
            .AppendLine($"{indent}givenName: {parts[0]}")
            .AppendLine($"{indent}surname: {parts[^1]}")
            .AppendLine($"{indent}email: {alias}@example.com");
    }
}
