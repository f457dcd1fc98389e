namespace Briefingbot.Dossiers.Meetings;

/// <summary>
/// Resolves a day and month without a year against a reference date (the letter's date): "a.s." (aanstaande) is the
/// first such day on or after it, "jl." (jongstleden) the last one on or before it, and a bare "12 december" the one
/// nearest to it. A December letter about "de Europese Raad van 19 maart a.s." therefore means March of the next year.
/// </summary>
public static class MeetingDateResolver
{
    public static DateOnly? Resolve(int day, int month, int? year, string? relative, DateOnly? reference)
    {
        if (year is { } y)
        {
            return Create(y, month, day);
        }
        if (reference is not { } r)
        {
            return null;
        }
        var candidates = new[] { r.Year - 1, r.Year, r.Year + 1 }.Select(cy => Create(cy, month, day)).OfType<DateOnly>().ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        return relative switch
        {
            "a.s." => candidates.Where(c => c >= r).Cast<DateOnly?>().FirstOrDefault(),
            "jl." => candidates.Where(c => c <= r).Cast<DateOnly?>().LastOrDefault(),
            _ => candidates.OrderBy(c => Math.Abs(c.DayNumber - r.DayNumber)).First(),
        };
    }

    private static DateOnly? Create(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
