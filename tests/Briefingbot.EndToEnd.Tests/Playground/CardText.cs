using System.Text.Json;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>The texts of an Adaptive Card (TextBlocks, RichText runs, facts, action titles), in document order.</summary>
public static class CardText
{
    public static IReadOnlyList<string> Of(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card, texts);
        return texts;
    }

    /// <summary>The card's actions anywhere in it (card actions and ActionSets), as (type, title, element).</summary>
    public static IReadOnlyList<(string Type, string Title, JsonElement Action)> Actions(JsonElement card)
    {
        var found = new List<(string, string, JsonElement)>();
        CollectActions(card, found);
        return found;
    }

    private static void Walk(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type is "TextBlock" or "TextRun" && element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    texts.Add(text.GetString()!);
                }
                if (type is not null && type.StartsWith("Action.", StringComparison.Ordinal) && element.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                {
                    texts.Add(title.GetString()!);
                }
                if (element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var fact in facts.EnumerateArray())
                    {
                        texts.Add($"{Str(fact, "title")}: {Str(fact, "value")}");
                    }
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is not ("facts" or "data"))
                    {
                        Walk(property.Value, texts);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, texts);
                }
                break;
        }
    }

    private static void CollectActions(JsonElement element, List<(string, string, JsonElement)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString()!.StartsWith("Action.", StringComparison.Ordinal))
                {
                    found.Add((t.GetString()!, Str(element, "title"), element));
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name != "data")
                    {
                        CollectActions(property.Value, found);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectActions(item, found);
                }
                break;
        }
    }

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
