using Briefingbot.Dossiers.Meetings;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

public class MeetingCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Admin_adds_a_meeting_with_end_date_and_location()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("vergadering toevoegen 2026-12-01 RBZ Defensie tot 2026-12-02 Brussel", Anna);

        var m = Assert.Single((await bot.MeetingsAsync()));
        Assert.Equal((MeetingTypes.RbzDefensie, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), "Brussel", MeetingOrigin.Admin, true),
            (m.Type, m.StartDate, m.EndDate, m.Location, m.Origin, m.AdminLocked));
        Assert.Contains("RBZ Defensie (Raad Buitenlandse Zaken, Defensie), 1–2 december 2026, Brussel", Reply(turn));
        var audit = Assert.Single((await bot.AuditAsync()));
        Assert.Equal(("meeting.add", Anna.AadObjectId, Now), (audit.Action, audit.ActorAadObjectId, audit.At));
    }

    [Theory]
    [InlineData("vergadering toevoegen 1 december 2026 Raad Buitenlandse Zaken Defensie", "RBZ Defensie", null)]
    [InlineData("vergadering toevoegen 2026-12-01 ecofinraad in Brussel", "Ecofin", "Brussel")]
    [InlineData("vergadering toevoegen 01-12-2026 \"Informele Defensieraad\" Kopenhagen", "Informele Defensieraad", "Kopenhagen")]
    [InlineData("vergadering toevoegen 2026-12-01 NAVO-top Den Haag", "NAVO-top", "Den Haag")]
    public async Task Meeting_descriptions_are_understood(string command, string type, string? location)
    {
        await using var bot = new CommandHarness(Now);

        await bot.SendAsync(command, Anna);

        var m = Assert.Single((await bot.MeetingsAsync()));
        Assert.Equal((type, new DateOnly(2026, 12, 1), location), (m.Type, m.StartDate, m.Location));
    }

    [Theory]
    [InlineData("vergadering toevoegen RBZ Defensie")]
    [InlineData("vergadering toevoegen 2026-12-01 Vergadering van de bridgeclub")]
    [InlineData("vergadering toevoegen 2026-12-02 RBZ tot 2026-12-01")]
    [InlineData("vergadering toevoegen 2026-12-01 RBZ tot morgen")]
    public async Task Incomplete_or_wrong_descriptions_change_nothing(string command)
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync(command, Anna);

        Assert.Contains("Er is niets gewijzigd", Reply(turn));
        Assert.Empty((await bot.MeetingsAsync()));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Non_admin_cannot_add_change_or_cancel_meetings()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.Ecofin, new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 12), null, null, MeetingOrigin.Extracted, Now);

        var add = await bot.SendAsync("vergadering toevoegen 2026-12-01 RBZ Defensie", Bob);
        var change = await bot.SendAsync($"vergadering wijzigen {meeting.Id} 2026-12-13", Bob);
        var cancel = await bot.SendAsync($"vergadering annuleren {meeting.Id}", Bob);

        Assert.All(new[] { add, change, cancel }, t => Assert.StartsWith("Alleen beheerders kunnen vergaderingen wijzigen", Reply(t)));
        Assert.Equal(meeting, Assert.Single((await bot.MeetingsAsync())));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Changing_location_keeps_the_meeting_and_locks_it()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.Ecofin, new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 12), null, null, MeetingOrigin.Extracted, Now);

        var turn = await bot.SendAsync($"vergadering wijzigen {meeting.Id} locatie Luxemburg", Anna);

        var m = Assert.Single((await bot.MeetingsAsync()));
        Assert.Equal(("Luxemburg", true), (m.Location, m.AdminLocked));
        Assert.Contains($"Vergadering {meeting.Id} is gewijzigd", Reply(turn));
        Assert.Contains("→ Ecofinraad, zaterdag 12 december 2026, Luxemburg", (await bot.AuditAsync())[0].Details);
    }

    [Fact]
    public async Task Moving_a_meeting_to_another_date_cancels_the_old_row_and_keeps_its_length()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.EuropeseRaad, new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 18), "Brussel", null, MeetingOrigin.Extracted, Now);

        var turn = await bot.SendAsync($"vergadering wijzigen {meeting.Id} 2026-12-18", Anna);

        var old = (await bot.MeetingRegister.GetAsync(meeting.Id))!;
        var moved = (await bot.MeetingsAsync()).Single(m => m.Id != meeting.Id);
        Assert.True(old.Cancelled);
        Assert.Equal((new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 19), "Brussel"), (moved.StartDate, moved.EndDate, moved.Location));
        Assert.Contains($"vervangen door vergadering {moved.Id}", Reply(turn));
    }

    [Fact]
    public async Task Cancel_and_restore_are_audited()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.Raz, new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 15), null, null, MeetingOrigin.Extracted, Now);

        await bot.SendAsync($"vergadering annuleren {meeting.Id}", Anna);
        Assert.True((await bot.MeetingRegister.GetAsync(meeting.Id))!.Cancelled);
        var again = await bot.SendAsync($"vergadering annuleren {meeting.Id}", Anna);
        await bot.SendAsync($"vergadering herstellen {meeting.Id}", Anna);

        Assert.False((await bot.MeetingRegister.GetAsync(meeting.Id))!.Cancelled);
        Assert.Contains("al geannuleerd", Reply(again));
        Assert.Equal(["meeting.cancel", "meeting.restore"], (await bot.AuditAsync()).Select(e => e.Action));
    }
}
