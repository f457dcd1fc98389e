using System.Globalization;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Sync;

namespace Briefingbot.Sources.Registers;

/// <summary>
/// Which activities enter the meeting register, and as what: a followed kind (default Commissiedebat) whose onderwerp
/// names a followed committee topic (default the EU Councils and NAVO), not cancelled. It becomes an imported meeting
/// keyed by kind, onderwerp and date, with the times and the lead committee in its title.
/// </summary>
public static class CommitteeActivities
{
    private static readonly string[] CancelledStatuses = ["geannuleerd", "vervallen", "verplaatst"];

    public static MeetingWrite? MeetingOf(TkActiviteit a, TweedeKamerSourceOptions options)
    {
        if (a.Deleted || a.Datum is not { } date || string.IsNullOrWhiteSpace(a.Onderwerp) || string.IsNullOrWhiteSpace(a.Soort))
        {
            return null;
        }
        if (!options.ActivityKinds.Any(k => string.Equals(k.Trim(), a.Soort.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        if (!options.Committees.Any(c => !string.IsNullOrWhiteSpace(c) && a.Onderwerp.Contains(c.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        if (a.Status is { } status && CancelledStatuses.Any(s => status.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var onderwerp = a.Onderwerp.Trim();
        var type = $"{a.Soort.Trim()} {onderwerp}";
        if (type.Length > 150)
        {
            type = type[..150].TrimEnd();
        }
        var times = a.Aanvang is { } from
            ? a.Einde is { } to ? $"{Hm(from)}–{Hm(to)}" : $"vanaf {Hm(from)}"
            : null;
        // The title is what the register shows instead of the type's name: the debate, its times and lead committee.
        var title = type + (times is null ? "" : ", " + times) + (string.IsNullOrWhiteSpace(a.Voortouwnaam) ? "" : $" ({a.Voortouwnaam.Trim()})");
        var key = $"{type}|{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return new MeetingWrite(key, type, date, "Tweede Kamer", title);
    }

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
