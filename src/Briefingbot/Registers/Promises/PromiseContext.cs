using System.Text.RegularExpressions;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// The sentence before a promise, for a promise that leans on it: "Hierover zal uw Kamer separaat worden geïnformeerd"
/// says nothing without "Het kabinet kijkt momenteel naar aanpassing van de Wva 2012 …" (a QA pass). Shown in the
/// view of one promise.
/// </summary>
public static partial class PromiseContext
{
    /// <summary>The longest context shown; a longer sentence is cut at its start ("… de Wva 2012 …").</summary>
    public const int MaxLength = 400;

    /// <summary>How far back the previous sentence is looked for in the letter's text.</summary>
    private const int LookBack = 1200;

    /// <summary>
    /// Whether the sentence points back to what came before: "hierover", "daarvan", "hier" (a pronominal adverb
    /// anywhere), or "dit", "deze", "die", "dat" among its first four words ("Over deze twee initiatieven …", "Hoe dit
    /// er uitziet …").
    /// </summary>
    public static bool LeansOnWhatCameBefore(string sentence) =>
        PronominalAdverb().IsMatch(sentence) || EarlyDemonstrative().IsMatch(sentence);

    /// <summary>
    /// What a promise leans on: the sentence before it in <paramref name="rawText"/>, at most <paramref name="max"/>
    /// characters, when the promise points back to it (<see cref="LeansOnWhatCameBefore"/>); null otherwise or without
    /// the letter's text. One rule for the view of one promise, the lists and the briefing.
    /// </summary>
    public static string? Of(string sentence, string? rawText, int start, int max = MaxLength) =>
        rawText is not null && LeansOnWhatCameBefore(sentence) && PreviousSentence(rawText, start) is { } before ? Shorten(before, max) : null;

    /// <summary>
    /// The sentence that ends just before <paramref name="start"/> in <paramref name="raw"/>, whitespace collapsed, or
    /// null when there is none (the letter's start, a heading, offsets that do not fit the text).
    /// </summary>
    public static string? PreviousSentence(string raw, int start)
    {
        if (start <= 0 || start > raw.Length)
        {
            return null;
        }
        var from = Math.Max(0, start - LookBack);
        var before = raw[from..start];
        // A paragraph break ends what belongs to this promise's paragraph.
        var paragraph = ParagraphBreak().Matches(before) is { Count: > 0 } breaks ? breaks[^1].Index + breaks[^1].Length : 0;
        var text = Collapse(before[paragraph..]).Trim();
        if (text.Length == 0 || !".?!:".Contains(text[^1]))
        {
            return null;
        }
        var ends = SentenceEnd().Matches(text[..^1]);
        var sentence = (ends.Count > 0 ? text[(ends[^1].Index + ends[^1].Length)..] : text).Trim();
        if (sentence.Length < 20)
        {
            return null;
        }
        return Shorten(sentence, MaxLength);
    }

    /// <summary>At most <paramref name="max"/> characters of a context sentence, cut at its start ("… de Wva 2012 …"): its end leads to the promise.</summary>
    public static string Shorten(string sentence, int max)
    {
        if (sentence.Length <= max)
        {
            return sentence;
        }
        // From the next word on, not in the middle of one ("… oorbereiding", a QA pass).
        var tail = sentence[^(max - 2)..];
        var space = tail.IndexOf(' ', StringComparison.Ordinal);
        return "… " + (space >= 0 && space < tail.Length - 1 ? tail[(space + 1)..] : tail).TrimStart();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\b(?:hier|daar)(?:over|van|bij|op|mee|aan|in|voor|toe|naar|door|uit|tegen|na|om)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronominalAdverb();

    [GeneratedRegex(@"^\W*(?:\S+\s+){0,3}(?:dit|deze|die|dat)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarlyDemonstrative();

    /// <summary>A sentence's end: . ? or ! before a space and a capital or digit (not "o.a. de", "jl. is").</summary>
    [GeneratedRegex(@"[.?!]\s+(?=[\p{Lu}\d‘“""'(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
