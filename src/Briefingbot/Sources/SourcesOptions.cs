using System.ComponentModel.DataAnnotations;

namespace Briefingbot.Sources;

/// <summary>Settings of the <c>Sources</c> section: the live sources (off by default; the seeds stay the default corpus).</summary>
public sealed class SourcesOptions
{
    public const string SectionName = "Sources";

    public TweedeKamerSourceOptions TweedeKamer { get; set; } = new();

    public OfficieleBekendmakingenOptions OfficieleBekendmakingen { get; set; } = new();
}

/// <summary><c>Sources:TweedeKamer</c>: the Gegevensmagazijn SyncFeed.</summary>
public sealed class TweedeKamerSourceOptions
{
    public const string DefaultBaseUrl = "https://gegevensmagazijn.tweedekamer.nl";

    /// <summary>Turns the hourly sync (and the first run at start-up) on.</summary>
    public bool Enabled { get; set; }

    [Required]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Time between scheduled runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where a fresh start begins (a category without a cursor). Unset: <see cref="StartDaysBack"/> days ago.</summary>
    public DateOnly? StartDate { get; set; }

    [Range(1, 3650)]
    public int StartDaysBack { get; set; } = 90;

    /// <summary>Document kinds (Document.soort) that become letters.</summary>
    public string[] DocumentKinds { get; set; } =
    [
        "Brief regering",
        "Verslag van een schriftelijk overleg",
        "Nota naar aanleiding van het verslag",
        "Antwoord schriftelijke vragen",
    ];

    /// <summary>Kamerstuk dossiers to follow, e.g. "21501-28" or "36600"; empty = every dossier.</summary>
    public string[] Dossiers { get; set; } = [];

    /// <summary>Activity kinds (Activiteit.soort) that can enter the meeting register.</summary>
    public string[] ActivityKinds { get; set; } = ["Commissiedebat"];

    /// <summary>An activity enters the meeting register when its onderwerp contains one of these (case-insensitive).</summary>
    public string[] Committees { get; set; } =
    [
        "Raad Buitenlandse Zaken",
        "Raad Algemene Zaken",
        "Europese Raad",
        "Eurogroep",
        "Ecofinraad",
        "NAVO",
    ];

    /// <summary>Pause between two requests to the same host (one request at a time).</summary>
    public TimeSpan RequestInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries of one request after 429, 5xx, a timeout or an unreadable (truncated) page.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The longest single back-off (a larger Retry-After ends the run; the next run resumes from the cursor).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Feed pages per category per run (bounds one run; the next run continues).</summary>
    [Range(1, 1_000_000)]
    public int MaxPagesPerRun { get; set; } = 400;

    /// <summary>Documents whose text failed earlier that one run tries again.</summary>
    [Range(0, 100_000)]
    public int RetryFailedPerRun { get; set; } = 50;

    /// <summary>Files larger than this are recorded as failed (reason: too large), not downloaded.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary><c>Sources:OfficieleBekendmakingen</c>: structured Kamerstuk XML (cleaner text than the PDF).</summary>
public sealed class OfficieleBekendmakingenOptions
{
    public const string DefaultBaseUrl = "https://zoek.officielebekendmakingen.nl";

    [Required]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Try the kst-…xml first when a Kamerstuk id can be formed.</summary>
    public bool UseXml { get; set; } = true;
}
