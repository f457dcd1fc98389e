namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// The mock tenant the Playground plays (its config file, see <see cref="PlaygroundConfigFile"/>). The current user
/// (who types in the UI) is an admin of the bot; Megan is not, and speaks through the Playground's custom-activity
/// route ("Mock an Activity" in its UI).
/// </summary>
public static class PlaygroundIdentities
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string BotName = "Briefingbot";

    public const string AdminUserId = "user-id-0";
    public const string AdminName = "Alex Wilber";
    public const string AdminAadObjectId = "00000000-0000-0000-0000-0000000000020";

    public const string NonAdminUserId = "user-id-1";
    public const string NonAdminName = "Megan Bowen";
    public const string NonAdminAadObjectId = "00000000-0000-0000-0000-0000000000021";

    /// <summary>A staff member (not an admin) in the role walk; also in the config's users.</summary>
    public const string StaffUserId = "user-id-2";
    public const string StaffName = "Adele Vance";
    public const string StaffAadObjectId = "00000000-0000-0000-0000-0000000000022";

    public const string PersonalChatId = "personal-chat-e2e";
    public const string GroupChatId = "group-chat-e2e";
    public const string TeamId = "team-e2e";
    public const string TeamName = "Kamerteam";

    /// <summary>A standard channel of the team (the team id itself is the General channel).</summary>
    public const string EuChannelId = "channel-eu-e2e";
    public const string EuChannelName = "EU-Raden";
}
