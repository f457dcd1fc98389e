namespace Briefingbot.Administration;

/// <summary>Settings of the administration area, bound from the <c>Administration</c> section (deprecated: <c>Briefingbot</c>).</summary>
public sealed class AdministrationOptions
{
    public const string SectionName = Settings.ConfigurationSections.Administration;

    /// <summary>The section of release 1.x, still read (with a warning) when <see cref="SectionName"/> is absent.</summary>
    public const string DeprecatedSectionName = "Briefingbot";

    /// <summary>AAD object ids of the admins that no chat command can remove (the bootstrap admins).</summary>
    public IList<string> Admins { get; init; } = [];

    /// <summary>IANA zone for "today" in registers and the default of new subscriptions.</summary>
    public string DefaultTimeZone { get; init; } = "Europe/Amsterdam";

    /// <summary>Default delivery weekday of new subscriptions.</summary>
    public DayOfWeek DefaultDay { get; init; } = DayOfWeek.Monday;

    /// <summary>Default delivery time of new subscriptions (local time in <see cref="DefaultTimeZone"/>).</summary>
    public TimeOnly DefaultTime { get; init; } = new(8, 0);

    /// <summary>
    /// When true, only admins may change the subscription of a team channel or group chat; anyone may still manage
    /// a personal chat's subscription. Default false: see docs/administration.md for why everyone may subscribe.
    /// </summary>
    public bool RestrictSharedSubscriptionsToAdmins { get; init; }
}
