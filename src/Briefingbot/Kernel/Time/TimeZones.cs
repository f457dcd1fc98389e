using System.Diagnostics.CodeAnalysis;

namespace Briefingbot.Kernel.Time;

/// <summary>Looks up IANA time zones the way users type them ("Europe/Amsterdam", "europe/amsterdam").</summary>
public static class TimeZones
{
    /// <summary>
    /// Finds an IANA zone. Exact first (<see cref="TimeZoneInfo.FindSystemTimeZoneById"/>), then case-insensitively,
    /// because on Linux the lookup is a case-sensitive file path. Windows ids are refused: subscriptions store IANA ids.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        var trimmed = id.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found) && IsIana(found.Id))
        {
            zone = found;
            return true;
        }
        var match = TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, trimmed, StringComparison.OrdinalIgnoreCase) && IsIana(z.Id));
        if (match is not null)
        {
            zone = match;
            return true;
        }
        return false;
    }

    private static bool IsIana(string id) =>
        id.Contains('/', StringComparison.Ordinal) || id is "UTC" or "Etc/UTC" || TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
}
