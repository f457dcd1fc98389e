using Briefingbot.Dossiers.Text;
using System.Globalization;
using Briefingbot.Kernel.Time;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>A parsed <c>schema</c> request: weekday, local time and (optionally) an IANA zone.</summary>
public sealed record ScheduleRequest(DayOfWeek Day, TimeOnly Time, TimeZoneInfo? Zone);

/// <summary>Parses "maandag 08:00 [Europe/Amsterdam]" (also "ma 8:00", "maandag 8.30", "vrijdag 16u").</summary>
public static class ScheduleArguments
{
    public static bool TryParse(string arguments, out ScheduleRequest? request, out string problem)
    {
        request = null;
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // What is wrong, not the usage again (a QA pass: `schema zondag` and a zone of several words got only the usage).
        if (parts.Length == 1 && DutchDates.TryParseWeekday(parts[0], out _))
        {
            problem = $"Noem ook de tijd, bijvoorbeeld `schema {parts[0].ToLowerInvariant()} 08:00`.";
            return false;
        }
        if (parts.Length < 2)
        {
            problem = "Gebruik `schema <dag> <tijd> [tijdzone]`, bijvoorbeeld `schema maandag 08:00 Europe/Amsterdam`.";
            return false;
        }
        if (!DutchDates.TryParseWeekday(parts[0], out var day))
        {
            problem = $"‘{parts[0]}’ is geen dag van de week; gebruik maandag, dinsdag, … of zondag.";
            return false;
        }
        if (!TryParseTime(parts[1], out var time))
        {
            problem = $"‘{parts[1]}’ is geen tijd; gebruik bijvoorbeeld 08:00 of 16:30.";
            return false;
        }
        TimeZoneInfo? zone = null;
        var zoneText = string.Join(' ', parts.Skip(2));
        if (zoneText.Length > 0 && !TimeZones.TryFind(zoneText, out zone))
        {
            // A Windows name ("W. Europe Standard Time") has an IANA one: offered.
            var iana = TimeZoneInfo.TryConvertWindowsIdToIanaId(zoneText, out var converted) ? $" (voor ‘{zoneText}’ is dat {converted})" : "";
            problem = $"‘{(zoneText.Length > 60 ? zoneText[..60] + "…" : zoneText)}’ is geen bekende tijdzone; gebruik een IANA-naam zoals Europe/Amsterdam of Europe/Brussels{iana}.";
            return false;
        }
        request = new ScheduleRequest(day, time, zone);
        problem = "";
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        var t = text.Trim().ToLowerInvariant().TrimEnd('u').Replace('.', ':');
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and < 24)
        {
            time = new TimeOnly(hour, 0);
            return true;
        }
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
