using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Text;

namespace Briefingbot.Cards;

/// <summary>
/// Renders any Adaptive Card as Markdown text for channels without cards (Slack through Azure Bot Service):
/// headings in bold, facts as a list, links as Markdown links, and every bot button as the command to type
/// (its data's <c>hint</c>). One converter for all templates, so a new card gets a text version for free.
/// TextBlock text is Markdown already (escaped where it came from letters or users), so it is copied as is.
/// </summary>
public static class CardMarkdown
{
    public static string Convert(JsonObject card)
    {
        var blocks = new List<string>();
        if (card["body"] is JsonArray body)
        {
            Elements(body, blocks);
        }
        if (card["actions"] is JsonArray actions)
        {
            Actions(actions, blocks);
        }
        return string.Join("\n\n", blocks.Where(b => b.Length > 0));
    }

    private static void Elements(JsonArray elements, List<string> blocks)
    {
        foreach (var node in elements)
        {
            if (node is not JsonObject e || e["isVisible"]?.GetValueKind() == System.Text.Json.JsonValueKind.False)
            {
                continue;
            }
            switch ((string?)e["type"])
            {
                case "TextBlock":
                    var text = (string?)e["text"] ?? "";
                    bool heading = (string?)e["weight"] == "Bolder" && !text.StartsWith("**", StringComparison.Ordinal);
                    blocks.Add(heading ? $"**{text}**" : text);
                    break;
                case "RichTextBlock":
                    blocks.Add(string.Concat((e["inlines"] as JsonArray ?? []).Select(i => i is JsonObject o ? (string?)o["text"] : (string?)i)));
                    break;
                case "FactSet":
                    var sb = new StringBuilder();
                    foreach (var f in e["facts"] as JsonArray ?? [])
                    {
                        sb.Append("- **").Append((string?)f?["title"]).Append(":** ").Append((string?)f?["value"]).Append('\n');
                    }
                    blocks.Add(sb.ToString().TrimEnd());
                    break;
                case "Container":
                    if (e["separator"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
                    {
                        blocks.Add("---");
                    }
                    Elements(e["items"] as JsonArray ?? [], blocks);
                    break;
                case "ColumnSet":
                    foreach (var column in e["columns"] as JsonArray ?? [])
                    {
                        Elements(column?["items"] as JsonArray ?? [], blocks);
                    }
                    break;
                case "ActionSet":
                    Actions(e["actions"] as JsonArray ?? [], blocks);
                    break;
                case "Image":
                    if ((string?)e["altText"] is { Length: > 0 } alt)
                    {
                        blocks.Add($"_{alt}_");
                    }
                    break;
            }
        }
    }

    private static void Actions(JsonArray actions, List<string> blocks)
    {
        var lines = new List<string>();
        foreach (var node in actions)
        {
            if (node is not JsonObject a)
            {
                continue;
            }
            var title = (string?)a["title"] ?? "";
            switch ((string?)a["type"])
            {
                case "Action.OpenUrl" when (string?)a["url"] is { Length: > 0 } url:
                    // Button titles are plain text: inside link brackets only what would end or nest the link, or be markup, is escaped.
                    lines.Add($"[{TeamsMarkdown.EscapeLinkText(title)}]({url})");
                    break;
                case "Action.Submit" or "Action.Execute" when a["data"] is JsonObject data && (string?)data["hint"] is { Length: > 0 } hint:
                    lines.Add($"{title}: typ `{hint.Replace('`', '\'')}`");
                    break;
            }
        }
        if (lines.Count > 0)
        {
            blocks.Add(string.Join("\n", lines.Select(l => "→ " + l)));
        }
    }
}
