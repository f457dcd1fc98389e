using System.Text.Json.Nodes;
using Briefingbot.Cards.Templating;

namespace Briefingbot.Tests.Cards;

public sealed class TopicsCardTests
{
    private static string Render(string data)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cards", "topics.json")))!;
        return new CardTemplateEngine(template).Expand(JsonNode.Parse(data))!.ToJsonString();
    }

    [Fact]
    public void Without_topics_the_card_does_not_ask_to_subscribe_to_them()
    {
        // A QA pass: "Abonneer dit gesprek op onderwerpen …" under "Er zijn nog geen onderwerpen".
        var empty = Render("""{"title":"Onderwerpen","count":0,"hasTopics":false,"isEmpty":true,"topics":[]}""");
        var some = Render("""{"title":"Onderwerpen","count":1,"hasTopics":true,"isEmpty":false,"topics":[{"name":"drones","query":"drones"}]}""");

        Assert.Contains("Er zijn nog geen onderwerpen", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Abonneer dit gesprek", empty, StringComparison.Ordinal);
        Assert.Contains("Abonneer dit gesprek", some, StringComparison.Ordinal);
    }
}
