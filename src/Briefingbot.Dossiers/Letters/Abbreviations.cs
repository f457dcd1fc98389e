using System.Text;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Analysis;

namespace Briefingbot.Dossiers.Letters;

/// <summary>
/// Abbreviations a letter defines in the text: "Europees Defensiefonds (EDF)", "het NAVO Defensieplanningsproces
/// (NDPP)". Letters spell an organisation or programme out once and use the short form after that, and other letters
/// use either; an MP types either. The search uses the pairs to find the long form for a typed short form.
/// </summary>
/// <remarks>
/// The long form is found as Schwartz and Hearst describe ("A simple algorithm for identifying abbreviation definitions
/// in biomedical text", 2003): going backwards through the short form and the words before the parenthesis, every
/// letter of the short form must occur in order, and its first letter must start a word; the long form runs from that
/// word to the parenthesis. Only short forms of 2-10 letters or digits with at least two capitals count, so "(zie
/// bijlage)" or "(2025)" are not abbreviations, and the long form stays within the sentence and at most
/// <c>min(letters + 5, 2 × letters)</c> words.
/// </remarks>
public static partial class Abbreviations
{
    private const int MinLetters = 2;
    private const int MaxLetters = 10;
    private const int MaxLongFormLength = 120;

    /// <summary>Characters before a parenthesis searched for its long form (15 words of a long Dutch compound each).</summary>
    private const int LookBehind = 400;

    /// <summary>Separates the short and the long form in <see cref="Key"/>.</summary>
    public const char Separator = '\u001f';

    [GeneratedRegex(@"\(\s*\*{0,2}(?<short>[\p{L}\p{N}][\p{L}\p{N}&\-]{1,11})\*{0,2}\s*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"[.;:!?()\[\]]|\n\s*\n")]
    private static partial Regex SentenceBreak();

    /// <summary>The distinct (short, long) pairs the text defines, in order of first definition, as written.</summary>
    public static IReadOnlyList<(string Short, string Long)> Find(string text) => Find(text, onRead: null);

    /// <summary><see cref="Find(string)"/>, telling <paramref name="onRead"/> how many characters it reads before each parenthesis (tests).</summary>
    internal static IReadOnlyList<(string Short, string Long)> Find(string text, Action<int>? onRead)
    {
        var found = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }
        foreach (Match match in Parenthesised().Matches(text))
        {
            var letters = LettersOf(match.Groups["short"].Value);
            if (!WrittenAsShortForm(letters))
            {
                continue;
            }
            if (LongForm(text, match.Index, letters, onRead) is { } longForm && seen.Add(Key(letters, longForm)))
            {
                found.Add((letters, longForm));
            }
        }
        return found;
    }

    /// <summary>The pair as one index term: the short form and the long form, folded and lower-cased.</summary>
    public static string Key(string shortForm, string longForm) => Normalize(shortForm) + Separator + Normalize(longForm);

    /// <summary>The pair as one index term the other way round: long form first, for a search that types it out.</summary>
    public static string LongFormKey(string shortForm, string longForm) => Normalize(longForm) + Separator + Normalize(shortForm);

    /// <summary>Typed words as a long form is keyed (folded), or null when they are fewer than two.</summary>
    public static string? LongFormOf(IEnumerable<string> words)
    {
        var normalized = Normalize(string.Join(' ', words));
        return normalized.Contains(' ') ? normalized : null;
    }

    /// <summary>
    /// A word as a short form is keyed (folded, hyphens and ampersands left out: "EU-ETS" is "euets", as
    /// <see cref="Find(string)"/> keys it), or null when the word cannot be one.
    /// </summary>
    public static string? ShortFormOf(string typed)
    {
        var normalized = Normalize(typed);
        if (!normalized.All(c => char.IsLetterOrDigit(c) || c is '-' or '&'))
        {
            return null;
        }
        var letters = LettersOf(normalized);
        return CanBeShortForm(letters) ? letters : null;
    }

    /// <summary>2-10 letters or digits, the first a letter: what a short form can be.</summary>
    private static bool CanBeShortForm(string letters) => letters.Length is >= MinLetters and <= MaxLetters && char.IsLetter(letters[0]);

    /// <summary>Written as an abbreviation is: a possible short form with at least two capitals ("EDF", "NLVi"; not "Defensie").</summary>
    private static bool WrittenAsShortForm(string letters) => CanBeShortForm(letters) && letters.Count(char.IsUpper) >= 2;

    private static string LettersOf(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Shortest short form a typed word is expanded from: two-letter ones ("EC", "EP") mean too many things.</summary>
    public const int MinExpandedLetters = 3;

    /// <summary>
    /// The words of a text written as an abbreviation is ("EDF", "NAVO" in "NAVO-bondgenoten", "NLVi"): 2-10 letters or
    /// digits with at least two capitals, as <see cref="ShortFormOf"/> keys them. The index keeps them apart from the
    /// text, where "RAS" and "ras" (a breed), "ZIN" and "zin" are one term.
    /// </summary>
    public static IEnumerable<string> CapitalWords(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(text))
        {
            // "EU-ETS" as a whole ("euets", as Find keys it) and by its parts; "NAVO" of "NAVO-bondgenoten".
            var whole = word.Value;
            var parts = whole.Split(['-', '&'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var candidate in parts.Length > 1 ? parts.Prepend(whole) : parts)
            {
                if (WrittenAsShortForm(LettersOf(candidate)) && ShortFormOf(candidate) is { } key && seen.Add(key))
                {
                    yield return key;
                }
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}&\-]*")]
    private static partial Regex Word();

    /// <summary>Case and diacritics folded, whitespace and punctuation runs (hyphens kept) as one space, markup dropped.</summary>
    public static string Normalize(string text)
    {
        var folded = TextFolding.Fold(text).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || (char.IsPunctuation(c) && c is not ('-' or '&' or '\'')))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (c is not ('*' or '_' or Separator))
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Trim(' ', ',', '-', '\'', '"', '«', '»');
    }

    /// <summary>Words a long form does not start with (Dutch and English).</summary>
    private static readonly HashSet<string> LinkingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "het", "een", "en", "van", "voor", "in", "op", "of", "met", "aan", "te", "door", "bij", "om", "tot", "naar",
        "and", "the", "of", "for", "to", "on", "a", "an",
    };

    /// <summary>Where the long form starts: the short form's letters found backwards, in order (Schwartz and Hearst).</summary>
    private static int? Match(string candidate, string letters, bool initialsOnly)
    {
        var s = letters.Length - 1;
        var l = candidate.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(letters[s]);
            while (l >= 0 && (char.ToLowerInvariant(candidate[l]) != c || ((initialsOnly || s == 0) && l > 0 && char.IsLetterOrDigit(candidate[l - 1]))))
            {
                l--;
            }
            if (l < 0)
            {
                return null;
            }
            l--;
            s--;
        }
        return l + 1;
    }

