using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Dossiers.Tests.Meetings;

public class MeetingExtractorTests
{
    private readonly MeetingExtractor _extractor = new();

    private static Letter Parse(string body, string? date) =>
        new LetterParser().Parse("m.txt", (date is null ? "" : $"Brief regering : Test\n{date}\n\n") + body + "\n");

    [Fact]
    public void Undated_agenda_letter_yields_the_december_2025_meetings()
    {
        var keys = _extractor.Extract(SeedCorpus.Get("004")).Select(m => m.Key).ToHashSet();
        Assert.Contains("RBZ Defensie|2025-12-01", keys);
        Assert.Contains("Ecofin|2025-12-12", keys);
        Assert.Contains("Europese Raad|2025-12-18", keys);
        Assert.Contains("EP-plenaire|2026-01-19", keys);
        // The letter annotates the RBZ Defensie of 1 December 2025, so it precedes it: that meeting and later ones are
        // upcoming, "jl." meetings past (issue 15: upcoming/past relative to a headerless letter).
        var meetings = _extractor.Extract(SeedCorpus.Get("004"));
        Assert.All(meetings.Where(m => m.StartDate >= new DateOnly(2025, 12, 1)), m => Assert.True(m.IsAfterLetter));
        Assert.All(meetings.Where(m => m.Key == "Europese Raad|2025-10-23"), m => Assert.False(m.IsAfterLetter));
    }

    [Fact]
    public void Range_is_one_meeting_with_start_and_end()
    {
        var m = Assert.Single(_extractor.Extract(SeedCorpus.Get("000")), x => x.StartDate == new DateOnly(2025, 6, 26));
        Assert.Equal(MeetingTypes.EuropeseRaad, m.Type);
        Assert.Equal(new DateOnly(2025, 6, 27), m.EndDate);
        Assert.True(m.IsAfterLetter);
        Assert.Equal("Europese Raad|2025-06-26", m.Key);
        var raw = System.Text.RegularExpressions.Regex.Replace(SeedCorpus.Get("000").RawText[m.Start..m.End], @"\s+", " ");
        Assert.StartsWith("Europese Raad van", raw, StringComparison.Ordinal);
        Assert.EndsWith("26–27 juni a.s.", raw, StringComparison.Ordinal);
        Assert.Equal("Europese Raad van 26–27 juni a.s.", m.MentionText);
    }

    [Fact]
    public void Aanstaande_in_a_december_letter_means_next_year()
    {
        var m = Assert.Single(_extractor.Extract(Parse("Het kabinet bereidt de Europese Raad van 19 maart a.s. voor.", "Den Haag, 15 december 2025")));
        Assert.Equal(new DateOnly(2026, 3, 19), m.StartDate);
        Assert.True(m.IsAfterLetter);
    }

    [Fact]
    public void Jongstleden_in_a_january_letter_means_last_year()
    {
        var m = Assert.Single(_extractor.Extract(Parse("Tijdens de Ecofinraad van 12 december jl. is gesproken over Oekraïne.", "Den Haag, 10 januari 2026")));
        Assert.Equal(new DateOnly(2025, 12, 12), m.StartDate);
        Assert.False(m.IsAfterLetter);
        Assert.Equal(MeetingTypes.Ecofin, m.Type);
    }

    [Fact]
    public void Missing_year_without_aanstaande_takes_the_nearest_date()
    {
        var m = Assert.Single(_extractor.Extract(Parse("De RBZ Defensie van 3 januari zal spreken over Oekraïne.", "Den Haag, 20 december 2025")));
        Assert.Equal(new DateOnly(2026, 1, 3), m.StartDate);
        Assert.Equal(MeetingTypes.RbzDefensie, m.Type);
    }

    [Theory]
    [InlineData("de Raad Buitenlandse Zaken van 14 april 2025", "RBZ")]
    [InlineData("de Raad Buitenlandse Zaken (Defensie) van 20 mei 2025", "RBZ Defensie")]
    [InlineData("de Raad Algemene Zaken van 27 mei 2025", "RAZ")]
    [InlineData("de Gymnich van 29 augustus 2025", "Gymnich")]
    [InlineData("de NAVO-top in Den Haag van 24 en 25 juni 2025", "NAVO-top")]
    [InlineData("de NAVO-defensieministeriële van 5 juni 2025", "NAVO-ministeriële")]
    [InlineData("de informele Raad van 1 september 2025", "Informele Raad")]
    public void Meeting_names_are_normalised(string mention, string type)
    {
        var m = Assert.Single(_extractor.Extract(Parse($"Het kabinet bereidt {mention} voor.", "Den Haag, 1 maart 2025")));
        Assert.Equal(type, m.Type);
    }

    [Fact]
    public void Undated_letter_without_any_full_date_gives_no_year_less_meetings()
    {
        Assert.Empty(_extractor.Extract(Parse("Vraag 1\nWat gebeurt er?\n\nAntwoord\nDe Europese Raad van 19 maart a.s. spreekt hierover.\n\nVraag 2\nEn verder?\n\nAntwoord\nNee.", null)));
        var stated = _extractor.Extract(Parse("Vraag 1\nWat gebeurt er?\n\nAntwoord\nDe Europese Raad van 19 maart 2026 spreekt hierover.\n\nVraag 2\nEn verder?\n\nAntwoord\nNee.", null));
        Assert.Equal("Europese Raad|2026-03-19", Assert.Single(stated).Key);
    }

    [Fact]
    public void Lowercase_er_is_not_a_european_council()
    {
        Assert.Empty(_extractor.Extract(Parse("Er is op 17 november jl. een brief ontvangen.", "Den Haag, 1 december 2025")));
    }
}
