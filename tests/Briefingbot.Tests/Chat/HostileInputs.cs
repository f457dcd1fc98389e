using System.Text;
using System.Text.Json;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// 200 hostile chat inputs, deterministic: empty and huge text, markup, Lucene syntax, JSON in text, control
/// characters, mentions, template syntax, and forged Action.Submit / Action.Execute data.
/// </summary>
public static class HostileInputs
{
    /// <summary>What arrives: typed text, an Action.Submit value, or an Action.Execute value (invoke).</summary>
    public enum Kind { Text, Submit, Execute }

    public sealed record Input(Kind Kind, string Payload);

    private static readonly string[] Texts =
    [
        "", " ", "\t\n", "\u0000", "\u200b", new string('a', 100 * 1024), string.Join(' ', Enumerable.Repeat("drones", 15_000)),
        "<script>alert(1)</script>", "<at>Briefingbot</at>", "<at>Iemand anders</at> help", "**vet** _schuin_ [link](javascript:alert(1))",
        "drones AND OR NOT", "\"unterminated phrase", "title:drones^10", "a*", "*", "?", "~", "drones~0.5", "[1 TO 5]", "{!lucene}",
        "(((((((((((drones", "))))", "+-+-", "\\", "\\\\\\", "/regex.*/", "drones\"", "''''", "${title}", "${$root.hits}", "{{DATE(2025-01-01T00:00:00Z)}}",
        "{\"command\":\"brief\",\"id\":\"x\"}", "[1,2,3]", "null", "true", "{}", "brief", "brief ../../etc/passwd", "brief " + new string('9', 500),
        "brief ${x}", "meer", "meer meer meer", "zoek", "zoek dossier", "zoek dossier 99999-99 sinds 2099", "zoek van 2030 tot 1990", "zoek sinds 31 februari 2025",
        "zoek type", "zoek kamer derde", "help " + new string('x', 1000), "hlep", "HÉLP", "😀😀😀", "\ud800", "مرحبا", "שלום", "漢字", "drones\r\nhelp",
        "DROP TABLE letters;", "'; DELETE FROM subscriptions; --", "%00%0d%0a", "../../../../", "file:///etc/passwd", "http://127.0.0.1:1/", "toon", "zoals", "zoals 000_28c287220feeccd7",
    ];

    private static readonly string[] Data =
    [
        "{}", "{\"command\":null}", "{\"command\":5}", "{\"command\":\"\"}", "{\"command\":\"brief\"}", "{\"command\":\"brief\",\"id\":null}",
        "{\"command\":\"brief\",\"id\":\"bestaat-niet\"}", "{\"command\":\"brief\",\"id\":{\"$ne\":1}}", "{\"command\":\"brief\",\"id\":\"" + new string('x', 5000) + "\"}",
        "{\"command\":\"brief\",\"id\":\"000_28c287220feeccd7\",\"back\":\"garbage\"}", "{\"command\":\"brief\",\"id\":\"000_28c287220feeccd7\",\"back\":{\"q\":5}}",
        "{\"command\":\"meer\"}", "{\"command\":\"meer\",\"q\":\"drones\",\"page\":-1}", "{\"command\":\"meer\",\"q\":\"drones\",\"page\":1e99}",
        "{\"command\":\"meer\",\"q\":\"drones\",\"page\":999}", "{\"command\":\"meer\",\"q\":\"" + new string('q', 10_000) + "\",\"page\":0}",
        "{\"command\":\"meer\",\"q\":\"drones\",\"page\":1,\"f\":{\"from\":\"morgen\",\"to\":12,\"dossier\":[]}}", "{\"command\":\"meer\",\"q\":\"drones\",\"page\":\"1\"}",
        "{\"command\":\"zoals\"}", "{\"command\":\"zoals\",\"id\":\"\"}", "{\"command\":\"help\",\"extra\":[1,2,{\"a\":null}]}",
        "{\"command\":\"zoek\",\"text\":\"\"}", "{\"command\":\"zoek\",\"text\":null}", "{\"text\":\"zoek drones\"}", "{\"text\":\"${x}\"}",
        "{\"command\":\"toezeggingen\",\"id\":\"x\"}", "{\"command\":\"rm -rf /\"}", "{\"command\":\"" + new string('c', 2000) + "\"}",
        "{\"verb\":\"meer\"}", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":[[[[[[]]]]]]}}}}}}",
    ];

    public static IReadOnlyList<Input> All()
    {
        var inputs = new List<Input>();
        inputs.AddRange(Texts.Select(t => new Input(Kind.Text, t)));
        inputs.AddRange(Data.Select(d => new Input(Kind.Submit, d)));
        inputs.AddRange(Data.Select(d => new Input(Kind.Execute, $"{{\"action\":{{\"type\":\"Action.Execute\",\"verb\":\"meer\",\"data\":{d}}}}}")));
        inputs.Add(new Input(Kind.Execute, "null"));
        inputs.Add(new Input(Kind.Execute, "{\"action\":\"x\"}"));
        inputs.Add(new Input(Kind.Execute, "{\"action\":{\"verb\":[],\"data\":\"text\"}}"));
        // Seeded random mixtures of the above, to reach 200 without hand-writing each.
        var random = new Random(20261124);
        var pieces = Texts.Where(t => t.Length < 200).ToArray();
        while (inputs.Count < 200)
        {
            var sb = new StringBuilder();
            for (int i = random.Next(1, 5); i > 0; i--)
            {
                sb.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            }
            inputs.Add(new Input(Kind.Text, sb.ToString()));
        }
        return inputs;
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
