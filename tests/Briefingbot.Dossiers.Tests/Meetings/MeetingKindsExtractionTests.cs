using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Dossiers.Tests.Meetings;

/// <summary>Issue 15: kinds beyond EU Councils, date precision and ranges, on sentences that are not in the seeds.</summary>
public class MeetingKindsExtractionTests
{
    private readonly MeetingExtractor _extractor = new();

    private static Letter Parse(string body, string? date) =>
        new LetterParser().Parse("k.txt", (date is null ? "" : $"Brief regering : Test\nDen Haag, {date}\n\n") + body + "\n");

    private ExtractedMeeting Single(string body, string? date = "1 maart 2026") => Assert.Single(_extractor.Extract(Parse(body, date)));

    [Fact]
    public void Named_summit_with_a_month_stays_month_precise()
    {
        var m = Single("Op de NAVO-top in Washington in juli 2024 is afgesproken dat bondgenoten meer bijdragen.", "1 september 2024");
        Assert.Equal(MeetingKind.NatoSummit, m.Kind);
        Assert.Equal(DatePrecision.Month, m.Precision);
        Assert.Null(m.DateSource);
        Assert.Equal("Washington", m.Location);
        Assert.Equal((new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 31)), (m.StartDate, m.EndDate));
        Assert.Equal("NAVO-top|2024-07", m.Key);
        Assert.False(m.IsAfterLetter);
    }

    [Fact]
    public void Month_only_meeting_stays_a_month_without_a_made_up_day()
    {
        var m = Single("Het kabinet verwacht dat de Europese Raad in juni 2026 hierover besluit.");
        Assert.Equal(DatePrecision.Month, m.Precision);
        Assert.Equal(MeetingKind.EuropeanCouncil, m.Kind);
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), (m.StartDate, m.EndDate));
        Assert.Equal("Europese Raad|2026-06", m.Key);
        Assert.Null(m.DateSource);
    }

    [Theory]
    [InlineData("De Kamer sprak hierover tijdens het commissiedebat over de RBZ op 12 maart.", MeetingKind.TkCommitteeDebate, "2026-03-12")]
    [InlineData("In het notaoverleg over de Defensienota van 3 juni 2024 is dit toegezegd.", MeetingKind.TkCommitteeDebate, "2024-06-03")]
    [InlineData("Tijdens de begrotingsbehandeling van Buitenlandse Zaken op 14 november 2024 is de motie aangenomen.", MeetingKind.TkPlenaryDebate, "2024-11-14")]
    [InlineData("Zoals besproken in het plenair debat van 20 februari jl. ontvangt u deze brief.", MeetingKind.TkPlenaryDebate, "2026-02-20")]
    public void Debates_of_the_Tweede_Kamer_are_meetings_of_their_own_kind(string sentence, MeetingKind kind, string date)
    {
        var m = Single(sentence);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), m.StartDate);
        Assert.Equal(DatePrecision.Day, m.Precision);
    }

    [Fact]
    public void Parenthetical_between_month_and_year_is_skipped()
    {
        var m = Single("Twee moties zijn ingediend tijdens de begrotingsbehandeling van Defensie op 5 november (Handelingen II 2019/20, nr. 21, item 7) 2019.", "22 december 2022");
        Assert.Equal(new DateOnly(2019, 11, 5), m.StartDate);
        Assert.Equal("Begrotingsbehandeling Defensie", m.Type);
    }

    [Theory]
    [InlineData("De Coalition of the Willing-vergadering op 25 november jl. sprak over een task force.", "2025-11-25")]
    [InlineData("De eerste bijeenkomst van het PCA Luchtverdediging op 4 februari jl. was goed bezocht.", "2026-02-04")]
    [InlineData("Op 9 januari jl. heeft Nederland een conferentie georganiseerd over militaire mobiliteit.", "2026-01-09")]
    public void Other_international_meetings_with_a_date_are_found(string sentence, string date)
    {
        var m = Single(sentence);
        Assert.Equal(MeetingKind.International, m.Kind);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), m.StartDate);
        Assert.False(m.IsAfterLetter);
    }

    [Fact]
    public void Date_first_meeting_resolves_deze_to_the_name_written_before()
    {
        var letter = Parse("Nederland is trekker van de PCA Ruimte en Satellieten. Op 2 februari jl. heeft Nederland een eerste bijeenkomst georganiseerd met alle lidstaten die aan deze PCA willen deelnemen.", "1 maart 2026");
        var m = Assert.Single(_extractor.Extract(letter));
        Assert.Equal("Bijeenkomst PCA Ruimte en Satellieten", m.Type);
        Assert.Equal(new DateOnly(2026, 2, 2), m.StartDate);
    }

    [Fact]
    public void Date_first_ministerial_keeps_its_nato_kind()
    {
        var m = Single("Op 4 april a.s. vindt in Brussel de NAVO-ministeriële plaats.");
        Assert.Equal(MeetingKind.NatoMinisterial, m.Kind);
        Assert.Equal(new DateOnly(2026, 4, 4), m.StartDate);
        Assert.True(m.IsAfterLetter);
    }

    [Theory]
    [InlineData("Tijdens de recente NAVO-top is afgesproken meer te investeren.", "1 september 2024", "2024-07-09")]
    [InlineData("Het kabinet bereidt de komende NAVO-top voor.", "1 maart 2025", "2025-06-24")]
    [InlineData("Op de afgelopen NAVO-top in Vilnius is dit besproken.", "1 oktober 2023", "2023-07-11")]
    public void Unnamed_or_placed_summits_resolve_from_the_table(string sentence, string letterDate, string start)
    {
        var m = Single(sentence, letterDate);
        Assert.Equal(DatePrecision.Inferred, m.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), m.StartDate);
    }

    [Theory]
    [InlineData("Op 17 november jl. hebben lidstaten een brief ontvangen.")]
    [InlineData("De NAVO-topverklaring is duidelijk over de norm.")]
    [InlineData("Er wordt gestreefd naar een NAVO-top waar dit besproken wordt.")]
    [InlineData("Op 16 oktober jl. publiceerde de Commissie een routekaart.")]
    public void Sentences_without_a_dated_meeting_give_none(string sentence) =>
        Assert.Empty(_extractor.Extract(Parse(sentence, "1 december 2025")));

    [Fact]
    public void Headerless_agenda_letter_is_bounded_by_the_meeting_it_annotates()
    {
        var letter = Parse("De leden hebben kennisgenomen van de geannoteerde agenda voor de Raad Algemene Zaken van 16 december 2025.\n\nAntwoord\nDe Europese Raad van 19 maart a.s. en de Europese Raad van 23 oktober jl. komen aan bod.", null);
        var meetings = _extractor.Extract(letter).ToDictionary(m => m.Key);
        Assert.True(meetings["RAZ|2025-12-16"].IsAfterLetter);
        Assert.True(meetings["Europese Raad|2026-03-19"].IsAfterLetter);
        Assert.False(meetings["Europese Raad|2025-10-23"].IsAfterLetter);
    }

    [Fact]
    public void Catalog_lists_the_rbz_defensie_of_1_december_2025_once_with_all_its_mentions()
    {
        var catalog = MeetingCatalog.Build(SeedCorpus.All, _extractor);
        var rbz = Assert.Single(catalog, m => m.Type == MeetingTypes.RbzDefensie);
        Assert.Equal(new DateOnly(2025, 12, 1), rbz.StartDate);
        Assert.True(rbz.Mentions.Count >= 6, $"{rbz.Mentions.Count} mentions");
        Assert.All(rbz.Mentions, x => Assert.StartsWith("004_", x.File, StringComparison.Ordinal));
        Assert.Equal("upcoming", rbz.Relative);
        Assert.Equal(catalog.Count, catalog.Select(m => m.Key).Distinct().Count());
        var vilnius = Assert.Single(catalog, m => m.Mentions.Any(x => x.File.StartsWith("002_", StringComparison.Ordinal)));
        Assert.Equal((MeetingKind.NatoSummit, DatePrecision.Month, new DateOnly(2023, 7, 1)), (vilnius.Kind, vilnius.Precision, vilnius.StartDate));
        var denHaag = Assert.Single(catalog, m => m.Key == "NAVO-top|2025-06-24");
        Assert.Equal((DatePrecision.Inferred, NatoSummits.Source), (denHaag.Precision, denHaag.DateSource));
        Assert.Contains(denHaag.Mentions, x => x.File.StartsWith("001_", StringComparison.Ordinal));
        Assert.Contains(denHaag.Mentions, x => x.File.StartsWith("004_", StringComparison.Ordinal));
    }
}
