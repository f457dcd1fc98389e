using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Administration;

public class AdminCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Configured_admin_adds_a_mentioned_admin_and_the_change_is_audited()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob)]);

        Assert.Contains("Bob Medewerker is nu beheerder", Reply(turn));
        Assert.True(await bot.AdminStore.IsAdminAsync(Bob.AadObjectId));
        var entry = Assert.Single((await bot.AuditAsync()));
        Assert.Equal(Anna.AadObjectId, entry.ActorAadObjectId);
        Assert.Equal("Anna Beheer", entry.ActorName);
        Assert.Equal(Now, entry.At);
        Assert.Equal("admin.add", entry.Action);
        Assert.Contains(Bob.AadObjectId, entry.Details);
    }

    [Fact]
    public async Task Non_admin_cannot_add_an_admin_and_nothing_changes()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("beheerder toevoegen <at>Carla Collega</at>", Bob, Channel, [Mention(Carla)]);

        Assert.StartsWith("Alleen beheerders kunnen", Reply(turn));
        // Issue 14 item 14: a refusal of a read-only user does not pretend something could have changed.
        Assert.DoesNotContain("Er is niets gewijzigd", Reply(turn));
        Assert.DoesNotContain("In dit kanaal", Reply(turn), StringComparison.Ordinal); // Teams knows who the caller is
        Assert.Empty(await bot.AdminStore.ListAsync());
        Assert.Empty((await bot.AuditAsync()));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task An_admins_object_id_from_a_channel_whose_client_writes_the_sender_is_no_admin(string channelId)
    {
        // A Web Chat or Direct Line client writes "from" itself: a security review typed a configured admin's AAD
        // object id into a Web Chat activity and got the audit log.
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob)], channelId: channelId);

        Assert.StartsWith("Alleen beheerders kunnen", Reply(turn), StringComparison.Ordinal);
        Assert.Contains("In dit kanaal kan de bot niet nagaan wie je bent: beheerders gebruiken deze opdracht in Teams.", Reply(turn), StringComparison.Ordinal);
        Assert.Empty(await bot.AdminStore.ListAsync());
        // The same activity from Teams, which writes "from" itself, is the admin's.
        var teams = await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob)]);
        Assert.Contains("Bob Medewerker is nu beheerder", Reply(teams), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_mention_is_not_taken_for_the_target()
    {
        await using var bot = new CommandHarness(Now);
        var botMention = new Briefingbot.Protocol.Schema.Entity
        {
            Type = "mention", Text = "<at>Briefingbot</at>", Mentioned = new() { Id = "28:bot", Name = "Briefingbot" },
        };

        await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [botMention, Mention(Bob)]);

        var admins = await bot.AdminStore.ListAsync();
        Assert.Equal(Bob.AadObjectId, Assert.Single(admins).AadObjectId);
    }

    [Fact]
    public async Task Mention_without_aad_object_id_stores_the_channel_id_and_that_user_is_then_recognised()
    {
        await using var bot = new CommandHarness(Now);

        await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob, withAadObjectId: false)]);
        // Bob now changes a topic: the guard matches his channel id (from.id), since no AAD id was known for him.
        bot.Search.Letters.Add(FakeLetterSearch.MakeLetter("l1", "defensie"));
        var turn = await bot.SendAsync("onderwerp toevoegen defensie \"defensie\"", new TestUser("", "Bob Medewerker", Bob.ChannelId), Channel);

        Assert.Equal(Bob.ChannelId, Assert.Single(await bot.AdminStore.ListAsync()).AadObjectId);
        Assert.Contains("is toegevoegd", Reply(turn));
    }

    [Fact]
    public async Task Last_admin_cannot_remove_themselves()
    {
        await using var bot = new CommandHarness(Now, new Dictionary<string, string?> { ["Administration:Admins:0"] = null });
        await bot.AdminStore.AddAsync(Bob.AadObjectId, Bob.Name, "seed");

        var turn = await bot.SendAsync("beheerder verwijderen <at>Bob Medewerker</at>", Bob, Channel, [Mention(Bob)]);

        Assert.Contains("laatste beheerder", Reply(turn));
        Assert.True(await bot.AdminStore.IsAdminAsync(Bob.AadObjectId));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Admin_removes_another_admin_and_it_is_audited()
    {
        await using var bot = new CommandHarness(Now);
        await bot.AdminStore.AddAsync(Bob.AadObjectId, Bob.Name, "seed");

        var turn = await bot.SendAsync("beheerder verwijderen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob)]);

        Assert.Contains("geen beheerder meer", Reply(turn));
        Assert.False(await bot.AdminStore.IsAdminAsync(Bob.AadObjectId));
        Assert.Equal("admin.remove", Assert.Single((await bot.AuditAsync())).Action);
    }

    [Fact]
    public async Task Configured_admin_cannot_be_removed_in_chat()
    {
        await using var bot = new CommandHarness(Now);
        await bot.AdminStore.AddAsync(Bob.AadObjectId, Bob.Name, "seed");

        var turn = await bot.SendAsync("beheerder verwijderen <at>Anna Beheer</at>", Bob, Channel, [Mention(Anna)]);

        Assert.Contains("configuratie", Reply(turn));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Admin_list_shows_configured_and_appointed_admins_to_everyone()
    {
        await using var bot = new CommandHarness(Now);
        await bot.AdminStore.AddAsync(Bob.AadObjectId, Bob.Name, Anna.AadObjectId);

        var turn = await bot.SendAsync("beheerders", Carla);

        var text = Reply(turn);
        Assert.Contains(Anna.AadObjectId, text);
        Assert.Contains($"Bob Medewerker · aangewezen in chat · id {Bob.AadObjectId}", text);
    }

    [Fact]
    public async Task Non_admin_asking_beheerders_without_admins_gets_no_operator_configuration_advice()
    {
        await using var bot = new CommandHarness(Now, new Dictionary<string, string?> { ["Administration:Admins:0"] = "" });

        var text = Reply(await bot.SendAsync("beheerders", Carla));

        Assert.Contains("nog geen beheerders", text);
        Assert.DoesNotContain(":Admins", text);
        Assert.DoesNotContain("AAD", text);
    }

    [Fact]
    public async Task Audit_shows_latest_entries_to_admins_only()
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("beheerder toevoegen <at>Bob Medewerker</at>", Anna, Channel, [Mention(Bob)]);

        var refused = await bot.SendAsync("audit", Carla);
        var shown = await bot.SendAsync("audit", Bob, supportsCards: true);

        Assert.StartsWith("Alleen beheerders kunnen het auditlog inzien", Reply(refused));
        var (template, data) = Assert.Single(bot.Cards.Rendered);
        Assert.Equal("audit", template);
        var entry = data["entries"]![0]!;
        Assert.Equal("Anna Beheer", (string?)entry["who"]);
        Assert.Equal("24 november 2026 10:00", (string?)entry["when"]);
        Assert.Contains("beheerder toegevoegd: Bob Medewerker", (string?)entry["details"]);
        Assert.Single(shown.Sent);
        // A count that is none is said so, not answered with the default list (a QA pass).
        foreach (var bad in new[] { "audit abc", "audit -5", "audit 0" })
        {
            Assert.StartsWith("Geef een aantal van 1 tot 50", Reply(await bot.SendAsync(bad, Bob)), StringComparison.Ordinal);
        }
        Assert.Single(bot.Cards.Rendered);
    }

    /// <summary>A name typed without a mention is named in the answer (a QA pass: `beheerder toevoegen @Briefingbot` got the usage).</summary>
    [Fact]
    public async Task A_name_that_is_no_mention_is_named_in_the_answer()
    {
        await using var bot = new CommandHarness(Now);

        var typed = Reply(await bot.SendAsync("beheerder toevoegen Jan Jansen", Anna));
        var none = Reply(await bot.SendAsync("beheerder toevoegen", Anna));

        Assert.StartsWith("‘Jan Jansen’ is geen @-vermelding van een persoon", typed, StringComparison.Ordinal);
        Assert.StartsWith("Noem de persoon met een @-vermelding", none, StringComparison.Ordinal);
        Assert.DoesNotContain(await bot.AuditAsync(), e => e.Action == "admin.add");
    }
}
