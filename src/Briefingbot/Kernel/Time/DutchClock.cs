using Briefingbot.Dossiers.Text;

namespace Briefingbot.Kernel.Time;

/// <summary>
/// "Today" and "now" as users in the configured zone (default Europe/Amsterdam) see them, read from the injected
/// <see cref="TimeProvider"/>; plus Dutch formatting of dates and moments. The zone is the setting
/// <c>Administration:DefaultTimeZone</c>, handed in by <c>AddAdministration</c> (the kernel reads no settings).
/// </summary>
/// <param name="timeZoneId">IANA zone id; unknown or empty gives UTC.</param>
public sealed class DutchClock(TimeProvider time, string? timeZoneId)
{
    private readonly TimeZoneInfo zone = TimeZones.TryFind(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>"24 november 2026 08:15" in the configured zone.</summary>
    public string FormatMoment(DateTimeOffset moment) => DutchDates.FormatMoment(TimeZoneInfo.ConvertTime(moment, zone));
}
