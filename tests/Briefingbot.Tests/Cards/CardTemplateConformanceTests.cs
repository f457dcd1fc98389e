using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Cards.Templating;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// The four checks of every template in cards/ with its sample data, against the official tools (issue 4):
/// (a) Briefingbot's expander equals adaptivecards-templating, (b) the Adaptive Card 1.5 schema holds,
/// (c) the adaptivecards renderer parses it at 1.5 with no warnings, (d) at most 28 KB. The node checker runs
/// once for all templates (class fixture); each template is its own test case.
/// </summary>
public sealed class CardTemplateConformanceTests(CardTemplateConformanceTests.Fixture fixture) : IClassFixture<CardTemplateConformanceTests.Fixture>
{
    /// <summary>Text that tries to break out of a card: template syntax, quotes, braces, Markdown, a Teams date function.</summary>
    public const string Hostile = "${$root} ${title} \"quoted\" }{ ]} **vet** <at>x</at> {{DATE(2025-01-01T00:00:00Z, SHORT)}} \\ ${if(true,'a','b')}";

    public sealed class Fixture : IAsyncLifetime
    {
        public IReadOnlyDictionary<string, NodeCardChecker.Result> Results { get; private set; } = new Dictionary<string, NodeCardChecker.Result>();

        public string HostileFolder { get; } = Path.Combine(Path.GetTempPath(), "cardcheck-hostile-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(HostileFolder);
            var jobs = new List<NodeCardChecker.Job>();
            foreach (var name in TemplateNames())
            {
                var template = Path.Combine(NodeCardChecker.CardsFolder, name + ".json");
                var data = Path.Combine(NodeCardChecker.CardsFolder, name + ".data.json");
                jobs.Add(new(name, template, data));
                var hostile = Path.Combine(HostileFolder, name + ".data.json");
                await File.WriteAllTextAsync(hostile, Poison(JsonNode.Parse(await File.ReadAllTextAsync(data)))!.ToJsonString());
                jobs.Add(new(name + "#hostile", template, hostile));
            }
            Results = await NodeCardChecker.RunAsync(jobs);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(HostileFolder, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>Every string in the data replaced by hostile text (booleans, numbers and structure stay).</summary>
        private static JsonNode? Poison(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Poison(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Poison).ToArray()),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(Hostile),
            _ => node?.DeepClone(),
        };
    }

    public static IEnumerable<string> TemplateNames() =>
        Directory.GetFiles(NodeCardChecker.CardsFolder, "*.json")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Templates() => new(TemplateNames());

    [Fact]
    public void Every_card_the_bot_uses_is_a_template_with_sample_data()
    {
        // Other features may add templates of their own; they are checked by the theories below as well.
        Assert.Subset(TemplateNames().ToHashSet(), CardNames.All.ToHashSet());
        foreach (var name in CardNames.All)
        {
            Assert.True(File.Exists(Path.Combine(NodeCardChecker.CardsFolder, name + ".data.json")), name);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Expansion_equals_the_official_adaptivecards_templating(string name)
    {
        var result = Check(name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Expanded!.Value.GetRawText()), ExpandInCSharp(name, null)),
            $"C#: {ExpandInCSharp(name, null)?.ToJsonString()}\nJS: {result.Expanded.Value.GetRawText()}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Validates_against_the_Adaptive_Card_1_5_schema(string name)
    {
        Assert.Empty(Check(name).SchemaErrors);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Parses_in_the_official_renderer_at_1_5_without_warnings(string name)
    {
        Assert.Empty(Check(name).RendererEvents);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Stays_within_28_KB(string name)
    {
        var result = Check(name);
        Assert.True(result.SizeOk && result.Size is > 0 and <= 28 * 1024, $"{name}: {result.Size} bytes");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Hostile_data_stays_literal_text_in_both_engines(string name)
    {
        var result = Check(name + "#hostile");
        var hostileData = Path.Combine(fixture.HostileFolder, name + ".data.json");
        var mine = ExpandInCSharp(name, hostileData);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(result.Expanded!.Value.GetRawText()), mine),
            $"C#: {mine?.ToJsonString()}\nJS: {result.Expanded.Value.GetRawText()}");
        Assert.Contains(JsonSerializer.Serialize(Hostile), mine!.ToJsonString());
    }

    private NodeCardChecker.Result Check(string name)
    {
        var result = fixture.Results[name];
        Assert.Null(result.Error);
        return result;
    }

    private static JsonNode? ExpandInCSharp(string name, string? dataFile)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeCardChecker.CardsFolder, name + ".json")))!;
        var data = JsonNode.Parse(File.ReadAllText(dataFile ?? Path.Combine(NodeCardChecker.CardsFolder, name + ".data.json")));
        return new CardTemplateEngine(template).Expand(data);
    }
}
