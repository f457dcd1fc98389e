using System.Text.RegularExpressions;

namespace Briefingbot.Cards;

/// <summary>Text preparation for card TextBlocks (which render a Markdown subset) and for Markdown channels.</summary>
public static partial class CardText
{
    /// <summary>
    /// Collapses white space and cuts at a word boundary near <paramref name="max"/> characters, adding "…" (in place of
    /// a stop or comma the cut ends on).
    /// </summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var clean = Whitespace().Replace(text, " ").Trim();
        if (clean.Length <= max)
        {
            return clean;
        }
        int cut = clean.LastIndexOf(' ', Math.Max(0, max - 1));
        if (cut < max / 2)
        {
            cut = max - 1;
        }
        // Never cut a surrogate pair in two.
        if (cut > 0 && char.IsHighSurrogate(clean[cut - 1]))
        {
            cut--;
        }
        // "mobiliteit.…" read as four dots (a visual review): the ellipsis takes the place of a closing stop or comma.
        return clean[..cut].TrimEnd().TrimEnd('.', ',', ';', ':') + "…";
    }

    /// <summary>Text that begins a line, with a capital ("het kabinet" → "Het kabinet"; a visual review).</summary>
    public static string LineStart(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>Truncates Markdown produced by search highlighting without leaving a dangling <c>**</c> or escape.</summary>
    public static string TruncateMarkdown(string? markdown, int max)
    {
        var cut = Truncate(markdown, max);
        if (!cut.EndsWith('…'))
        {
            return cut;
        }
        var body = cut[..^1];
        // A trailing lone backslash would escape the ellipsis.
        if (body.EndsWith('\\') && !body.EndsWith("\\\\", StringComparison.Ordinal))
        {
            body = body[..^1];
        }
        if (CountBoldMarkers(body) % 2 == 1)
        {
            body += "**";
        }
        return body + "…";
    }

    private static int CountBoldMarkers(string s)
    {
        int count = 0;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
                continue;
            }
            if (s[i] == '*' && s[i + 1] == '*')
            {
                count++;
                i++;
            }
        }
        return count;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
