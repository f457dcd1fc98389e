using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Briefingbot.Kernel.Replies;

/// <summary>
/// A short reply written as Markdown (confirmations, refusals, usage hints of the admin and register commands) as
/// the data of the <c>note</c> card: one container per paragraph, one text block per line, quoted paragraphs
/// ("&gt; ...") on an emphasis background. Adaptive Card text blocks know bold, italics, links and lists but not
/// quotes or code, so `code` becomes ‘code’ as in the other cards. The Markdown itself stays the text fallback.
/// </summary>
public static partial class NoteCard
{
    public static JsonObject Data(string markdown)
    {
        var paragraphs = new JsonArray();
        foreach (var paragraph in BlankLines().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var lines = paragraph.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }
            var quote = lines.All(l => l.TrimStart().StartsWith('>'));
            var blocks = new JsonArray();
            foreach (var line in lines)
            {
                var text = quote ? line.TrimStart()[1..].TrimStart() : line;
                blocks.Add(new JsonObject { ["text"] = CardInlineCode.InQuotes(text) });
            }
            paragraphs.Add(new JsonObject { ["style"] = quote ? "emphasis" : "default", ["lines"] = blocks });
        }
        return new JsonObject { ["paragraphs"] = paragraphs };
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();
}
