using System.Text;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary><c>agenda importeer</c> against a real HTTP server on 127.0.0.1.</summary>
public sealed class CalendarImportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Raad//EN\r\n" +
        "BEGIN:VEVENT\r\nUID:fac-defence-2025-12-01\r\nDTSTAMP:20251101T000000Z\r\nDTSTART;VALUE=DATE:20251201\r\nDTEND;VALUE=DATE:20251202\r\nSUMMARY:Foreign Affairs Council (Defence)\r\nLOCATION:Brussels\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:euco-2025-12-18\r\nDTSTAMP:20251101T000000Z\r\nDTSTART;VALUE=DATE:20251218\r\nDTEND;VALUE=DATE:20251220\r\nSUMMARY:European Council\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:ecofin-2025-12-12\r\nDTSTAMP:20251101T000000Z\r\nDTSTART;TZID=Europe/Brussels:20251212T093000\r\nDTEND;TZID=Europe/Brussels:20251212T170000\r\nSUMMARY:Ecofin\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:gac-2025-12-16\r\nDTSTAMP:20251101T000000Z\r\nDTSTART;VALUE=DATE:20251216\r\nSUMMARY:General Affairs Council\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTAMP:20251101T000000Z\r\nDTSTART;VALUE=DATE:20251201\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nSUMMARY:Coreper\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    private WebApplication server = null!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapGet("/council.ics", () => Results.Text(Ics, "text/calendar"));
        server.MapGet("/big.ics", () => Results.Text(new string('x', 64 * 1024), "text/calendar"));
        server.MapGet("/missing.ics", () => Results.NotFound());
        server.MapGet("/garbage.ics", () => Results.Text("<html>not a calendar</html>", "text/html"));
        await server.StartAsync();
        baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static CommandHarness NewBot(bool allowPrivate = true) => new(Now, new Dictionary<string, string?>
    {
        ["Calendar:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        ["Calendar:MaxImportBytes"] = "16384",
    });

    [Fact]
    public async Task Admin_imports_meetings_from_a_url()
    {
        await using var bot = NewBot();

        var turn = await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);

        var meetings = (await bot.MeetingsAsync()).Where(m => !m.Cancelled).OrderBy(m => m.StartDate).ToList();
        Assert.Equal(
            [(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), "Brussels"),
             (MeetingTypes.Ecofin, new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 12), null),
             (MeetingTypes.EuropeseRaad, new DateOnly(2025, 12, 18), new DateOnly(2025, 12, 19), null)],
            meetings.Select(m => (m.Type, m.StartDate, m.EndDate, m.Location)));
        Assert.All(meetings, m => Assert.Equal(MeetingOrigin.Imported, m.Origin));
        var text = Reply(turn);
        Assert.Contains("**3** nieuwe vergaderingen", text);
        Assert.Contains("herhalende afspraken zijn overgeslagen", text);
        var audit = Assert.Single((await bot.AuditAsync()));
        Assert.Equal(("calendar.import", Anna.AadObjectId), (audit.Action, audit.ActorAadObjectId));
        Assert.Contains("/council.ics", audit.Details);
    }

    [Fact]
    public async Task Importing_twice_updates_instead_of_duplicating_and_cancels_known_meetings()
    {
        await using var bot = NewBot();
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.Raz, new DateOnly(2025, 12, 16), new DateOnly(2025, 12, 16), null, null, MeetingOrigin.Extracted, Now);

        await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);
        var second = await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);

        Assert.Equal(4, (await bot.MeetingsAsync()).Count);
        Assert.True((await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.Raz).Cancelled);
        Assert.Contains("**0** nieuwe vergaderingen, 3 bijgewerkt", Reply(second));
    }

    [Fact]
    public async Task Import_leaves_meetings_an_admin_fixed_alone()
    {
        await using var bot = NewBot();
        await bot.SendAsync("vergadering toevoegen 2025-12-01 RBZ Defensie Luxemburg", Anna);

        var turn = await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);

        Assert.Equal("Luxemburg", (await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.RbzDefensie).Location);
        Assert.Contains("door een beheerder vastgezet", Reply(turn));
    }

    [Fact]
    public async Task Non_admin_import_is_refused_and_nothing_changes()
    {
        await using var bot = NewBot();

        var turn = await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Bob);

        Assert.StartsWith("Alleen beheerders kunnen agenda's importeren", Reply(turn));
        Assert.Empty((await bot.MeetingsAsync()));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Loopback_addresses_are_refused_unless_allowed()
    {
        await using var bot = NewBot(allowPrivate: false);

        var turn = await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);

        Assert.Contains("intern netwerkadres", Reply(turn));
        Assert.Empty((await bot.MeetingsAsync()));
    }

    [Theory]
    [InlineData("/big.ics", "groter dan 16 kB")]
    [InlineData("/missing.ics", "404")]
    [InlineData("/garbage.ics", "geen")]
    public async Task Bad_downloads_change_nothing_and_say_why(string path, string reason)
    {
        await using var bot = NewBot();

        var turn = await bot.SendAsync($"agenda importeer {baseUrl}{path}", Anna);

        var text = Reply(turn);
        Assert.StartsWith("Importeren is niet gelukt", text);
        Assert.Contains(reason, text);
        Assert.Empty((await bot.MeetingsAsync()));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Theory]
    [InlineData("agenda importeer ftp://example.org/a.ics")]
    [InlineData("agenda importeer")]
    public async Task Without_an_http_link_or_attachment_nothing_happens(string command)
    {
        await using var bot = NewBot();

        var turn = await bot.SendAsync(command, Anna);

        Assert.Contains("Geef een link", Reply(turn));
        Assert.Empty((await bot.MeetingsAsync()));
    }

    [Fact]
    public async Task Ics_attachment_is_imported()
    {
        await using var bot = NewBot();
        var attachment = new Attachment { ContentType = "text/calendar", Name = "raad.ics", ContentUrl = $"{baseUrl}/council.ics" };

        await bot.SendAsync("agenda importeer", Anna, attachments: [attachment]);

        Assert.Equal(3, (await bot.MeetingsAsync()).Count); // the cancelled GAC was never known, so there is nothing to cancel
    }

    [Fact]
    public async Task Inline_data_attachment_is_imported()
    {
        await using var bot = NewBot();
        var data = "data:text/calendar;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Ics));
        var attachment = new Attachment { ContentType = "text/calendar", Name = "raad.ics", ContentUrl = data };

        var turn = await bot.SendAsync("agenda importeer", Anna, attachments: [attachment]);

        Assert.Contains("**3** nieuwe vergaderingen", Reply(turn));
        Assert.Contains("bijlage", (await bot.AuditAsync()).Single().Details);
    }

    [Fact]
    public async Task Feed_of_our_own_round_trips_through_import()
    {
        await using var bot = NewBot();
        await bot.SendAsync($"agenda importeer {baseUrl}/council.ics", Anna);
        var feed = bot.Services.GetRequiredService<Briefingbot.Registers.Calendar.CalendarFeed>();
        var ics = await feed.BuildAsync(new DateOnly(2025, 11, 24), null, CancellationToken.None);
        await using var other = NewBot();

        var importer = other.Services.GetRequiredService<Briefingbot.Registers.Calendar.CalendarImporter>();
        var result = await importer.ImportAsync(ics, CancellationToken.None);

        Assert.Equal(3, result.Added);
        Assert.Equal(
            (await bot.MeetingsAsync()).Where(m => !m.Cancelled).Select(m => (m.Type, m.StartDate, m.EndDate)).Order(),
            (await other.MeetingsAsync()).Where(m => !m.Cancelled).Select(m => (m.Type, m.StartDate, m.EndDate)).Order());
    }
}
