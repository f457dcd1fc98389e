using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Sources.Registers;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// Which promises read from letters a topic covers: those whose own part of the letter the topic query matches (the
/// passage the promise stands in, with its heading and the question an answer answers: <see cref="OwnPart"/>), or whose
/// letter's title it matches (a letter about drones: every promise in it is). A QA pass subscribed to "drones" and got every
/// promise of the RBZ Defensie agenda, which mentions drones once, rail transport among them, because a promise used to
/// count when its whole letter matched. The same matcher as for the official register's promises
/// (<see cref="ShortTextMatcher"/>), one rule for the briefing and <c>toezeggingen &lt;onderwerp&gt;</c>.
/// </summary>
public static partial class ExtractedPromiseTopics
{
    /// <summary>A paragraph shorter than this is a heading ("Antwoord"): the one before it counts as well.</summary>
    internal const int HeadingLength = 60;

    /// <param name="candidates">The extracted promises of letters the topics cover; official ones are skipped.</param>
    /// <param name="letter">The letter of an id, or null when it is not in the index (then the promise's sentence alone counts).</param>
    public static async Task<HashSet<long>> MatchingAsync(IReadOnlyList<PromiseRecord> candidates, IReadOnlyList<string> queries,
        Func<string, CancellationToken, Task<Letter?>> letter, ILetterSearch search, CancellationToken ct)
    {
        var extracted = candidates.Where(p => !OfficialPromises.IsOfficial(p)).ToList();
        if (extracted.Count == 0 || queries.Count == 0)
        {
            return [];
        }
        var texts = new List<string>(extracted.Count);
        foreach (var p in extracted)
        {
            var source = await letter(p.LetterId, ct);
            texts.Add(source is null ? p.Sentence : source.Title + "\n" + OwnPart(source, p));
        }
        using var matcher = new ShortTextMatcher(texts, await search.AbbreviationsAsync(ct));
        var numbers = new HashSet<long>();
        foreach (var query in queries)
        {
            foreach (var i in matcher.Matching(query))
            {
                numbers.Add(extracted[i].Number);
            }
        }
        return numbers;
    }

    /// <summary>
    /// The promise's own part of its letter: the passage it stands in, as the search indexed it, with the passage's
    /// section heading and, in a question-and-answer document, the question the answer answers (the whole question,
    /// also for the second part of a long answer). A QA pass found the paragraph rule below too narrow ("de
    /// leveringszekerheid" was asked three paragraphs above the promise that answers it) and too wide (the letter's
    /// outline, "… steun Oekraïne …", counted for the promise in the next paragraph). A letter without passages falls
    /// back to <see cref="OwnParagraph"/>.
    /// </summary>
    internal static string OwnPart(Letter letter, PromiseRecord p)
    {
        if (letter.Passages.Count == 0)
        {
            return OwnParagraph(letter.RawText, p);
        }
        var passage = letter.Passages.FirstOrDefault(x => x.Start <= p.Start && p.Start < x.End);
        return passage is null
            ? p.Sentence
            : string.Join("\n", new[] { passage.Heading, passage.Question, passage.Text }.Where(t => !string.IsNullOrWhiteSpace(t)));
    }

    /// <summary>
    /// The promise's paragraph (between blank lines) and the paragraph before it, where an answer's question is; when
    /// that one is a heading ("Antwoord", <see cref="HeadingLength"/>), the one before that too. The sentence itself when
    /// the offsets do not fit the text.
    /// </summary>
    internal static string OwnParagraph(string raw, PromiseRecord p)
    {
        if (p.Start < 0 || p.End > raw.Length || p.Start >= p.End)
        {
            return p.Sentence;
        }
        const int Reach = 4000;
        var from = Math.Max(0, p.Start - Reach);
        var breaks = BlankLine().Matches(raw[from..p.Start]);
        // Paragraph starts before the promise, nearest first: its own, the one before, the one before that.
        var starts = breaks.Select(b => from + b.Index + b.Length).Reverse().Append(from).ToList();
        var start = starts[0];
        for (var k = 1; k < starts.Count && k <= 2; k++)
        {
            var previous = raw[starts[k]..start].Trim();
            start = starts[k];
            if (previous.Length >= HeadingLength)
            {
                break;
            }
        }
        var after = BlankLine().Match(raw, p.End, Math.Min(Reach, raw.Length - p.End));
        var end = after.Success ? after.Index : Math.Min(raw.Length, p.End + Reach);
        return raw[start..end];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\r?\n[ \t]*\r?\n")]
    private static partial System.Text.RegularExpressions.Regex BlankLine();
}
