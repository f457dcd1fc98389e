using System.Net;
using System.Text;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Search;
using Briefingbot.Registers.Calendar;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Registers;

/// <summary>GET /calendar.ics through the real host, read back by Ical.Net and by an independent RFC 5545 parser.</summary>
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 11, 24, 8, 30, 0, TimeSpan.Zero);
    private const string LongTitle = "Informele bijeenkomst van de ministers van Defensie; één dag, met ‘NAVO’-partners, in het Koninklijk Paleis";

    private readonly FakeLetterSearch search = new();
    private readonly string directory = Directory.CreateTempSubdirectory("briefingbot-calendar-").FullName;
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        search.Letters.Add(RegisterSeed.RbzAgenda);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "sqlite");
            builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(directory, "briefingbot.db")}");
            builder.UseSetting("Dossiers:IngestOnStart", "false");
            builder.UseSetting("Dossiers:IndexPath", Path.Combine(directory, "index"));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILetterSearch>(search);
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            });
        });
        // The host's own store (real SQLite in the temp folder), seeded before the first request.
        var register = factory.Services.GetRequiredService<IMeetingRegister>();
        var created = Now.AddDays(-10);
        await register.UpsertExtractedAsync(RegisterSeed.Letter004,
        [
            RegisterSeed.Meeting(RegisterSeed.Letter004, MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), true, 200),
            RegisterSeed.Meeting(RegisterSeed.Letter004, MeetingTypes.Ecofin, new DateOnly(2025, 12, 12), true, 300),
            RegisterSeed.Meeting(RegisterSeed.Letter004, MeetingTypes.EuropeseRaad, new DateOnly(2025, 12, 18), true, 400, new DateOnly(2025, 12, 19)),
            RegisterSeed.Meeting(RegisterSeed.Letter004, MeetingTypes.EuropeseRaad, new DateOnly(2025, 3, 19), false, 500),
        ], created);
        await register.UpsertAsync("Informele Defensieraad", new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 10), "Kopenhagen, Denemarken", LongTitle, MeetingOrigin.Admin, created);
        var raz = await register.UpsertAsync(MeetingTypes.Raz, new DateOnly(2025, 12, 16), new DateOnly(2025, 12, 16), null, null, MeetingOrigin.Imported, created);
        await register.SetCancelledAsync(raz.Id, true, created);
        // Issue 15: kinds beyond EU Councils and a summit known only by its month.
        await register.UpsertAsync(MeetingEntry.InMonth(MeetingKind.NatoSummit, MeetingTypes.NavoTop, 2026, 7, "Ankara"), MeetingOrigin.Imported, created);
        await register.UpsertAsync(MeetingEntry.OnDay(MeetingKind.TkCommitteeDebate, "Commissiedebat NAVO", new DateOnly(2026, 1, 14)), MeetingOrigin.Imported, created);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's clean-up.
        }
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_parses_back_with_ical_net()
    {
        var (response, body) = await GetAsync("/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(body)!;
        var events = calendar.Events.OrderBy(e => e.Start!.Date).ToList();
        Assert.Equal(
            [new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 16), new DateOnly(2025, 12, 18), new DateOnly(2026, 1, 14), new DateOnly(2026, 2, 10), new DateOnly(2026, 7, 1)],
            events.Select(e => e.Start!.Date));
        Assert.All(events, e => Assert.False(e.Start!.HasTime));
        var er = events.Single(e => e.Start!.Date == new DateOnly(2025, 12, 18));
        Assert.Equal(new DateOnly(2025, 12, 20), er.DtEnd!.Date); // 18-19 December, DTEND exclusive
        Assert.Equal("Europese Raad", er.Summary);
        // The undated agenda prepares the RBZ Defensie its title names and only mentions the Ecofin and the Europese
        // Raad, although it calls them upcoming (a visual review: "voorbereid in" under each).
        Assert.Contains("Genoemd in: Schriftelijk overleg RBZ Defensie 1 december 2025", er.Description, StringComparison.Ordinal);
        Assert.Contains("Genoemd in: Schriftelijk overleg RBZ Defensie 1 december 2025", events.Single(e => e.Start!.Date == new DateOnly(2025, 12, 12)).Description, StringComparison.Ordinal);
        Assert.Contains("Voorbereid in: Schriftelijk overleg RBZ Defensie 1 december 2025", events.Single(e => e.Start!.Date == new DateOnly(2025, 12, 1)).Description, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", events.Single(e => e.Start!.Date == new DateOnly(2025, 12, 16)).Status);
        var informal = events.Single(e => e.Start!.Date == new DateOnly(2026, 2, 10));
        Assert.Equal(LongTitle, informal.Summary);
        Assert.Equal("Kopenhagen, Denemarken", informal.Location);
        Assert.Equal(new DateTime(2025, 11, 24, 8, 30, 0), informal.DtStamp!.AsUtc);
    }

    [Fact]
    public async Task Month_precise_summit_is_a_month_long_all_day_event_marked_as_such()
    {
        var (_, body) = await GetAsync("/calendar.ics");

        var events = Ical.Net.Calendar.Load(body)!.Events.ToList();
        var summit = events.Single(e => e.Start!.Date == new DateOnly(2026, 7, 1));
        Assert.False(summit.Start!.HasTime);
        Assert.Equal(new DateOnly(2026, 8, 1), summit.DtEnd!.Date); // all of July, DTEND exclusive
        Assert.Equal("NAVO-top (juli 2026, dag nog onbekend)", summit.Summary);
        Assert.Contains("Alleen de maand is bekend: juli 2026.", summit.Description, StringComparison.Ordinal);
        var debate = events.Single(e => e.Start!.Date == new DateOnly(2026, 1, 14));
        Assert.Contains("Soort: Commissiedebat Tweede Kamer", debate.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 1, 15), debate.DtEnd!.Date);
        var raw = Rfc5545LineParser.Parse(body).Children.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal("month", raw.Single(e => e["DTSTART"]!.Value == "20260701")["X-BRIEFINGBOT-DATE-PRECISION"]!.Value);
        Assert.Equal("tk-committee", raw.Single(e => e["DTSTART"]!.Value == "20260114")["X-BRIEFINGBOT-KIND"]!.Value);
    }

    [Fact]
    public async Task Feed_passes_an_independent_rfc5545_parser()
    {
        var (_, body) = await GetAsync("/calendar.ics");

        var calendar = Rfc5545LineParser.Parse(body);

        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar["VERSION"]!.Value);
        Assert.NotNull(calendar["PRODID"]);
        Assert.Equal("Briefingbot: EU-vergaderingen", calendar.Text("X-WR-CALNAME"));
        Assert.Equal("Briefingbot: EU-vergaderingen", calendar.Text("NAME"));
        Assert.Equal("PUBLISH", calendar["METHOD"]!.Value);
        Assert.Equal("DURATION", calendar["REFRESH-INTERVAL"]!.Parameters["VALUE"]);
        Assert.Equal("PT6H", calendar["REFRESH-INTERVAL"]!.Value);
        Assert.Equal("PT6H", calendar["X-PUBLISHED-TTL"]!.Value);
        var events = calendar.Children.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal(7, events.Count);
        foreach (var e in events)
        {
            Assert.NotNull(e["UID"]);
            Assert.Equal("20251124T083000Z", e["DTSTAMP"]!.Value);
            Assert.Equal("DATE", e["DTSTART"]!.Parameters["VALUE"]);
            Assert.Equal("DATE", e["DTEND"]!.Parameters["VALUE"]);
            Assert.True(string.CompareOrdinal(e["DTEND"]!.Value, e["DTSTART"]!.Value) > 0, "DTEND must be after DTSTART (exclusive end)");
        }
        Assert.Equal(events.Count, events.Select(e => e["UID"]!.Value).Distinct().Count());
        Assert.Equal("CANCELLED", events.Single(e => e["DTSTART"]!.Value == "20251216")["STATUS"]!.Value);
        Assert.Equal("CONFIRMED", events.Single(e => e["DTSTART"]!.Value == "20251201")["STATUS"]!.Value);
        Assert.Contains("Genoemd in: Schriftelijk overleg RBZ Defensie 1 december 2025", events.Single(e => e["DTSTART"]!.Value == "20251218").Text("DESCRIPTION"), StringComparison.Ordinal);
        Assert.Contains("Voorbereid in: Schriftelijk overleg RBZ Defensie 1 december 2025", events.Single(e => e["DTSTART"]!.Value == "20251201").Text("DESCRIPTION"), StringComparison.Ordinal);
        var informal = events.Single(e => e["DTSTART"]!.Value == "20260210");
        Assert.Equal(LongTitle, informal.Text("SUMMARY"));
        Assert.Equal("Kopenhagen, Denemarken", informal.Text("LOCATION"));
        Assert.Contains("\r\n ", body, StringComparison.Ordinal); // the long title was folded
        Assert.DoesNotContain("20250319", body); // older than the feed's 30 days back
    }

    [Fact]
    public async Task Uids_are_stable_across_requests_and_follow_the_meeting_key()
    {
        var (_, first) = await GetAsync("/calendar.ics");
        var (_, second) = await GetAsync("/calendar.ics");

        static IEnumerable<string> Uids(string body) => Rfc5545LineParser.Parse(body).Children.Select(c => c["UID"]!.Value);
        Assert.Equal(Uids(first), Uids(second));
        Assert.Contains("meeting-rbz-defensie-2025-12-01@briefingbot", Uids(first));
    }

    [Fact]
    public async Task Type_filter_serves_one_type_and_names_the_calendar()
    {
        var (_, body) = await GetAsync("/calendar.ics?type=RBZ%20Defensie");

        var calendar = Rfc5545LineParser.Parse(body);
        var e = Assert.Single(calendar.Children);
        Assert.Equal("20251201", e["DTSTART"]!.Value);
        Assert.Equal("Briefingbot: EU-vergaderingen (RBZ Defensie)", calendar.Text("X-WR-CALNAME"));

        var (_, aliased) = await GetAsync("/calendar.ics?type=ecofinraad");
        Assert.Equal("20251212", Assert.Single(Rfc5545LineParser.Parse(aliased).Children)["DTSTART"]!.Value);

        var (_, custom) = await GetAsync("/calendar.ics?type=informele%20defensieraad");
        Assert.Single(Rfc5545LineParser.Parse(custom).Children);
    }

    [Fact]
    public async Task Unknown_type_is_a_clear_400()
    {
        var (response, body) = await GetAsync("/calendar.ics?type=bridgeclub");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Onbekend vergadertype", body);
    }

    [Fact]
    public void Folding_keeps_multibyte_characters_whole()
    {
        var output = new StringBuilder();
        var text = string.Concat(Enumerable.Repeat("één–twee😀 ", 30));
        ContentLineFolding.Fold(output, "SUMMARY:" + text);

        AssertFoldedWhole(output.ToString());
        var unfolded = output.ToString().Replace("\r\n ", "", StringComparison.Ordinal).TrimEnd('\r', '\n');
        Assert.Equal("SUMMARY:" + text, unfolded);
    }

    [Fact]
    public void Refold_repairs_surrogate_pairs_that_ical_net_splits()
    {
        var calendar = new Ical.Net.Calendar();
        var text = string.Concat(Enumerable.Repeat("één–twee😀 ", 30));
        calendar.Events.Add(new Ical.Net.CalendarComponents.CalendarEvent { Uid = "x@briefingbot", Summary = text });
        var raw = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar)!;
        // Ical.Net 5.2.4 folds between the halves of a surrogate pair. When this fails after an upgrade, its folding is
        // right and ContentLineFolding.Refold can go.
        Assert.Contains(raw.Split("\r\n"), line => line.Length > 0 && char.IsHighSurrogate(line[^1]));

        var refolded = ContentLineFolding.Refold(raw);

        AssertFoldedWhole(refolded);
        Assert.Equal(text, Ical.Net.Calendar.Load(refolded)!.Events.Single().Summary);
        Assert.Equal(text, Rfc5545LineParser.Parse(refolded).Children.Single().Text("SUMMARY"));
    }

    private static void AssertFoldedWhole(string output)
    {
        foreach (var line in output[..^2].Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
            Assert.False(line.Length > 0 && (char.IsHighSurrogate(line[^1]) || char.IsLowSurrogate(line[line[0] == ' ' && line.Length > 1 ? 1 : 0])), line);
        }
    }
}
