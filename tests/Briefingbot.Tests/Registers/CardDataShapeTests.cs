using System.Text.Json.Nodes;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary>
/// The card data the commands build has the shape of the samples in cards/*.data.json, which the official
/// templating and renderer check against the templates: so the templates and the code cannot drift apart.
/// </summary>
public class CardDataShapeTests
{
    [Fact]
    public async Task Built_card_data_has_the_shape_of_the_samples()
    {
        var now = new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);
        // With instant alerts, as the bot has them: the subscription card then says whether they are on.
        await using var bot = new CommandHarness(now, configure: s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Briefingbot.Storage.Stores.InstantAlertSubscriptions>(s));
        await RegisterSeed.IngestAsync(bot);
        await bot.TopicStore.UpsertAsync(new Topic("defensie-eu", "defensie OR NAVO OR Witboek", Anna.AadObjectId, now, now));
        await bot.AdminStore.AddAsync(Carla.AadObjectId, Carla.Name, Anna.AadObjectId);

        await bot.SendAsync("toezeggingen alle per 2026-04-15", Bob, supportsCards: true);
        await bot.SendAsync("vergaderingen komende 30 dagen", Bob, supportsCards: true);
        await bot.SendAsync("onderwerpen", Bob, supportsCards: true);
        await bot.SendAsync("onderwerp wijzigen defensie-eu \"defensie OR NAVO OR drones\"", Anna, supportsCards: true);
        await bot.SendAsync("abonneer defensie-eu", Bob, Channel, supportsCards: true);
        await bot.SendAsync("beheerders", Bob, supportsCards: true);
        await bot.SendAsync("audit", Anna, supportsCards: true);

        Assert.Equal(["promises", "meetings", "topics", "topics-saved", "subscription", "admin", "audit"], bot.Cards.Rendered.Select(r => r.Template));
        foreach (var (template, data) in bot.Cards.Rendered)
        {
            var samplePath = Path.Combine(AppContext.BaseDirectory, "cards", template + ".data.json");
            Assert.True(File.Exists(samplePath), $"missing sample {samplePath}");
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "cards", template + ".json")), $"missing template {template}.json");
            var sample = JsonNode.Parse(await File.ReadAllTextAsync(samplePath))!;
            AssertSameShape(sample, data, template);
        }
    }

    private static void AssertSameShape(JsonNode expected, JsonNode? actual, string path)
    {
        Assert.True(actual is not null, $"{path}: missing");
        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.Equal(e.Select(p => p.Key).Order(), a.Select(p => p.Key).Order());
                foreach (var (key, value) in e)
                {
                    if (value is not null)
                    {
                        AssertSameShape(value, a[key], $"{path}.{key}");
                    }
                }
                break;
            case JsonArray e:
                var array = Assert.IsType<JsonArray>(actual);
                if (e.Count > 0 && array.Count > 0)
                {
                    AssertSameShape(e[0]!, array[0], $"{path}[0]");
                }
                break;
            default:
                Assert.Equal(expected.GetValueKind(), actual!.GetValueKind());
                break;
        }
    }
}
