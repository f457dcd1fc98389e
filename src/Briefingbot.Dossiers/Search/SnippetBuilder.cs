using Briefingbot.Dossiers.Text;
using System.Text;
using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Analysis;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Our own highlighter: the passage is run through the same analysis chain as the index, tokens whose term the query
/// looked for are marked, and a window of about <see cref="WindowChars"/> characters around the densest group of
/// matches is cut at word boundaries, inside one raw-contiguous piece, so its raw offsets hold exactly the text shown.
/// <para>
/// Kept after a spike against Lucene.Net.Highlighter 4.8.0-beta00017 (issue 17 item 6; <c>bench-snippets</c> in
/// tools/Briefingbot.Bench, figures in docs/search.md, "Snippet window"): on the 133 eval-set queries over the seeds
/// (1,196 passages, 930 longer than a 300-character window) the package's <c>Highlighter</c> + <c>QueryScorer</c> +
/// <c>SimpleSpanFragmenter</c> cost more per snippet (Release, load 3.7: CPU 69.4 against 48.6 µs at 600 characters,
/// 47.4 against 37.7 µs at 300; wall p50 30.6 against 19.2 and 38.2 against 26.3 µs), and its
/// grid-aligned fragments ran over the window in 76% of the cut windows (348 characters on average for 300). Given
/// the same length per passage, this code shows about as much of the judged answers (90.9% against 91.2%) and more
/// often every sought word (99.1% against 98.4%); the offset contract held for both (930 of 930). The package also keeps a fragment's offsets internal, and they count in the marked-up text, so mapping
/// its window back to the raw file needs a formatter that writes offsets into the markup; the FastVectorHighlighter
/// would need term vectors, which the index does not store.
/// </para>
/// </summary>
internal static class SnippetBuilder
{
    public const int WindowChars = 300;
    /// <summary>The window of a ranked passage: at most this many characters of it are shown.</summary>
    public const int PassageWindowChars = 600;
    private const string Ellipsis = "…";

    public static Snippet Build(Analyzer analyzer, string text, LetterQueryBuilder.Highlights highlights) =>
        Build(analyzer, analyzer, text, highlights);

    /// <summary>
    /// Highlights in two passes: whole words first, with <paramref name="wholeWords"/> (the chain without its
    /// compound step, several times cheaper: decomposing every long word dominated the cost of a search page, as
    /// profiled); then the full chain, only over the words where it could mark more: those holding a sought term's first
    /// letters and not marked whole, where a compound ("dronebestrijding" for "drone") or a hyphenated word's whole may
    /// hold it (the same marks as the full chain over the passage: the chain works word by word).
    /// </summary>
    public static Snippet Build(Analyzer analyzer, Analyzer wholeWords, string text, LetterQueryBuilder.Highlights highlights, int windowChars = WindowChars,
        IReadOnlyList<(int Start, int End)>? segments = null)
    {
        var matches = FindMatches(wholeWords, text, highlights);
        if (!ReferenceEquals(analyzer, wholeWords) && CompoundCandidates(text, highlights, matches) is var words && words is not { Count: 0 })
        {
            matches = words is null
                ? FindMatches(analyzer, text, highlights)
                : Merge([.. matches, .. words.SelectMany(w => FindMatches(analyzer, text[w.Start..w.End], highlights).Select(m => (m.Start + w.Start, m.End + w.Start)))]);
        }
        int windowStart, windowEnd;
        if (segments is { Count: > 1 })
        {
            // The window stays inside one piece that is contiguous in the raw file: the one with the most matches.
            var best = segments.OrderByDescending(seg => matches.Count(m => m.Start >= seg.Start && m.End <= seg.End)).ThenBy(seg => seg.Start).First();
            var inside = matches.Where(m => m.Start >= best.Start && m.End <= best.End).Select(m => (m.Start - best.Start, m.End - best.Start)).ToList();
            var (s, e) = ChooseWindow(text[best.Start..best.End], inside, windowChars);
            (windowStart, windowEnd) = (best.Start + s, best.Start + e);
        }
        else
        {
            (windowStart, windowEnd) = ChooseWindow(text, matches, windowChars);
        }

        var builder = new StringBuilder();
        var prefix = windowStart > 0 ? Ellipsis + " " : string.Empty;
        builder.Append(prefix);
        builder.Append(text, windowStart, windowEnd - windowStart);
        if (windowEnd < text.Length)
        {
            builder.Append(" " + Ellipsis);
        }
        var snippetText = builder.ToString();

        var ranges = matches
            .Where(m => m.Start >= windowStart && m.End <= windowEnd)
            .Select(m => new HighlightRange(m.Start - windowStart + prefix.Length, m.End - m.Start))
            .ToList();
        return new Snippet(snippetText, ranges, ToMarkdown(snippetText, ranges)) { WindowStart = windowStart, WindowEnd = windowEnd };
    }

