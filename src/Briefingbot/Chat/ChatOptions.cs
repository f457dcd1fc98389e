namespace Briefingbot.Chat;

/// <summary>Settings of section <c>Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// Channels that do not render Adaptive Cards; they get the same answers as Markdown text. Slack through Azure
    /// Bot Service shows cards as a static image, so it is here by default.
    /// </summary>
    public List<string> TextOnlyChannels { get; set; } = ["slack"];

    /// <summary>How long "meer" remembers a conversation's last search (typed text only; buttons carry their own state).</summary>
    public TimeSpan LastSearchLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Window in which a second install event for the same conversation does not greet again.</summary>
    public TimeSpan WelcomeDeduplicationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time budget of a message-extension search (Teams allows 5 s for the whole answer).</summary>
    public TimeSpan MessageExtensionTimeout { get; set; } = TimeSpan.FromSeconds(4);

    public bool IsTextOnly(string? channelId) =>
        channelId is not null && TextOnlyChannels.Any(c => string.Equals(c, channelId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a channel gets Adaptive Cards, for senders outside a turn (scheduled briefings, letter alerts) that may
    /// run without the chat's settings registered: then the defaults (Slack text only).
    /// </summary>
    public static bool SupportsCards(Microsoft.Extensions.Options.IOptions<ChatOptions>? options, string? channelId) =>
        !(options?.Value ?? new ChatOptions()).IsTextOnly(channelId);
}
