using System.Text.RegularExpressions;
using Briefingbot.Registers.Meetings;

namespace Briefingbot.Tests.Registers;

public sealed class MeetingCoverageTests
{
    [Theory]
    // The register lies before the asked period: the last two years of it.
    [InlineData("2026-12-07", "2027-01-06", "2024-01-18", "2026-01-19", true)]
    // The register lies after it: its first two years.
    [InlineData("2019-01-01", "2019-01-31", "2020-12-03", "2022-12-05", false)]
    // The asked period lies inside it (no meeting in it): two years around it.
    [InlineData("2023-06-01", "2023-06-30", "2022-05-31", "2024-06-01", false)]
    public void The_range_it_offers_for_a_register_of_more_than_two_years_is_one_the_command_takes(string from, string to, string start, string end, bool offersAsOf)
    {
        // A QA pass: the note offered `vergaderingen 2020-12-03 tot 2026-01-19`, and that command refused the period.
        var coverage = new MeetingCoverage(15, new DateOnly(2020, 12, 3), new DateOnly(2026, 1, 19));

        var note = coverage.EmptyNote(DateOnly.Parse(from), DateOnly.Parse(to));

        Assert.Contains($"`vergaderingen {start} tot {end}`", note, StringComparison.Ordinal);
        var offered = Regex.Match(note, "`vergaderingen ([^`]+ tot [^`]+)`").Groups[1].Value;
        Assert.True(MeetingPeriod.TryParse(offered, new DateOnly(2026, 12, 7), out _, out _, out var problem), problem);
        // As of a day before its first meeting the register knows none of them: no such offer (a QA pass went in a loop).
        Assert.Equal(offersAsOf, note.Contains("`vergaderingen --per", StringComparison.Ordinal));
    }

    [Fact]
    public void A_register_of_less_than_two_years_is_offered_whole()
    {
        var coverage = new MeetingCoverage(5, new DateOnly(2025, 3, 6), new DateOnly(2025, 12, 18));

        Assert.Contains("`vergaderingen 2025-03-06 tot 2025-12-18`", coverage.EmptyNote(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 24)), StringComparison.Ordinal);
    }

    /// <summary>A period too long is said so, not answered with the usage (a QA pass: "komende 1000 weken").</summary>
    [Theory]
    [InlineData("komende 1000 weken")]
    [InlineData("komende 999999 dagen")]
    [InlineData("komende 0 dagen")]
    public void A_period_out_of_range_is_named(string text)
    {
        Assert.False(MeetingPeriod.TryParse(text, new DateOnly(2026, 12, 7), out _, out _, out var problem));
        Assert.Equal("Kies een periode van 1 dag tot 2 jaar.", problem);
    }

    /// <summary>A meeting soon after an empty period is offered, not a window of two years (a QA pass: `vergaderingen deze week`).</summary>
    [Fact]
    public void The_next_meeting_after_an_empty_period_is_offered()
    {
        var coverage = new MeetingCoverage(17, new DateOnly(2020, 12, 3), new DateOnly(2026, 12, 15)) { NextAfterPeriod = new DateOnly(2026, 12, 15) };

        var note = coverage.EmptyNote(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13));

        Assert.Contains("De eerstvolgende is op 15 december 2026. Bekijk ze met `vergaderingen 2026-12-15 tot 2027-01-14`.", note, StringComparison.Ordinal);
        Assert.True(MeetingPeriod.TryParse("2026-12-15 tot 2027-01-14", new DateOnly(2026, 12, 7), out _, out _, out _));
    }
}
