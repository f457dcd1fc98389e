using Briefingbot.Dossiers.Text;
using Microsoft.Extensions.Options;

namespace Briefingbot.Administration.Text;

/// <summary>
/// "Today" and "now" as users in the configured zone (default Europe/Amsterdam) see them, read from the injected
/// <see cref="TimeProvider"/>; plus Dutch formatting of dates and moments.
/// </summary>
public sealed class DutchClock(TimeProvider time, IOptions<AdministrationOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZones.TryFind(options.Value.DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>"24 november 2026 08:15" in the configured zone.</summary>
    public string FormatMoment(DateTimeOffset moment) => DutchDates.FormatMoment(TimeZoneInfo.ConvertTime(moment, zone));
}
