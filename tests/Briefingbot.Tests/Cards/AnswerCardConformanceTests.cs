using System.Text.Json;
using Briefingbot.Cards;
using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Chat;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// Cards as the bot really sends them (real search answers on the seed index, hand-made hostile letters, help,
/// welcome, errors, message-extension results), checked by the official tools: the Adaptive Card 1.5 schema,
/// the adaptivecards renderer at 1.5 with zero warnings, and the 28 KB limit.
/// </summary>
public sealed class AnswerCardConformanceTests(SeedIndex seeds) : IClassFixture<SeedIndex>
{
    [Fact]
    public async Task Every_card_the_bot_answers_with_passes_schema_renderer_and_size_checks()
    {
        var cards = new Dictionary<string, JsonElement>();
        using (var real = new ChatTestHost(seeds.Search))
        {
            foreach (var text in new[] { "drones", "herstellening", "zoek Oekraine", "defensie", "Witboek sinds 2025", "qqqxxyyzz" })
            {
                cards["real: " + text] = (await real.SayAsync(text)).SingleCard();
            }
            cards["real: meer"] = (await real.SayAsync("meer")).SingleCard();
            foreach (var letter in await seeds.Search.ListLettersAsync())
            {
                cards["real: brief " + letter.Id] = (await real.SayAsync("brief " + letter.Id)).SingleCard();
            }
            var me = await real.TurnAsync(FakeTurnContext.Invoke("composeExtension/query",
                """{"parameters":[{"name":"searchQuery","value":"herstellening"}],"queryOptions":{"skip":0,"count":10}}"""));
            int i = 0;
            foreach (var a in JsonSerializer.SerializeToElement(me.InvokeResponse!.Body).GetProperty("composeExtension").GetProperty("attachments").EnumerateArray())
            {
                cards[$"real: extension {i++}"] = a.GetProperty("content");
            }
        }

        using (var fake = new ChatTestHost())
        {
            foreach (var text in new[] { "drones", "oefening 7", "injectie valkuil", "brief 999_hostile", "brief " + SampleLetters.QuestionsId, "help", "hlep", "meer", "zoek", "brief", "brief ${x}" })
            {
                cards["fake: " + text] = (await fake.SayAsync(text)).SingleCard();
            }
            var forged = await fake.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action", """{"action":{"verb":"meer","data":{"command":"meer","q":"drones","page":"x"}}}"""));
            cards["fake: forged execute"] = BriefingBotTests.InvokeCard(forged);
            foreach (var scope in new[] { "channel", "groupChat", "personal" })
            {
                var install = FakeTurnContext.Message(null, conversationId: scope, conversationType: scope);
                install.Type = ActivityTypes.InstallationUpdate;
                install.Action = "add";
                cards["fake: welcome " + scope] = (await fake.TurnAsync(install)).SingleCard();
            }
            var responder = fake.Get<Briefingbot.Chat.ChatResponder>();
            var list = ListCard.Create(CardTemplateConformanceTests.Hostile,
                [new ListCardItem(CardTemplateConformanceTests.Hostile, "meta", "tekst", "javascript:alert(1)"), new ListCardItem("Twee", Url: "https://example.org/x")],
                subtitle: "sub", footer: "voet", buttons: [("Knop", ActionData.TypedText("help"))]);
            cards["fake: list"] = JsonSerializer.SerializeToElement(responder.RenderCard(list));
            cards["fake: empty list"] = JsonSerializer.SerializeToElement(responder.RenderCard(ListCard.Create("Leeg", [])));
        }

        var folder = Path.Combine(Path.GetTempPath(), "cardcheck-answers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var jobs = new List<NodeCardChecker.Job>();
            int n = 0;
            foreach (var (name, card) in cards)
            {
                var file = Path.Combine(folder, $"{n++}.json");
                await File.WriteAllTextAsync(file, card.GetRawText());
                jobs.Add(new(name, Card: file));
            }
            var results = await NodeCardChecker.RunAsync(jobs);

            var failures = results.Values
                .Where(r => r.Error is not null || r.SchemaErrors.Count > 0 || r.RendererEvents.Count > 0 || !r.SizeOk)
                .Select(r => $"{r.Name}: {r.Error} {string.Join("; ", r.SchemaErrors.Take(3))} {string.Join("; ", r.RendererEvents)} size {r.Size}")
                .ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(cards.Count, results.Count);
            // Template syntax in a letter stays text: the hostile title shows literally, nothing was evaluated.
            Assert.Contains("Titel met ${title} en", CardAssert.AllText(cards["fake: injectie valkuil"]), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
