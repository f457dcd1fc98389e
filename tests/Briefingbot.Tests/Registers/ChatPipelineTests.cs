using System.Text.Json;
using Briefingbot.Chat;
using Briefingbot.Kernel.Replies;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary>
/// The register and admin commands through the whole chat turn: the chat area's router and bot, the real card
/// template engine and the real SQLite store. Teams gets Adaptive Cards; Slack gets the Markdown text.
/// </summary>
public class ChatPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static CommandHarness NewBot(IDictionary<string, string?>? settings = null) => new(Now, settings, configure: services =>
    {
        services.AddChat(new ConfigurationBuilder().Build());
        services.AddSingleton<ICardRenderer, Briefingbot.Cards.SizeCheckedCardRenderer>();
    });

    [Fact]
    public void Card_data_with_long_numbers_renders_regression()
    {
        // Regression: data built in code (JsonObject with a long) made the engine throw and the answer fall back to text.
        using var services = new ServiceCollection().AddSingleton(Microsoft.Extensions.Options.Options.Create(new Briefingbot.Cards.CardOptions()))
            .AddSingleton<Briefingbot.Cards.CardRenderer>().AddSingleton<ICardRenderer, Briefingbot.Cards.SizeCheckedCardRenderer>().BuildServiceProvider();
        var data = new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = "Auditlog", ["count"] = 1L, ["isEmpty"] = false,
            ["entries"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["when"] = "1 december 2025 10:00", ["who"] = "Anna", ["whoId"] = "x", ["action"] = "a", ["details"] = "d", ["id"] = 12L }),
        };

        var card = services.GetRequiredService<ICardRenderer>().Render("audit", data);

        var entry = card.GetProperty("body")[1].GetProperty("items")[0].GetProperty("text").GetString();
        Assert.Equal("1 december 2025 10:00 · Anna", entry);
    }

    private static async Task<FakeTurnContext> SayAsync(CommandHarness bot, string text, TestUser user, string channelId = "msteams")
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "m1",
            ChannelId = channelId,
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Text = text,
            From = user.Account,
            Recipient = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
            Conversation = PersonalChat,
        };
        var turn = new FakeTurnContext(activity);
        await bot.Services.GetRequiredService<IBot>().OnTurnAsync(turn, CancellationToken.None);
        return turn;
    }

    private static string CardJson(FakeTurnContext turn)
    {
        var attachment = turn.Sent.SelectMany(a => a.Attachments ?? []).Single(a => a.ContentType == Attachment.AdaptiveCardContentType);
        return JsonSerializer.Serialize(attachment.Content);
    }

    [Fact]
    public async Task Promises_per_date_arrive_as_an_adaptive_card_in_teams()
    {
        await using var bot = NewBot();
        await RegisterSeed.IngestAsync(bot);

        var turn = await SayAsync(bot, "toezeggingen --per 2026-04-15", Bob);

        var card = CardJson(turn);
        Assert.Contains("\"version\":\"1.5\"", card);
        Assert.Contains("Verlopen", card);
        Assert.Contains("uiterlijk 31 maart 2026 (begin 2026)", card);
        // The line under a promise begins with a capital (a visual review: "het kabinet · …").
        var texts = Briefingbot.Tests.Chat.CardAssert.Texts(turn.Sent.SelectMany(a => a.Attachments ?? []).Single().Content!.Value);
        Assert.Contains("Het kabinet · uiterlijk 31 maart 2026 (begin 2026) · open", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("het kabinet", StringComparison.Ordinal));
        Assert.DoesNotContain("${", card);
    }

    [Fact]
    public async Task Meetings_per_date_arrive_as_markdown_in_slack()
    {
        await using var bot = NewBot();
        await RegisterSeed.IngestAsync(bot);

        var turn = await SayAsync(bot, "vergaderingen --per 2025-11-24", Bob, channelId: "slack");

        var text = string.Join("\n", turn.Sent.Select(a => a.Text));
        Assert.DoesNotContain(turn.Sent, a => a.Attachments?.Count > 0);
        Assert.Contains("1 december 2025**: RBZ Defensie (Raad Buitenlandse Zaken, Defensie)", text);
        Assert.Contains("12 december 2025**: Ecofinraad", text);
        Assert.Contains("18 december 2025**: Europese Raad", text);
    }

    [Fact]
    public async Task Non_admin_topic_change_is_refused_through_the_chat()
    {
        await using var bot = NewBot();

        var turn = await SayAsync(bot, "onderwerp toevoegen defensie-eu \"defensie OR NAVO OR Witboek\"", Bob);

        Assert.Contains("Alleen beheerders kunnen onderwerpen wijzigen", string.Join("\n", turn.Sent.Select(Briefingbot.Tests.Chat.CardAssert.Said)));
        Assert.Empty(await bot.TopicStore.ListAsync());
    }

    private static string Said(FakeTurnContext turn) => string.Join("\n", turn.Sent.Select(Briefingbot.Tests.Chat.CardAssert.Said));

    [Fact]
    public async Task Beheerders_names_each_admin_as_their_activities_did_with_the_id_only_as_detail()
    {
        // Issue 14 item 13: the list showed "11111111-…" where the audit log said "Anna Beheer".
        const string unseen = "44444444-4444-4444-4444-444444444444";
        await using var bot = NewBot(new Dictionary<string, string?> { ["Administration:Admins:1"] = unseen });
        await SayAsync(bot, "help", Anna);

        var turn = await SayAsync(bot, "beheerders", Bob);

        var card = turn.Sent.SelectMany(a => a.Attachments ?? []).Single().Content!.Value;
        var texts = Briefingbot.Tests.Chat.CardAssert.Texts(card);
        Assert.Contains("Anna Beheer", texts);
        Assert.Contains($"configuratie · id {Anna.AadObjectId}", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith(Anna.AadObjectId, StringComparison.Ordinal));
        // Never seen: a shortened id with a note, the full id in the detail line.
        Assert.Contains("44444444-…-4444 (naam onbekend)", texts);
        Assert.Contains(texts, t => t.StartsWith($"configuratie · id {unseen}", StringComparison.Ordinal) && t.Contains("verschijnt zodra", StringComparison.Ordinal));
    }

    /// <summary>
    /// A non-admin's help leaves out the commands only admins can use, and says they exist and who the admins are (a
    /// visual review: everyone got every admin command); an admin's help lists them.
    /// </summary>
    [Fact]
    public async Task Help_shows_the_admin_commands_to_admins_only()
    {
        await using var bot = NewBot();

        var admin = Said(await SayAsync(bot, "help", Anna));
        var other = Said(await SayAsync(bot, "help", Bob));

        foreach (var command in new[] { "‘onderwerp toevoegen", "‘vergadering toevoegen", "‘audit", "‘beheerder toevoegen", "voldaan" })
        {
            Assert.Contains(command, admin, StringComparison.Ordinal);
            Assert.DoesNotContain(command, other, StringComparison.Ordinal);
        }
        // What everyone can do stays, including the mixed lines ("toezegging <nr>"; admins change its status).
        foreach (var command in new[] { "toezeggingen", "toezegging ‹nr›", "vergaderingen", "onderwerpen", "abonneer", "beheerders" })
        {
            Assert.Contains(command, other, StringComparison.Ordinal);
        }
        Assert.Contains("Beheerders zien hier ook hun opdrachten", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Beheerders zien hier ook hun opdrachten", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_name_is_remembered_in_the_store_from_their_activity()
    {
        await using var bot = NewBot();
        await SayAsync(bot, "help", Anna);

        var names = await new Briefingbot.Storage.Stores.UserNameStore(bot.Services.GetRequiredService<Briefingbot.Storage.Database.StoreDatabase>(), bot.Time)
            .NamesAsync([Anna.AadObjectId.ToUpperInvariant()]);

        Assert.Equal("Anna Beheer", names[Anna.AadObjectId.ToUpperInvariant()]);
    }

    [Fact]
    public async Task Promise_history_says_who_marked_it_fulfilled_by_name()
    {
        // Issue 14 item 13: "voldaan door 11111111-1111-…" became "voldaan door Anna Beheer (11111111-…-1111)".
        await using var bot = NewBot();
        await RegisterSeed.IngestAsync(bot);
        var number = (await bot.PromisesAsync()).Single(p => p.DeadlinePhrase == "begin 2026").Number;
        await SayAsync(bot, $"toezegging {number} voldaan https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html", Anna);
        await bot.PromiseRegister.SetStatusAsync(number, Briefingbot.Storage.PromiseStatus.Open, null, "55555555-5555-5555-5555-555555555555", Now.AddMinutes(1));

        var shown = Said(await SayAsync(bot, $"toezegging {number}", Bob));

        Assert.Contains("voldaan door Anna Beheer (11111111-…-1111)", shown);
        Assert.Contains("heropend door 55555555-…-5555 (naam onbekend)", shown);
        Assert.DoesNotContain(Anna.AadObjectId, shown);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000020", "00000000-…-0020")]
    [InlineData("11111111-1111-1111-1111-111111111111", "11111111-…-1111")]
    [InlineData("29:1a2b3c4d5e6f7g8h9i0j", "29:1a2b3…9i0j")]
    [InlineData("U0123ABC", "U0123ABC")]
    public void Long_ids_are_shortened_for_reading(string id, string expected) =>
        Assert.Equal(expected, Briefingbot.Kernel.People.UserLabel.ShortId(id));

    [Fact]
    public async Task No_admin_or_register_card_has_a_needless_markdown_escape()
    {
        // Issue 14 item 5 for the cards of this area (the search cards: NeedlessEscapeTests).
        await using var bot = NewBot();
        await RegisterSeed.IngestAsync(bot);
        var number = (await bot.PromisesAsync()).First().Number;
        await SayAsync(bot, "onderwerp toevoegen defensie-eu \"defensie OR NAVO (Witboek)\"", Anna);
        await SayAsync(bot, $"toezegging {number} voldaan https://example.org/brief_1", Anna);
        var texts = new List<string>();
        foreach (var command in new[] { "beheerders", "audit", "onderwerpen", "vergaderingen --per 2025-11-24", "toezeggingen --per 2026-04-15", $"toezegging {number}", "vergaderingen" })
        {
            var turn = await SayAsync(bot, command, Anna);
            var cards = turn.Sent.SelectMany(a => a.Attachments ?? []).Where(a => a.Content is not null).Select(a => a.Content!.Value).ToList();
            Assert.True(cards.Count > 0, $"{command}: no card");
            texts.AddRange(cards.SelectMany(Briefingbot.Tests.Chat.CardAssert.Texts));
        }

        var needless = texts.SelectMany(Briefingbot.Tests.Cards.NeedlessEscapeTests.NeedlessEscapes).ToList();
        Assert.True(needless.Count == 0, "Needless escapes: " + string.Join(" | ", needless.Take(20)));
    }
}
