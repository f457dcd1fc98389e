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

    /// <summary>Changing a cancelled meeting's location keeps it cancelled and says so (a review: it came back to life).</summary>
    [Fact]
    public async Task Changing_a_cancelled_meeting_keeps_it_cancelled()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.Raz, new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 15), null, null, MeetingOrigin.Extracted, Now);
        await bot.SendAsync($"vergadering annuleren {meeting.Id}", Anna);

        var turn = await bot.SendAsync($"vergadering wijzigen {meeting.Id} locatie Luxemburg", Anna);
        var added = await bot.SendAsync("vergadering toevoegen 2026-12-15 RAZ", Anna);

        Assert.Contains($"Ze blijft geannuleerd; `vergadering herstellen {meeting.Id}`", Reply(turn));
        Assert.Contains($"Vergadering {meeting.Id} staat in het register", Reply(added));
        Assert.False((await bot.MeetingRegister.GetAsync(meeting.Id))!.Cancelled); // adding it again: it takes place
    }

    /// <summary>Restoring a moved meeting names the date it was moved to, which stays in the register (a QA pass).</summary>
    [Fact]
    public async Task Restoring_a_moved_meeting_names_the_meeting_it_was_moved_to()
    {
        await using var bot = new CommandHarness(Now);
        var meeting = await bot.MeetingRegister.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), null, null, MeetingOrigin.Extracted, Now);
        await bot.SendAsync($"vergadering wijzigen {meeting.Id} 2026-12-04", Anna);
        var moved = (await bot.MeetingsAsync()).Single(m => m.Id != meeting.Id);

        var turn = await bot.SendAsync($"vergadering herstellen {meeting.Id}", Anna);

        Assert.Null((await bot.MeetingRegister.GetAsync(meeting.Id))!.MovedTo); // the link is cleared
        Assert.Contains($"Ze was verplaatst naar vergadering {moved.Id}", Reply(turn));
        Assert.Contains($"`vergadering annuleren {moved.Id}`", Reply(turn));
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

    /// <summary>A QA pass: each of these got the general usage text, or read a wrong date as a meeting's name.</summary>
    [Theory]
    [InlineData("vergadering toevoegen 2026-13-45 RBZ Defensie", "‘2026-13-45’ is geen bestaande datum")]
    [InlineData("vergadering toevoegen 31 februari 2026 RBZ Defensie", "‘31 februari 2026’ is geen bestaande datum")]
    [InlineData("vergadering toevoegen 1 december RBZ Defensie", "Noem bij ‘1 december’ ook het jaar")]
    [InlineData("vergadering toevoegen 1800-12-01 RBZ Defensie", "‘1800-12-01’ valt buiten het bereik")]
    [InlineData("vergadering toevoegen 2026-12-01 Onbekende Raad", "‘Onbekende Raad’ herken ik niet als vergadering")]
    [InlineData("vergadering toevoegen morgen Ecofin", "‘morgen’ is geen datum die ik vastleg; schrijf de datum zelf")]
    public async Task A_wrong_date_or_an_unknown_meeting_is_named_in_the_answer(string command, string expected)
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync(command, Anna);

        Assert.Contains(expected, Reply(turn), StringComparison.Ordinal);
        Assert.Contains("Er is niets gewijzigd", Reply(turn));
        Assert.Empty(await bot.MeetingsAsync());
    }

    [Fact]
    public async Task A_quoted_name_longer_than_a_calendar_name_is_refused()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync($"vergadering toevoegen 2026-12-01 \"{new string('x', 81)}\" Brussel", Anna);
        var fits = await bot.SendAsync($"vergadering toevoegen 2026-12-01 \"{new string('y', 80)}\" Brussel", Anna);

        Assert.Contains("te lang (hooguit 80 tekens)", Reply(turn));
        Assert.Equal(new string('y', 80), Assert.Single(await bot.MeetingsAsync()).Type);
        Assert.Contains("staat in het register", Reply(fits));
    }

    /// <summary>
    /// Names and locations come from calendar files and admins: shown as typed, never as the bot's own links or
    /// emphasis (a QA pass: a calendar's "[Lees hier](https://phish.example/login)" was a link on every user's card).
    /// </summary>
    [Fact]
    public async Task Meeting_names_and_locations_are_shown_as_text_not_as_Markdown()
    {
        await using var bot = new CommandHarness(Now);
        await bot.MeetingRegister.UpsertAsync("Raad [Lees hier](https://phish.example/login) **DRINGEND**", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1),
            "[Brussel](https://phish.example)", null, MeetingOrigin.Admin, Now);

        var withCards = await bot.SendAsync("vergaderingen 2026-11-30 tot 2026-12-02", Bob, supportsCards: true);
        var text = Reply(await bot.SendAsync("vergaderingen 2026-11-30 tot 2026-12-02", Bob));

        var heading = bot.Cards.Rendered[^1].Data["meetings"]![0]!["heading"]!.GetValue<string>();
        Assert.Single(withCards.Sent);
        var id = (await bot.MeetingsAsync()).Single().Id;
        // The number admins change or cancel it by is on the card too (a QA pass: only the text showed it).
        Assert.Equal(@"Raad \[Lees hier](https://phish.example/login) \*\*DRINGEND\*\* · \[Brussel](https://phish.example) · nr. " + id, heading);
        Assert.Contains(@"Raad \[Lees hier](https://phish.example/login) \*\*DRINGEND\*\* (\[Brussel](https://phish.example))", text, StringComparison.Ordinal);
    }

    /// <summary>"vergadering annuleren" without a number says how, not 'Vergadering "" bestaat niet.' (a QA pass).</summary>
    [Theory]
    [InlineData("vergadering annuleren", "vergadering annuleren <nr>")]
    [InlineData("vergadering herstellen ", "vergadering herstellen <nr>")]
    public async Task Cancel_without_a_number_says_how(string command, string usage)
    {
        await using var bot = new CommandHarness(Now);

        var reply = Reply(await bot.SendAsync(command, Anna));

        Assert.Contains(usage, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("bestaat niet", reply, StringComparison.Ordinal);
    }

    /// <summary>
    /// "vergaderingen rbz defensie" (and the question "wanneer is de volgende RBZ Defensie?") lists that meeting's next
    /// dates, up to a year ahead; "deze week" is today to Sunday (a QA pass: every meeting of 30 days was listed).
    /// </summary>
    [Fact]
    public async Task Meetings_of_one_kind_and_of_this_week()
    {
        await using var bot = new CommandHarness(Now); // Tuesday 24 November 2026
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), null, null, MeetingOrigin.Admin, Now);
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2027, 5, 18), new DateOnly(2027, 5, 18), null, null, MeetingOrigin.Admin, Now);
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.Ecofin, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), null, null, MeetingOrigin.Admin, Now);

        var kind = Reply(await bot.SendAsync("vergaderingen rbz defensie", Bob));
        var week = Reply(await bot.SendAsync("vergaderingen deze week", Bob));
        var none = Reply(await bot.SendAsync("vergaderingen navo-top", Bob));

        Assert.Contains("dinsdag 1 december 2026", kind);
        Assert.Contains("dinsdag 18 mei 2027", kind);
        Assert.DoesNotContain("Ecofin", kind);
        Assert.Contains("vrijdag 27 november 2026", week);
        Assert.DoesNotContain("december", week.Split('\n', 2)[1]);
        Assert.Contains("24 november 2026 tot en met 29 november 2026", week);
        Assert.Contains("Er staat geen NAVO-top", none);
    }

    /// <summary>
    /// A named meeting with none ahead shows the last ones the register knows, said as such (a QA pass asked "wanneer
    /// was de navo-top in den haag?" and got "Er staat geen NAVO-top in het register" while it held June 2025's).
    /// </summary>
    [Fact]
    public async Task A_named_meeting_with_none_ahead_shows_the_last_ones_the_register_knows()
    {
        await using var bot = new CommandHarness(Now); // Tuesday 24 November 2026
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.NavoTop, new DateOnly(2023, 7, 11), new DateOnly(2023, 7, 12), "Vilnius", null, MeetingOrigin.Admin, Now);
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.NavoTop, new DateOnly(2024, 7, 9), new DateOnly(2024, 7, 11), "Washington", null, MeetingOrigin.Admin, Now);
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.NavoTop, new DateOnly(2025, 6, 24), new DateOnly(2025, 6, 25), "Den Haag", null, MeetingOrigin.Admin, Now);
        await bot.MeetingRegister.UpsertAsync(MeetingTypes.NavoTop, new DateOnly(2021, 6, 14), new DateOnly(2021, 6, 14), "Brussel", null, MeetingOrigin.Admin, Now);

        var reply = Reply(await bot.SendAsync("vergaderingen navo-top", Bob));

        Assert.Contains("Tot en met 24 november 2027 is er geen NAVO-top gepland; de laatste 3 in het register", reply, StringComparison.Ordinal);
        Assert.Contains("Den Haag", reply, StringComparison.Ordinal);
        Assert.Contains("Vilnius", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Brussel", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Er staat geen NAVO-top", reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf("Vilnius", StringComparison.Ordinal) < reply.IndexOf("Den Haag", StringComparison.Ordinal));
    }
}
