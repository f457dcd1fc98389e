using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Cards.Templating;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// Issue 17: the card expander keeps only what cards/ uses (data paths, <c>&amp;&amp;</c>, <c>||</c>, interpolation,
/// <c>$data</c>, <c>$when</c>, <c>$root</c>), and each of those is checked here against the official
/// adaptivecards-templating package on its edge cases (falsy values, missing paths, nested data), beyond the sample
/// data of the templates that CardTemplateConformanceTests covers.
/// </summary>
public sealed class TemplateExpressionConformanceTests(TemplateExpressionConformanceTests.Fixture fixture) : IClassFixture<TemplateExpressionConformanceTests.Fixture>
{
    private const string Values = """{"t":true,"f":false,"n":null,"e":"","z":0,"s":"x","l":[],"o":{},"num":1.5,"big":12,"neg":-3,"list":[1,"a",true],"obj":{"k":{"deep":"d"}}}""";
    private static readonly string[] Operands = ["t", "f", "n", "e", "z", "s", "l", "o", "missing", "obj.k", "obj.nope", "$root.t", "$root.missing"];

    public static readonly IReadOnlyDictionary<string, (string Template, string Data)> Cases = new Dictionary<string, (string, string)>
    {
        ["and-or-in-when"] = (Body(Operands.SelectMany(a => Operands.SelectMany(b => new[]
        {
            new JsonObject { ["id"] = $"{a} && {b}", ["$when"] = $"${{{a} && {b}}}" },
            new JsonObject { ["id"] = $"{a} || {b}", ["$when"] = $"${{{a} || {b}}}" },
        })).Concat(Operands.Select(a => new JsonObject { ["id"] = a, ["$when"] = $"${{{a}}}" })).Concat(
        [
            new JsonObject { ["id"] = "three", ["$when"] = "${f || t && s}" },
            new JsonObject { ["id"] = "three-b", ["$when"] = "${t && f || s}" },
        ])), Values),
        ["and-or-as-values"] = (Body(Operands.Select(a => new JsonObject
        {
            ["and"] = $"${{{a} && t}}",
            ["or"] = $"${{f || {a}}}",
            ["text"] = $"[${{{a} && s}}] [${{{a} || f}}]",
        })), Values),
        ["paths-and-interpolation"] = (Body(new[] { "t", "f", "n", "e", "z", "s", "l", "o", "num", "big", "neg", "list", "obj", "obj.k", "obj.k.deep", "obj.nope.deeper", "missing", "$root.s", "$root", "$root.missing.x" }
            // A null in text is left out of the comparison: the official engine throws a TypeError on it, ours writes
            // nothing (CardTemplateEngineTests.A_null_in_text_is_empty_where_the_official_engine_throws).
            .Select(p => p == "n" ? new JsonObject { ["whole"] = "${n}" } : new JsonObject { ["whole"] = $"${{{p}}}", ["text"] = $"<${{{p}}}> en ${{ {p} }}" })), Values),
        ["data-nesting"] = (
            """
            {"type":"AdaptiveCard","body":[
              {"$data":"${groups}","title":"${name} (${$root.heading})","items":[{"$data":"${items}","t":"${label} / ${name} / ${$root.heading}","$when":"${show || $root.all}"}]},
              {"$data":"${single}","t":"${label}","n":"${nested.value}"},
              {"$data":"${missing}","t":"${label}"},
              {"$data":"${none}","t":"x"},
              {"$data":"${emptyList}","t":"never"},
              {"t":"after"}
            ]}
            """,
            """
            {"heading":"H","all":false,"groups":[{"name":"g1","items":[{"label":"a","show":true},{"label":"b","show":false},{"label":"c"}]},{"name":"g2","items":[]},{"items":[{"label":"d","show":true}]}],
             "single":{"label":"s","nested":{"value":7}},"none":null,"emptyList":[]}
            """),
    };

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly string folder = Directory.CreateTempSubdirectory("briefingbot-templating-").FullName;

        public IReadOnlyDictionary<string, NodeCardChecker.Result> Results { get; private set; } = new Dictionary<string, NodeCardChecker.Result>();

        public async Task InitializeAsync()
        {
            var jobs = new List<NodeCardChecker.Job>();
            foreach (var (name, (template, data)) in Cases)
            {
                var templateFile = Path.Combine(folder, name + ".json");
                var dataFile = Path.Combine(folder, name + ".data.json");
                await File.WriteAllTextAsync(templateFile, template);
                await File.WriteAllTextAsync(dataFile, data);
                jobs.Add(new(name, templateFile, dataFile));
            }
            Results = await NodeCardChecker.RunAsync(jobs);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Expansion_equals_the_official_adaptivecards_templating(string name)
    {
        var result = fixture.Results[name];
        Assert.Null(result.Error);
        var (template, data) = Cases[name];

        var mine = new CardTemplateEngine(JsonNode.Parse(template)!).Expand(JsonNode.Parse(data));

        var official = JsonNode.Parse(result.Expanded!.Value.GetRawText());
        Assert.True(JsonNode.DeepEquals(official, mine), Difference(official, mine));
    }

    private static string Body(IEnumerable<JsonObject> elements) =>
        new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(elements.ToArray<JsonNode?>()) }.ToJsonString();

    /// <summary>The first body elements that differ, so a failure says which case.</summary>
    private static string Difference(JsonNode? official, JsonNode? mine)
    {
        if (official?["body"] is JsonArray a && mine?["body"] is JsonArray b)
        {
            var lines = Enumerable.Range(0, Math.Max(a.Count, b.Count))
                .Where(i => i >= a.Count || i >= b.Count || !JsonNode.DeepEquals(a[i], b[i]))
                .Take(5)
                .Select(i => $"JS: {(i < a.Count ? a[i]?.ToJsonString() : "-")}\nC#: {(i < b.Count ? b[i]?.ToJsonString() : "-")}");
            return string.Join("\n", lines);
        }
        return $"JS: {official?.ToJsonString()}\nC#: {mine?.ToJsonString()}";
    }
}
