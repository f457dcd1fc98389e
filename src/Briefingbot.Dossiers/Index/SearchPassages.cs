using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Index;

/// <summary>Another question an answer unit also answers (<see cref="SearchPassage.RepeatedFrom"/>): who asked it, its number.</summary>
internal sealed record OtherQuestion(string? Party, string? Number, string Text);

/// <summary>
/// One unit of search: what a query ranks and a card shows. Made from a letter's passages at index time: a
/// question-and-answer passage becomes a question unit and one or more answer units (each answer unit knows its
/// question), and a long block is cut at sentence boundaries into units of at most <see cref="SearchPassages.MaxChars"/>
/// characters. <see cref="Start"/>/<see cref="End"/> are offsets into the letter's raw text.
/// </summary>
/// <param name="Searchable">False for a question whose answer is indexed: the answer carries the question's words
/// (a lower-weight context field) and is shown in its place, so the question is never shown twice.</param>
/// <param name="RepeatedQuestions">The questions of later copies of this unit (<see cref="SearchPassages.HideRepeats"/>):
/// searched with its own question's words, so an answer a letter gives to two questions is found by either.</param>
internal sealed record SearchPassage(
    int Index,
    int Start,
    int End,
    string Text,
    PassageRole Role,
    string? Heading,
    string? QuestionNumber,
    string? Party,
    string? QuestionText,
    bool Searchable,
    string? RepeatedQuestions = null)
{
    /// <summary>A footnote line (<see cref="SearchPassages.AddFootnotes"/>): searched as subordinate text.</summary>
    public bool IsFootnote { get; init; }

    /// <summary>
    /// The questions in <see cref="RepeatedQuestions"/> with who asked them: an answer found by one of them alone shows
    /// that question, not its own (a QA pass: "PVV counter-drones" showed the D66 question of the first copy).
    /// </summary>
    public IReadOnlyList<OtherQuestion> RepeatedFrom { get; init; } = [];

    /// <summary>This unit, also found by <paramref name="other"/>'s question (a later copy of it, or a pointer to it).</summary>
    public SearchPassage AlsoAnswering(SearchPassage other, string question) => this with
    {
        RepeatedQuestions = RepeatedQuestions is null ? question : RepeatedQuestions + "\n" + question,
        RepeatedFrom = [.. RepeatedFrom, new OtherQuestion(other.Party, other.QuestionNumber, question)],
    };
}

/// <summary>Splits a letter's passages into <see cref="SearchPassage"/> units.</summary>
internal static partial class SearchPassages
{
    /// <summary>No unit is longer than this (characters); longer blocks are cut at sentence boundaries.</summary>
    public const int MaxChars = 600;

    /// <summary>A cut block aims at pieces of about this size.</summary>
    private const int TargetChars = 400;