    /// <summary>Matched character ranges in <paramref name="text"/>, merged where they overlap (hyphenated words).</summary>
    internal static List<(int Start, int End)> FindMatches(Analyzer analyzer, string text, LetterQueryBuilder.Highlights highlights)
    {
        var ranges = new List<(int Start, int End)>();
        if (highlights.IsEmpty || text.Length == 0)
        {
            return ranges;
        }
        var tokens = TokenAnalysis.Analyze(analyzer, IndexFields.Text, text);
        foreach (var token in tokens)
        {
            if (highlights.Terms.Contains(token.Term) || highlights.Prefixes.Any(p => token.Term.StartsWith(p, StringComparison.Ordinal))
                || (!token.Stacked && highlights.WholeWordsOnly.Contains(token.Term)))
            {
                ranges.Add((token.Start, token.End));
            }
        }
        if (highlights.Phrases.Count > 0)
        {
            ranges.AddRange(PhraseMatches(tokens, highlights.Phrases));
        }
        return Merge(ranges);
    }

    /// <summary>
    /// Where a phrase's terms stand at their relative positions (an abbreviation's long form, stop words between them
    /// left out): the range from its first word to its last. Its words elsewhere are not marked.
    /// </summary>
    private static IEnumerable<(int Start, int End)> PhraseMatches(IReadOnlyList<AnalyzedToken> tokens, List<IReadOnlyList<(string Term, int Position)>> phrases)
    {
        var primary = tokens.Where(t => !t.Stacked).ToList();
        foreach (var phrase in phrases)
        {
            for (var i = 0; i < primary.Count; i++)
            {
                if (primary[i].Term != phrase[0].Term)
                {
                    continue;
                }
                var last = i;
                var matched = true;
                for (var k = 1; k < phrase.Count && matched; k++)
                {
                    var position = primary[i].Position + phrase[k].Position - phrase[0].Position;
                    var next = last + 1;
                    while (next < primary.Count && primary[next].Position < position)
                    {
                        next++;
                    }
                    matched = next < primary.Count && primary[next].Position == position && primary[next].Term == phrase[k].Term;
                    last = next;
                }
                if (matched)
                {
                    yield return (primary[i].Start, primary[last].End);
                }
            }
        }
    }

