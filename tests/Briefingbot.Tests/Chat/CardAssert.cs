using System.Text.Json;

namespace Briefingbot.Tests.Chat;

/// <summary>Reading cards in assertions.</summary>
public static class CardAssert
{
    /// <summary>Every TextBlock text and fact of the card, in order.</summary>
    public static List<string> Texts(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card, texts);
        return texts;
    }

    public static string AllText(JsonElement card) => string.Join("\n", Texts(card));

    /// <summary>What a reply says: its text, or the text of its cards.</summary>
    public static string Said(Briefingbot.Protocol.Schema.Activity reply) =>
        reply.Text ?? string.Join("\n", (reply.Attachments ?? []).Where(a => a.Content is not null).Select(a => AllText(a.Content!.Value)));

    /// <summary>All actions (card-level and in ActionSets) as (type, title, data or url).</summary>
    public static List<(string Type, string Title, JsonElement Payload)> Actions(JsonElement card)
    {
        var actions = new List<(string, string, JsonElement)>();
        CollectActions(card, actions);
        return actions;
    }

    private static void Walk(JsonElement e, List<string> texts)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out var t) && t.GetString() == "TextBlock" && e.TryGetProperty("text", out var text))
            {
                texts.Add(text.GetString()!);
            }
            if (e.TryGetProperty("type", out var f) && f.GetString() == "FactSet")
            {
                foreach (var fact in e.GetProperty("facts").EnumerateArray())
                {
                    texts.Add(fact.GetProperty("title").GetString() + ": " + fact.GetProperty("value").GetString());
                }
            }
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "body" or "items" or "columns")
                {
                    Walk(p.Value, texts);
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Walk(item, texts);
            }
        }
    }

    private static void CollectActions(JsonElement e, List<(string, string, JsonElement)> actions)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var type = e.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            if (type.StartsWith("Action.", StringComparison.Ordinal))
            {
                var payload = type == "Action.OpenUrl" ? e.GetProperty("url") : e.TryGetProperty("data", out var d) ? d : default;
                actions.Add((type, e.GetProperty("title").GetString()!, payload));
            }
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "body" or "items" or "columns" or "actions")
                {
                    CollectActions(p.Value, actions);
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                CollectActions(item, actions);
            }
        }
    }
}