    private static string? LongForm(string text, int parenthesis, string letters, Action<int>? onRead)
    {
        // Only the text just before the parenthesis can hold the long form: looking further back would make a letter
        // of many parentheses quadratic.
        var windowStart = Math.Max(0, parenthesis - LookBehind);
        var sentenceStart = windowStart;
        onRead?.Invoke(parenthesis - windowStart);
        for (var b = SentenceBreak().Match(text, windowStart, parenthesis - windowStart); b.Success; b = b.NextMatch())
        {
            sentenceStart = b.Index + b.Length;
        }
        var maxWords = Math.Min(letters.Length + 5, letters.Length * 2);
        var words = text[sentenceStart..parenthesis].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }
        var candidate = string.Join(' ', words.Skip(Math.Max(0, words.Length - maxWords)));
        // Every letter at the start of a word first ("Europese Defensie Technologische en Industriële Basis (EDTIB)");
        // else letters inside words too ("Europees Defensiefonds (EDF)"), only the first at the start of one.
        var first = Match(candidate, letters, initialsOnly: true) ?? Match(candidate, letters, initialsOnly: false);
        if (first is not { } at)
        {
            return null;
        }
        var longForm = candidate[at..].Trim().Trim(',', '-', '*', '\'', '"', '«', '»', ' ');
        var longLetters = longForm.Count(char.IsLetterOrDigit);
        var oneWord = !longForm.Contains(' ');
        var longWords = longForm.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (longLetters <= letters.Length || longForm.Length > MaxLongFormLength || (oneWord && longLetters < 2 * letters.Length)
            // "en Industriële Basis (EDTIB)": the letters were found inside words, starting at a joining word.
            || LinkingWords.Contains(longWords[0])
            // "… voor collectieve verdediging (NAVO)" after "NAVO-bondgenoten": the short form is in its own long form.
            || longWords.Any(w => string.Equals(w, letters, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return longForm;
    }
}
