using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefingbot.Registers.Meetings;

/// <summary>Parses the period of <c>vergaderingen</c>: empty (30 days), "komende 14 dagen", "deze week", "volgende week", "&lt;van&gt; tot &lt;tot&gt;".</summary>
public static partial class MeetingPeriod
{
    public const int DefaultDays = 30;

    /// <summary>The longest period <c>vergaderingen</c> takes (two years), in days.</summary>
    public const int MaxDays = 366 * 2;

    public static bool TryParse(string text, DateOnly today, out DateOnly from, out DateOnly to, out string problem)
    {
        problem = "";
        from = today;
        to = today.AddDays(DefaultDays);
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }
        if (Week().Match(t) is { Success: true } week)
        {
            // "deze week": today up to Sunday; "volgende week": Monday to Sunday of the week after.
            var daysToSunday = ((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7;
            var sunday = today.AddDays(daysToSunday);
            (from, to) = week.Groups["which"].Value.Equals("deze", StringComparison.OrdinalIgnoreCase)
                ? (today, sunday)
                : (sunday.AddDays(1), sunday.AddDays(7));
            return true;
        }
        var next = NextDays().Match(t);
        if (next.Success)
        {
            var days = next.Groups["n"].Success ? int.Parse(next.Groups["n"].Value, CultureInfo.InvariantCulture) : DefaultDays;
            var unit = next.Groups["unit"].Value.ToLowerInvariant();
            days *= unit.StartsWith("we", StringComparison.Ordinal) ? 7 : unit.StartsWith("maand", StringComparison.Ordinal) ? 30 : 1;
            if (days is < 1 or > MaxDays)
            {
                problem = "Kies een periode van 1 dag tot 2 jaar.";
                return false;
            }
            to = today.AddDays(days);
            return true;
        }
        var split = t.Split(" tot ", 2, StringSplitOptions.TrimEntries);
        if (split.Length == 2 && DutchDates.TryParse(split[0].Replace("van ", "", StringComparison.OrdinalIgnoreCase), out var start) && DutchDates.TryParse(split[1], out var end))
        {
            if (end < start || end.DayNumber - start.DayNumber > MaxDays)
            {
                problem = "De einddatum moet na de begindatum liggen, hooguit 2 jaar later.";
                return false;
            }
            (from, to) = (start, end);
            return true;
        }
        problem = "Gebruik `vergaderingen`, `vergaderingen komende 14 dagen` of `vergaderingen 2025-12-01 tot 2025-12-31`.";
        return false;
    }

    [GeneratedRegex(@"^(?<which>deze|volgende)\s+week$", RegexOptions.IgnoreCase)]
    private static partial Regex Week();

    [GeneratedRegex(@"^(?:de\s+)?(?:komende|volgende|next)(?:\s+(?<n>\d{1,6}))?\s+(?<unit>dagen|dag|weken|week|maanden|maand|days|weeks)$", RegexOptions.IgnoreCase)]
    private static partial Regex NextDays();
}
