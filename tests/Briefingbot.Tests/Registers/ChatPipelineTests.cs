using System.Text.Json;
using Briefingbot.Administration.Replies;
using Briefingbot.Chat;
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

    private static CommandHarness NewBot() => new(Now, configure: services =>
    {
        services.AddChat(new ConfigurationBuilder().Build());
        services.AddSingleton<ICardRenderer, Briefingbot.Cards.SharedCardRenderer>();
    });

    [Fact]
    public void Card_data_with_long_numbers_renders_regression()
    {
        // Regression: data built in code (JsonObject with a long) made the engine throw and the answer fall back to text.
        using var services = new ServiceCollection().AddSingleton(Microsoft.Extensions.Options.Options.Create(new Briefingbot.Cards.CardOptions()))
            .AddSingleton<Briefingbot.Cards.CardRenderer>().AddSingleton<ICardRenderer, Briefingbot.Cards.SharedCardRenderer>().BuildServiceProvider();
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
}
