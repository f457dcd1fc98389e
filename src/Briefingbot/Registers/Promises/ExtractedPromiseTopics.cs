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
public static class ExtractedPromiseTopics
{
    /// <param name="candidates">The extracted promises of letters the topics cover; official ones are skipped.</param>
    /// <param name="letter">The letter of an id, or null when it is not in the index (then the promise's sentence alone counts).</param>
    /// <param name="withTitle">Whether the letter's title counts (a topic: a letter about drones covers every promise in
    /// it); false for words typed with <c>toezeggingen</c>, which ask what the promise itself is about.</param>
    public static async Task<HashSet<long>> MatchingAsync(IReadOnlyList<PromiseRecord> candidates, IReadOnlyList<string> queries,
        Func<string, CancellationToken, Task<Letter?>> letter, ILetterSearch search, CancellationToken ct, bool withTitle = true)
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
            texts.Add(source is null ? p.Sentence : withTitle ? source.Title + "\n" + OwnPart(source, p) : OwnPart(source, p));
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
    /// also for the second part of a long answer). A first rule, the blank-line paragraph and the one before it, was
    /// too narrow (a QA pass: "de leveringszekerheid" was asked three paragraphs above the promise that answers it) and
    /// too wide (the letter's outline, "… steun Oekraïne …", counted for the promise in the next paragraph). Outside
    /// every passage (offsets that do not fit, a letter without passages): the promise's sentence.
    /// </summary>
    internal static string OwnPart(Letter letter, PromiseRecord p) =>
        letter.Passages.FirstOrDefault(x => x.Start <= p.Start && p.Start < x.End) is { } passage
            ? string.Join("\n", new[] { passage.Heading, passage.Question, passage.Text }.Where(t => !string.IsNullOrWhiteSpace(t)))
            : p.Sentence;
}