    public static List<SearchPassage> Split(Letter letter)
    {
        var units = new List<SearchPassage>();
        // A report often prints the committee's questions first and then repeats each with the government's answer:
        // the question printed alone is not searched when an answer to it is in the same letter.
        var answered = letter.Passages
            .Where(p => p.Kind == PassageKind.QuestionAnswer && p.Question is { Length: > 0 } && p.Answer is { Length: > 0 })
            .Select(p => QuestionKey(p.Question!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var passage in letter.Passages)
        {
            if (string.IsNullOrWhiteSpace(passage.Text))
            {
                continue;
            }
            var map = new Lazy<int[]?>(() => RawAlignment.Map(passage.Text, letter.RawText, passage.Start, passage.End));
            if (passage.Kind == PassageKind.Heading)
            {
                Add(units, passage, map, 0, passage.Text.Length, PassageRole.Title, null, true);
                continue;
            }
            if (passage.Kind == PassageKind.QuestionAnswer && passage.Question is { Length: > 0 } question
                && passage.Text.StartsWith(question, StringComparison.Ordinal))
            {
                var answerStart = question.Length;
                while (answerStart < passage.Text.Length && char.IsWhiteSpace(passage.Text[answerStart]))
                {
                    answerStart++;
                }
                var hasAnswer = passage.Answer is { Length: > 0 } && answerStart < passage.Text.Length;
                var answeredElsewhere = !hasAnswer && answered.Contains(QuestionKey(question));
                foreach (var (s, e) in Pieces(passage.Text, 0, question.Length))
                {
                    Add(units, passage, map, s, e, PassageRole.Question, null, searchable: !hasAnswer && !answeredElsewhere);
                }
                if (hasAnswer)
                {
                    foreach (var (s, e) in Pieces(passage.Text, answerStart, passage.Text.Length))
                    {
                        Add(units, passage, map, s, e, PassageRole.Answer, question, searchable: true);
                    }
                }
                continue;
            }
            foreach (var (s, e) in Pieces(passage.Text, 0, passage.Text.Length))
            {
                Add(units, passage, map, s, e, PassageRole.Paragraph, null, true);
            }
        }
        AddSignatories(units, letter);
        AddFootnotes(units, letter);
        HideRepeats(units);
        FollowReferences(units);
        return units;
    }

    /// <summary>
    /// An answer that only points to other answers ("Zie het antwoord op vraag 25.", "Zie de beantwoording op vraag 1
    /// en 5.") is not shown for its question's words: the answers it points to are, found by that question too (as
    /// <see cref="HideRepeats"/> does for an answer given twice). The numbers are looked up in the stub's own run of
    /// numbered questions (a report may number each part from 1), else before it; an answer that says more than the
    /// pointer stays as it is.
    /// </summary>
    internal static void FollowReferences(List<SearchPassage> units)
    {
        // Each unit's question number, read once ("25" of "25a").
        var numbers = units.Select(u => Number(u.QuestionNumber)).ToArray();
        var runs = new int[units.Count];
        var (run, previous) = (0, int.MaxValue);
        for (var i = 0; i < units.Count; i++)
        {
            if (numbers[i] is { } n)
            {
                if (n < previous && previous != int.MaxValue)
                {
                    run++;
                }
                previous = n;
            }
            runs[i] = run;
        }
        var resolved = new Dictionary<int, List<int>>();
        for (var i = 0; i < units.Count; i++)
        {
            var stub = units[i];
            if (stub.Role != PassageRole.Answer || !stub.Searchable || stub.QuestionText is not { Length: > 0 } question
                || PointerAnswer().Match(stub.Text) is not { Success: true } pointer)
            {
                continue;
            }
            var targets = new List<int>();
            foreach (var n in Numbers(pointer.Groups["numbers"].Value))
            {
                var answers = Enumerable.Range(0, units.Count)
                    .Where(j => j != i && units[j].Role == PassageRole.Answer && numbers[j] == n)
                    .ToList();
                var inRun = answers.Where(j => runs[j] == runs[i]).ToList();
                var before = answers.Where(j => j < i).ToList();
                var chosen = inRun.Count > 0 ? inRun : before.Count > 0 ? [.. before.Where(j => runs[j] == runs[before[^1]])] : answers;
                // A pointer to a pointer ("zie vraag 2", which says "zie vraag 1"): where that one points.
                foreach (var j in chosen.SelectMany(j => resolved.TryGetValue(j, out var further) ? further : [j]))
                {
                    if (units[j].Searchable && !targets.Contains(j))
                    {
                        targets.Add(j);
                    }
                }
            }
            if (targets.Count == 0)
            {
                continue;
            }
            units[i] = stub with { Searchable = false };
            resolved[i] = targets;
            foreach (var j in targets)
            {
                units[j] = units[j].AlsoAnswering(stub, question);
            }
        }

        // "1 en 5", "3, 4 en 7", "2 t/m 4" (a range of at most 20).
        static IEnumerable<int> Numbers(string list)
        {
            var numbers = new List<int>();
            foreach (Match m in Regex.Matches(list, @"(\d+)[a-z]?(?:\s*(?:t/m|tot\s+en\s+met)\s*(\d+))?", RegexOptions.IgnoreCase))
            {
                var from = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
                for (var n = from; n <= Math.Min(to, from + 20); n++)
                {
                    numbers.Add(n);
                }
            }
            return numbers.Distinct();
        }

        static int? Number(string? questionNumber) =>
            questionNumber is { Length: > 0 } && int.TryParse(new string(questionNumber.TakeWhile(char.IsAsciiDigit).ToArray()),
                System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>An answer that is only a pointer to other answers: "Zie het antwoord op vraag 25.", "Zie de beantwoording
    /// van de vragen 3, 4 en 7.", "Verwezen wordt naar het antwoord op vraag 2."</summary>
    [GeneratedRegex(@"^\s*(?:zie|verwezen\s+wordt\s+naar|wij\s+verwijzen\s+naar|het\s+kabinet\s+verwijst\s+naar|voor\s+het\s+antwoord\s+(?:op\s+deze\s+vraag\s+)?(?:wordt\s+)?verwe?z(?:en|ijst)\s+(?:het\s+kabinet\s+)?naar)\s+(?:ook\s+)?(?:het\s+|de\s+)?(?:antwoord(?:en)?|beantwoording)\s+(?:op|van|bij)\s+(?:de\s+)?vra(?:ag|gen)\s+(?<numbers>\d+[a-z]?(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*\d+[a-z]?)*)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointerAnswer();

    /// <summary>
    /// Each signatory's name as the letter writes it under the letter ("R.P. Brekelmans"), a unit of its own: MPs look
    /// for a minister's letters by name, and the signature block is no passage (it says nothing). The name only, not
    /// the role: "minister van Defensie" would make every signature an answer to "minister defensie". A committee's
    /// chair or clerk too (<see cref="Letter.CommitteeSigners"/>). Found after the
    /// last passage (the signature block), else where it last stands; a name not written as parsed is left out.
    /// </summary>
    private static void AddSignatories(List<SearchPassage> units, Letter letter)
    {
        if (letter.Signatories.Count + letter.CommitteeSigners.Count == 0 || string.IsNullOrEmpty(letter.RawText))
        {
            return;
        }
        var raw = letter.RawText;
        var after = Math.Min(raw.Length, letter.Passages.Count == 0 ? 0 : letter.Passages.Max(p => p.End));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var signatory in letter.Signatories.Concat(letter.CommitteeSigners))
        {
            var comma = signatory.IndexOf(", ", StringComparison.Ordinal);
            var name = (comma > 0 ? signatory[..comma] : signatory).Trim();
            if (name.Length < 3 || !names.Add(name))
            {
                continue;
            }
            var at = raw.IndexOf(name, after, StringComparison.Ordinal);
            if (at < 0)
            {
                at = raw.LastIndexOf(name, StringComparison.Ordinal);
            }
            if (at >= 0)
            {
                units.Add(new SearchPassage(units.Count, at, at + name.Length, name, PassageRole.Paragraph, null, null, null, null, true));
            }
        }
    }

    /// <summary>
    /// Each footnote line is a unit of its own, labelled "Voetnoot": what only a footnote says ("PESCO … 25 Europese
    /// lidstaten", "Kamerstuk 36045, nr. 125") was not searchable, since a footnote interrupts the paragraph it
    /// annotates and is no part of its text.
    /// </summary>
    internal static void AddFootnotes(List<SearchPassage> units, Letter letter)
    {
        foreach (var note in letter.Footnotes)
        {
            units.Add(new SearchPassage(units.Count, note.Start, note.End, note.Text, PassageRole.Paragraph, FootnoteHeading, null, null, null, true)
            {
                IsFootnote = true,
            });
        }
    }

    /// <summary>The heading a footnote unit is shown and searched with.</summary>
    internal const string FootnoteHeading = "Voetnoot";

    /// <summary>A repeated paragraph has at least this many distinct words (shorter lines repeat by nature: "Hoogachtend,").</summary>
    internal const int MinRepeatWords = 8;

    /// <summary>
    /// A paragraph a letter prints again, nearly word for word (an annotated agenda repeats the report of the previous
    /// Council; a reply reprints the committee's introduction), is searched once, where it first appears: otherwise one
    /// answer shows the same text twice. Near means at least 90% of the later paragraph's distinct words are in the earlier
    /// one and the two share at least 80% of their words together (Jaccard), so a paragraph that adds a sentence of its
    /// own is kept. The repeat stays in the index, unsearched, as a question printed twice does. An answer a letter gives
    /// to two questions in the same words is shown once and found by either question: the later question's words are
    /// searched with the first copy (<see cref="SearchPassage.RepeatedQuestions"/>).
    /// </summary>
    internal static void HideRepeats(List<SearchPassage> units)
    {
        var earlier = new List<(int Unit, HashSet<ulong> Words, UInt128 Mask)>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Role is not (PassageRole.Paragraph or PassageRole.Answer) || !unit.Searchable)
            {
                continue;
            }
            var (words, mask) = Words(unit.Text);
            if (words.Count < MinRepeatWords)
            {
                continue;
            }
            var missingAllowed = words.Count - (int)Math.Ceiling(0.9 * words.Count);
            foreach (var (first, before, beforeMask) in earlier)
            {
                // Jaccard >= 0.8 needs the smaller set to hold at least 0.8 of the larger; and every bit of this unit's
                // word mask that the earlier one lacks stands for a word it lacks. Both skip a pair without counting words.
                if (Math.Min(words.Count, before.Count) < 0.8 * Math.Max(words.Count, before.Count)
                    || (int)UInt128.PopCount(mask & ~beforeMask) > missingAllowed)
                {
                    continue;
                }
                var shared = 0;
                foreach (var word in words)
                {
                    if (before.Contains(word))
                    {
                        shared++;
                    }
                }
                if (shared >= 0.9 * words.Count && shared >= 0.8 * (words.Count + before.Count - shared))
                {
                    units[i] = unit with { Searchable = false };
                    if (unit.QuestionText is { Length: > 0 } question)
                    {
                        // The same answer to another question: the first copy is found by that question's words too.
                        units[first] = units[first].AlsoAnswering(unit, question);
                    }
                    break;
                }
            }
            if (units[i].Searchable)
            {
                earlier.Add((i, words, mask));
            }
        }
    }

    /// <summary>
    /// A text's distinct words (letters and digits, lower case; punctuation and line breaks do not count), each as a
    /// 64-bit FNV-1a hash (no strings made), and a 128-bit mask with one bit per word: a unit lacking a bit of another's
    /// mask lacks one of its words.
    /// </summary>
    private static (HashSet<ulong> Words, UInt128 Mask) Words(string text)
    {
        var words = new HashSet<ulong>();
        var mask = UInt128.Zero;
        var hash = 0UL;
        var inWord = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                hash = ((inWord ? hash : 14695981039346656037UL) ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
            }
            else if (inWord)
            {
                if (words.Add(hash))
                {
                    mask |= UInt128.One << (int)(hash % 128);
                }
                inWord = false;
            }
        }
        return (words, mask);
    }

    private static void Add(List<SearchPassage> units, Passage passage, Lazy<int[]?> map, int start, int end, PassageRole role, string? question, bool searchable)
    {
        while (start < end && char.IsWhiteSpace(passage.Text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(passage.Text[end - 1]))
        {
            end--;
        }
        if (end <= start)
        {
            return;
        }
        var text = passage.Text[start..end];
        var (rawStart, rawEnd) = RawAlignment.Range(map.Value, start, end, passage.Start, passage.End);
        var qa = role is PassageRole.Question or PassageRole.Answer;
        units.Add(new SearchPassage(units.Count, rawStart, rawEnd, text, role, passage.Heading,
            qa ? passage.QuestionNumber : null, qa ? passage.Party : null, question, searchable));
    }

    /// <summary>A question's words, lower case, for recognising the same question printed twice.</summary>
    private static string QuestionKey(string question)
    {
        var letters = new System.Text.StringBuilder(question.Length);
        foreach (var c in question)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
            if (letters.Length >= 300)
            {
                break;
            }
        }
        return letters.ToString();
    }

    /// <summary>[start, end) ranges of <paramref name="text"/> within [from, to), each at most <see cref="MaxChars"/>, cut after sentences.</summary>
    internal static List<(int Start, int End)> Pieces(string text, int from, int to)
    {
        var pieces = new List<(int, int)>();
        if (to - from <= MaxChars)
        {
            pieces.Add((from, to));
            return pieces;
        }
        var count = (int)Math.Ceiling((to - from) / (double)TargetChars);
        var target = (to - from) / (double)count;
        var breaks = new List<int>();
        foreach (Match m in SentenceBreak().Matches(text, from))
        {
            if (m.Index >= to)
            {
                break;
            }
            breaks.Add(m.Index + m.Length);
        }
        var start = from;
        while (to - start > MaxChars)
        {
            var ideal = start + (int)target;
            // The sentence end nearest the ideal cut that keeps this piece within the limit and not tiny.
            var best = -1;
            foreach (var b in breaks)
            {
                if (b <= start + 200 || b - start > MaxChars)
                {
                    continue;
                }
                if (best < 0 || Math.Abs(b - ideal) < Math.Abs(best - ideal))
                {
                    best = b;
                }
            }
            if (best < 0)
            {
                // No sentence end in reach: cut at a space, in the middle of what is left when two pieces hold it,
                // so the last piece is never a word or two ("capaciteiten." after a 598-character piece; QA pass).
                var aim = to - start <= 2 * MaxChars ? start + (to - start) / 2 : start + MaxChars - 1;
                var space = text.LastIndexOf(' ', aim, aim - start - 200);
                best = space > start ? space + 1 : start + MaxChars;
            }
            pieces.Add((start, best));
            start = best;
        }
        pieces.Add((start, to));
        return pieces;
    }

    [GeneratedRegex(@"(?<=[.?!;:][”’""»)]?)\s+(?=[\p{Lu}“""‘(\d•·–-])")]
    private static partial Regex SentenceBreak();
}

/// <summary>
/// Maps positions in a passage's clean text (unwrapped lines, markup and footnote markers removed) back to the raw
/// file. Cleaning only removes characters and turns line breaks and odd spaces into single spaces, so each word of
/// the clean text is found, in order, in the raw range; a word that was glued across a line break
/// ("defensie-" / "industrie") falls back to character by character.
/// </summary>
internal static class RawAlignment
{
    private const int LookAhead = 400;
    /// <summary>How far a word followed by its next word is looked for: past a block of footnotes the parser skipped.</summary>
    private const int FarLookAhead = 6000;

