using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters;

/// <summary>
/// Finds where a piece of a passage's cleaned text sits in the raw file: the cleaned text drops footnote markers,
/// Markdown and line breaks, so the words are matched in order (skipping stray tokens such as footnote numbers).
/// </summary>
public static partial class RawTextLocator
{
    private const int MaxSkippedTokens = 4;

    /// <summary>Raw [start, end) of <paramref name="fragment"/> inside the passage's raw range, searching from <paramref name="from"/>; null when not found.</summary>
    public static (int Start, int End)? Locate(string raw, int rangeStart, int rangeEnd, string fragment, int from = -1)
    {
        var words = Tokens().Matches(fragment).Select(m => m.Value).ToList();
        if (words.Count == 0 || rangeEnd > raw.Length || rangeStart >= rangeEnd)
        {
            return null;
        }
        var start = Math.Max(rangeStart, from);
        var rawTokens = Tokens().Matches(raw[start..rangeEnd]).ToList();
        for (var i = 0; i < rawTokens.Count; i++)
        {
            if (!string.Equals(rawTokens[i].Value, words[0], StringComparison.Ordinal))
            {
                continue;
            }
            var j = i;
            var matched = 1;
            var ok = true;
            for (var w = 1; w < words.Count; w++)
            {
                var found = -1;
                for (var k = j + 1; k < rawTokens.Count && k <= j + 1 + MaxSkippedTokens; k++)
                {
                    if (string.Equals(rawTokens[k].Value, words[w], StringComparison.Ordinal))
                    {
                        found = k;
                        break;
                    }
                }
                if (found < 0)
                {
                    ok = false;
                    break;
                }
                j = found;
                matched++;
            }
            if (!ok)
            {
                continue;
            }
            var s = start + rawTokens[i].Index;
            var e = start + rawTokens[j].Index + rawTokens[j].Length;
            // Keep the closing punctuation of the fragment ("…geïnformeerd.").
            var trimmed = fragment.TrimEnd();
            var tail = trimmed.Length;
            while (tail > 0 && !char.IsLetterOrDigit(trimmed[tail - 1]))
            {
                tail--;
            }
            foreach (var c in trimmed[tail..])
            {
                if (e < rangeEnd && raw[e] == c)
                {
                    e++;
                }
            }
            return (s, e);
        }
        return null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Tokens();
}
