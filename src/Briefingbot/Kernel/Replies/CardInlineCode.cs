using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Briefingbot.Kernel.Replies;

/// <summary>
/// Teams renders only bold, italics, lists and links in card text, so a command written as inline code
/// (<c>`zoek drones`</c>) would show its backticks. Before a card is sent to a channel that renders cards, inline
/// code in its text blocks, text runs and facts becomes ‘zoek drones’, as <see cref="NoteCard"/> writes it. The
/// Markdown text for channels without cards (Slack) keeps the backticks, which those channels render.
/// </summary>
public static partial class CardInlineCode
{
    /// <summary>Replaces inline code in the texts of <paramref name="node"/> (a card or part of one), in place.</summary>
    public static void Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"] is JsonValue t && t.TryGetValue<string>(out var name) ? name : null;
                if (type is "TextBlock" or "TextRun")
                {
                    ReplaceText(obj, "text");
                }
                else if (type == "FactSet" && obj["facts"] is JsonArray facts)
                {
                    foreach (var fact in facts.OfType<JsonObject>())
                    {
                        ReplaceText(fact, "title");
                        ReplaceText(fact, "value");
                    }
                }
                foreach (var child in obj.Where(p => p.Key is not "data").Select(p => p.Value).ToList())
                {
                    Replace(child);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Replace(item);
                }
                break;
        }
    }

    /// <summary>
    /// <paramref name="text"/> with each <c>`code`</c> written as ‘code’ (an escaped backtick stays). A placeholder's
    /// angle brackets become ‹ ›: outside a code span a card's Markdown renderer reads "&lt;woorden&gt;" as an HTML tag
    /// and drops it (the Playground showed "‘zoek ’").
    /// </summary>
    public static string InQuotes(string text) => text.Contains('`', StringComparison.Ordinal)
        ? InlineCode().Replace(text, m => "‘" + m.Groups[1].Value.Replace('<', '‹').Replace('>', '›') + "’")
        : text;

    private static void ReplaceText(JsonObject obj, string key)
    {
        if (obj[key] is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains('`', StringComparison.Ordinal))
        {
            obj[key] = InQuotes(text);
        }
    }

    [GeneratedRegex(@"(?<!\\)`([^`\n]+)`")]
    private static partial Regex InlineCode();
}
