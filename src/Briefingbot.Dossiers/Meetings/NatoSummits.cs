namespace Briefingbot.Dossiers.Meetings;

/// <summary>A NATO summit from the table of known summits.</summary>
public sealed record NatoSummit(string Place, DateOnly Start, DateOnly End);

/// <summary>
/// The NATO summits a letter may name without any date ("de recente NAVO-top in Den Haag", "tijdens de NAVO-top"); a
/// summit written with its month ("in juli 2023") keeps month precision. Meetings dated from this table carry <see cref="DatePrecision.Inferred"/> and
/// <see cref="ExtractedMeeting.DateSource"/> = <see cref="Source"/>; a summit not in the table stays undated (or month-precise).
/// </summary>
public static class NatoSummits
{
    /// <summary>The marker of dates taken from this table.</summary>
    public const string Source = "navo-toppentabel";

    public static IReadOnlyList<NatoSummit> Known { get; } =
    [
        new("Brussel", new(2017, 5, 25), new(2017, 5, 25)),
        new("Brussel", new(2018, 7, 11), new(2018, 7, 12)),
        new("Londen", new(2019, 12, 3), new(2019, 12, 4)),
        new("Brussel", new(2021, 6, 14), new(2021, 6, 14)),
        new("Madrid", new(2022, 6, 28), new(2022, 6, 30)),
        new("Vilnius", new(2023, 7, 11), new(2023, 7, 12)),
        new("Washington", new(2024, 7, 9), new(2024, 7, 11)),
        new("Den Haag", new(2025, 6, 24), new(2025, 6, 25)),
        new("Ankara", new(2026, 7, 7), new(2026, 7, 8)),
    ];

    private static readonly Dictionary<string, string> PlaceAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["den haag"] = "Den Haag", ["the hague"] = "Den Haag", ["'s-gravenhage"] = "Den Haag", ["haag"] = "Den Haag",
        ["washington"] = "Washington", ["vilnius"] = "Vilnius", ["madrid"] = "Madrid", ["brussel"] = "Brussel",
        ["brussels"] = "Brussel", ["londen"] = "Londen", ["london"] = "Londen", ["watford"] = "Londen", ["ankara"] = "Ankara",
    };

    /// <summary>The summit in <paramref name="place"/>, in <paramref name="year"/>/<paramref name="month"/> when given, nearest to <paramref name="reference"/> otherwise.</summary>
    public static NatoSummit? ByPlace(string place, int? year, int? month, DateOnly? reference)
    {
        if (!PlaceAliases.TryGetValue(place.Trim(), out var canonical))
        {
            return null;
        }
        var candidates = Known.Where(s => s.Place == canonical
            && (year is null || s.Start.Year == year) && (month is null || s.Start.Month == month)).ToList();
        if (candidates.Count <= 1 || reference is not { } r)
        {
            return candidates.Count == 1 ? candidates[0] : null;
        }
        return candidates.OrderBy(s => Math.Abs(s.Start.DayNumber - r.DayNumber)).First();
    }

    /// <summary>
    /// An unnamed summit relative to a letter's date: "recente/afgelopen/vorige" = the last one on or before it,
    /// "komende/aanstaande/volgende" = the first one after it, neither = the nearest within a year (a letter of
    /// August 2025 about "de NAVO-top" means Den Haag, June 2025).
    /// </summary>
    public static NatoSummit? Relative(DateOnly reference, int direction)
    {
        if (direction < 0)
        {
            return Known.LastOrDefault(s => s.Start <= reference);
        }
        if (direction > 0)
        {
            return Known.FirstOrDefault(s => s.Start > reference);
        }
        var nearest = Known.OrderBy(s => Math.Abs(s.Start.DayNumber - reference.DayNumber)).First();
        return Math.Abs(nearest.Start.DayNumber - reference.DayNumber) <= 366 ? nearest : null;
    }
}
