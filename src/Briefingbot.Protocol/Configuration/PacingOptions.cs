namespace Briefingbot.Protocol.Configuration;

/// <summary>
/// Outbound pacing, so the bot stays under the Teams rate limits instead of relying on 429s. Defaults are the
/// published limits: per bot per conversation 7/1 s, 8/2 s, 60/30 s, 1800/1 h; per app per tenant 50/1 s.
/// Setting a list in configuration replaces the default list.
/// </summary>
public sealed class PacingOptions
{
    internal static readonly RateLimitWindow[] DefaultPerConversation =
    [
        new() { PermitLimit = 7, Window = TimeSpan.FromSeconds(1) },
        new() { PermitLimit = 8, Window = TimeSpan.FromSeconds(2) },
        new() { PermitLimit = 60, Window = TimeSpan.FromSeconds(30) },
        new() { PermitLimit = 1800, Window = TimeSpan.FromHours(1) },
    ];

    internal static readonly RateLimitWindow[] DefaultPerTenant =
    [
        new() { PermitLimit = 50, Window = TimeSpan.FromSeconds(1) },
    ];

    /// <summary><c>Bot:Pacing:PerConversation</c>: limits per conversation (replies and proactive sends).</summary>
    public IList<RateLimitWindow>? PerConversation { get; set; }

    /// <summary><c>Bot:Pacing:PerTenant</c>: limits per tenant (proactive sends).</summary>
    public IList<RateLimitWindow>? PerTenant { get; set; }

    /// <summary>How many sends may wait for a permit per conversation or tenant before a send is refused as throttled.</summary>
    public int QueueLimit { get; set; } = 1000;

    internal IReadOnlyList<RateLimitWindow> EffectivePerConversation => PerConversation is { Count: > 0 } list ? [.. list] : DefaultPerConversation;

    internal IReadOnlyList<RateLimitWindow> EffectivePerTenant => PerTenant is { Count: > 0 } list ? [.. list] : DefaultPerTenant;
}

/// <summary>At most <see cref="PermitLimit"/> sends per sliding <see cref="Window"/>.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