    /// <summary>The ranges sorted, overlapping and touching ones joined.</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }
        return merged;
    }

    /// <summary>
    /// The words (runs between whitespace) where the full chain could mark more than the whole-word pass: those holding
    /// the first letters of a sought term or prefix (a stem keeps the start of the word; its end may differ, as in
    /// "brieven" and "brief"), where a compound part or a hyphenated word's whole may hold it. Empty when no word
    /// does; null when the whole passage must be analysed (folding changed the length, so offsets would not line up).
    /// </summary>
    private static List<(int Start, int End)>? CompoundCandidates(string text, LetterQueryBuilder.Highlights highlights, List<(int Start, int End)> matches)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length != text.Length)
        {
            return null; // offsets would not line up (decomposed accents): take the thorough way
        }
        var words = new List<(int Start, int End)>();
        foreach (var sought in highlights.Terms.Concat(highlights.Prefixes))
        {
            var start = sought[..Math.Min(sought.Length, StemStart)];
            for (var at = folded.IndexOf(start, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(start, at + 1, StringComparison.Ordinal))
            {
                if (words.Any(w => w.Start <= at && at < w.End))
                {
                    continue; // another sought term's word, already taken
                }
                var (from, to) = (at, at);
                while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
                {
                    from--;
                }
                while (to < text.Length && !char.IsWhiteSpace(text[to]))
                {
                    to++;
                }
                var (first, last) = (from, to);
                while (first < last && !char.IsLetterOrDigit(text[first]))
                {
                    first++;
                }
                while (last > first && !char.IsLetterOrDigit(text[last - 1]))
                {
                    last--;
                }
                if (!matches.Any(m => m.Start <= first && m.End >= last)) // marked whole already: nothing can mark more
                {
                    words.Add((from, to));
                }
                at = to - 1; // the word is decided: on to the next one
            }
        }
        words.Sort();
        return words;
    }

    /// <summary>Letters of a sought term that the word holding it must contain (the stem's start).</summary>
    private const int StemStart = 4;

    private static (int Start, int End) ChooseWindow(string text, List<(int Start, int End)> matches, int windowChars)
    {
        if (text.Length <= windowChars)
        {
            return (0, text.Length);
        }

        var anchor = 0;
        if (matches.Count > 0)
        {
            // Densest window: the match from which the most matches fit within the window (earliest on ties).
            var bestCount = -1;
            var j = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                if (j < i)
                {
                    j = i;
                }
                while (j + 1 < matches.Count && matches[j + 1].End - matches[i].Start <= windowChars)
                {
                    j++;
                }
                if (j - i + 1 > bestCount)
                {
                    bestCount = j - i + 1;
                    anchor = i;
                }
            }
            var last = anchor + bestCount - 1;
            var span = matches[last].End - matches[anchor].Start;
            // Centre the matched group in the window.
            var start = Math.Max(0, matches[anchor].Start - (windowChars - span) / 2);
            var end = Math.Min(text.Length, start + windowChars);
            start = Math.Max(0, end - windowChars);
            return SnapToWords(text, start, end, matches[anchor].Start, matches[last].End);
        }

        return SnapToWords(text, 0, windowChars, 0, 0);
    }

    /// <summary>Moves the window edges to spaces so no word is cut, never cutting into the matched span.</summary>
    private static (int Start, int End) SnapToWords(string text, int start, int end, int keepFrom, int keepTo)
    {
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            if (space >= 0 && space < keepFrom && space - start < 40)
            {
                start = space + 1;
            }
        }
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1);
            if (space > keepTo && end - space < 40)
            {
                end = space;
            }
        }
        return (start, end);
    }

    /// <summary>Markdown with matches in bold and only what the Teams Markdown subset would interpret escaped (<see cref="TeamsMarkdown"/>); one paragraph.</summary>
    internal static string ToMarkdown(string text, IReadOnlyList<HighlightRange> ranges)
    {
        var builder = new StringBuilder(text.Length + ranges.Count * 4 + 16);
        var position = 0;
        foreach (var range in ranges)
        {
            // Line breaks inside a snippet would start new Markdown blocks (lists, headings); keep one paragraph.
            TeamsMarkdown.AppendEscaped(builder, text, position, range.Start - position, singleLine: true);
            builder.Append("**");
            TeamsMarkdown.AppendEscaped(builder, text, range.Start, range.Length, singleLine: true);
            builder.Append("**");
            position = range.Start + range.Length;
        }
        TeamsMarkdown.AppendEscaped(builder, text, position, text.Length - position, singleLine: true);
        return builder.ToString();
    }
}
