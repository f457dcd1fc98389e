namespace Briefingbot.Registers.Calendar;

/// <summary>Calendar exchange settings (section <c>Briefingbot:Calendar</c>).</summary>
public sealed class CalendarOptions
{
    public const string SectionName = Settings.ConfigurationSections.Calendar;

    /// <summary>The section of release 1.x, still read (with a warning) when <see cref="SectionName"/> is absent.</summary>
    public const string DeprecatedSectionName = "Briefingbot:Calendar";

    /// <summary>Largest .ics file an import reads (bytes).</summary>
    public int MaxImportBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Most events one import takes.</summary>
    public int MaxImportEvents { get; init; } = 5000;

    /// <summary>Time limit for downloading an .ics file.</summary>
    public TimeSpan ImportTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Whether imports may fetch from loopback and private networks. Off by default: the bot must not become a way
    /// to reach internal services (SSRF). Tests and local set-ups switch it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>How many days back the feed reaches, so a meeting does not vanish from calendars the day it starts.</summary>
    public int FeedPastDays { get; init; } = 30;

    /// <summary>Calendar name shown by Outlook and others (X-WR-CALNAME).</summary>
    public string FeedName { get; init; } = "Briefingbot: EU-vergaderingen";
}
