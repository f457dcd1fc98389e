namespace Briefingbot.Cards;

/// <summary>Settings of section <c>Cards</c>.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    /// <summary>Folder with the templates; relative paths are taken from the application folder (the build copies cards/ there).</summary>
    public string TemplatesPath { get; set; } = "cards";

    /// <summary>Teams' limit for one card (28 KB); larger answers are made compact or cut.</summary>
    public int MaxCardBytes { get; set; } = 28 * 1024;

    /// <summary>
    /// The bot's public base URL (e.g. <c>https://briefingbot.example.org</c>), for links on cards to its own
    /// endpoints such as <c>/calendar.ics</c>. Empty: taken from the request that carried the activity. Set it where a
    /// proxy changes the scheme or host (absolute http(s) URL, no query).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