    /// <summary>Raw offset of each clean character (whitespace gets the offset of the next raw character); null when raw text is missing.</summary>
    public static int[]? Map(string text, string raw, int rawStart, int rawEnd)
    {
        if (string.IsNullOrEmpty(raw) || rawStart < 0 || rawEnd > raw.Length || rawStart >= rawEnd)
        {
            return null;
        }
        var map = new int[text.Length];
        var p = rawStart;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                map[i] = Math.Min(p, rawEnd);
                i++;
                continue;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]))
            {
                wordEnd++;
            }
            // Mostly the word is right where the last one ended (after whitespace, markup, a footnote number, or
            // split over a line end after a hyphen).
            if (MatchHere(text, i, wordEnd, raw, p, rawEnd, map) is { } after)
            {
                p = after;
                i = wordEnd;
                continue;
            }
            var at = FindWord(text, i, wordEnd, raw, p, Math.Min(rawEnd, p + FarLookAhead), Math.Min(rawEnd, p + LookAhead + (wordEnd - i)));
            if (at >= 0)
            {
                for (var k = i; k < wordEnd; k++)
                {
                    map[k] = at + (k - i);
                }
                p = at + (wordEnd - i);
            }
            else
            {
                for (var k = i; k < wordEnd; k++)
                {
                    var c = raw.IndexOf(text[k], p, Math.Max(0, Math.Min(rawEnd, p + 40) - p));
                    map[k] = c >= 0 ? c : Math.Min(p, rawEnd - 1);
                    p = c >= 0 ? c + 1 : p;
                }
            }
            i = wordEnd;
        }
        return map;
    }

    /// <summary>
    /// Pieces of the clean text that are contiguous in the raw file: a passage can run around lines the parser left
    /// out (footnotes, page headers between two halves of a paragraph), and a shown window must not, or its raw range
    /// would hold text the user did not see. One piece covering everything when there is no map.
    /// </summary>
    public static List<(int Start, int End)> Segments(int[]? map, string text, string raw)
    {
        var segments = new List<(int Start, int End)>();
        if (map is null || text.Length == 0)
        {
            segments.Add((0, text.Length));
            return segments;
        }
        var start = 0;
        var lastChar = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                continue;
            }
            if (lastChar >= 0 && i > lastChar + 1 && IsGap(raw, map[lastChar] + 1, map[i]))
            {
                segments.Add((start, lastChar + 1));
                start = i;
            }
            lastChar = i;
        }
        segments.Add((start, text.Length));
        return segments;
    }

    /// <summary>Whether raw text between two words is more than whitespace and markup: a line or more of other text.</summary>
    private static bool IsGap(string raw, int from, int to)
    {
        if (to - from < 4)
        {
            return false;
        }
        var newline = false;
        var visible = 0;
        for (var k = from; k < to && k < raw.Length; k++)
        {
            var c = raw[k];
            newline |= c == '\n';
            if (!char.IsWhiteSpace(c) && c is not '*' and not '#' and not '\\' and not '>')
            {
                visible++;
            }
        }
        return newline && visible >= 3;
    }

    /// <summary>
    /// Matches the word text[start..end) at raw position <paramref name="from"/>, after skipping whitespace, markup
    /// and a footnote number; inside the word only a line break after a hyphen may intervene. Fills the map and
    /// returns the raw position after the word, or null.
    /// </summary>
    private static int? MatchHere(string text, int start, int end, string raw, int from, int rawEnd, int[] map)
    {
        var q = from;
        var skipped = 0;
        while (q < rawEnd && (char.IsWhiteSpace(raw[q]) || (skipped < 4 && (raw[q] is '*' or '_' or '\\' or '#' or '>' || (char.IsDigit(raw[q]) && !char.IsDigit(text[start]))))))
        {
            skipped += char.IsWhiteSpace(raw[q]) ? 0 : 1;
            q++;
        }
        for (var k = start; k < end; k++)
        {
            if (k > start && text[k - 1] == '-')
            {
                while (q < rawEnd && char.IsWhiteSpace(raw[q]))
                {
                    q++;
                }
            }
            while (q < rawEnd && raw[q] is '*' or '\\')
            {
                q++; // Markdown emphasis and escapes inside a word
            }
            if (q >= rawEnd || raw[q] != text[k])
            {
                return null;
            }
            map[k] = q++;
        }
        return q;
    }

    /// <summary>
    /// Where the word text[start..end) is in raw[from..limit): a whole word (no letter glued before or after), and
    /// preferably one followed by the text's next word, so that a short word in a skipped footnote line ("de",
    /// "voor" in "voorbeeld") does not capture the alignment. -1 when it is not there.
    /// </summary>
    private static int FindWord(string text, int start, int end, string raw, int from, int limit, int nearLimit)
    {
        var length = end - start;
        if (limit - from < length)
        {
            return -1;
        }
        var word = text.AsSpan(start, length);
        var next = start;
        var nextStart = end;
        while (nextStart < text.Length && char.IsWhiteSpace(text[nextStart]))
        {
            nextStart++;
        }
        var nextEnd = nextStart;
        while (nextEnd < text.Length && !char.IsWhiteSpace(text[nextEnd]) && nextEnd - nextStart < 4)
        {
            nextEnd++;
        }
        var fallback = -1;
        for (var at = from; at <= limit - length; at++)
        {
            var found = raw.AsSpan(at, limit - at).IndexOf(word, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }
            at += found;
            var before = at > 0 ? raw[at - 1] : ' ';
            var after = at + length < raw.Length ? raw[at + length] : ' ';
            if ((char.IsLetter(word[0]) && char.IsLetter(before)) || (char.IsLetter(word[^1]) && char.IsLetter(after)))
            {
                continue;
            }
            if (nextStart >= text.Length)
            {
                return at + length <= nearLimit ? at : fallback;
            }
            if (fallback < 0 && at + length <= nearLimit)
            {
                fallback = at;
            }
            // The next word should follow after whitespace, markup or a footnote number.
            var k = at + length;
            var skipped = 0;
            while (k < raw.Length && skipped < 8 && (char.IsWhiteSpace(raw[k]) || raw[k] is '*' or '_' or '-' or '\\' || char.IsDigit(raw[k]) && !char.IsDigit(text[nextStart])))
            {
                skipped += char.IsWhiteSpace(raw[k]) && k - (at + length) < 200 ? 0 : 1;
                k++;
            }
            if (raw.AsSpan(k).StartsWith(text.AsSpan(nextStart, nextEnd - nextStart), StringComparison.Ordinal))
            {
                return at;
            }
        }
        _ = next;
        return fallback;
    }

    /// <summary>The raw range of clean text [start, end); the whole passage when there is no map.</summary>
    public static (int Start, int End) Range(int[]? map, int start, int end, int passageStart, int passageEnd)
    {
        if (map is null || map.Length == 0 || end <= start)
        {
            return (passageStart, passageEnd);
        }
        start = Math.Clamp(start, 0, map.Length - 1);
        end = Math.Clamp(end, start + 1, map.Length);
        return map[end - 1] < map[start] ? (passageStart, passageEnd) : (map[start], map[end - 1] + 1);
    }
}
