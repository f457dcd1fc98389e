using System.Text;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Text;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>
/// Turns source lines into clean reading text: Markdown and tags stripped, footnote markers glued to words removed
/// ("Unie.1 De" → "Unie. De", "(HV)2 geven" → "(HV) geven"), hard-wrapped lines unwrapped, whitespace collapsed.
/// </summary>
internal static partial class TextCleaner
{
    /// <summary>Cleans one source line (no unwrapping).</summary>
    public static string CleanLine(string line, bool markdown)
    {
        var s = line;
        if (markdown)
        {
            s = SupTag().Replace(s, "");
            s = HtmlTag().Replace(s, "");
            s = HeadingHashes().Replace(s, "");
            s = s.Replace("*", "", StringComparison.Ordinal);
            s = MarkdownEscape().Replace(s, "$1");
        }
        s = s.Replace("↩︎", "", StringComparison.Ordinal).Replace("↩", "", StringComparison.Ordinal).Replace("\uFE0E", "", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        var lastVisible = s.Length - 1;
        while (lastVisible >= 0 && (char.IsWhiteSpace(s[lastVisible]) || (s[lastVisible] != SoftHyphen && InvisibleCharacters.IsInvisible(s[lastVisible]))))
        {
            lastVisible--;
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == SoftHyphen && i == lastVisible && i > 0 && char.IsLetter(s[i - 1]))
            {
                // A word broken at the line end ("defen\u00AD" / "sie"): kept, so that Unwrap glues the halves.
                sb.Append(c);
                continue;
            }
            if (InvisibleCharacters.IsInvisible(c))
            {
                // Soft hyphens, zero-width characters and direction marks are inside words, where no reader sees them:
                // "dro\u00ADnes" is "drones", not "dro nes".
                continue;
            }
            if ((c >= '\uE000' && c <= '\uF8FF') || char.IsControl(c))
            {
                // Private-use bullets (Symbol font) and control characters.
                sb.Append(' ');
                continue;
            }
            sb.Append(c == '\u00A0' ? ' ' : c);
        }
        s = sb.ToString();
        if (!s.IsNormalized(NormalizationForm.FormC))
        {
            // A letter written with combining marks ("Oekrai\u0308ne") reads as the composed word users type.
            s = s.Normalize(NormalizationForm.FormC);
        }
        s = FootnoteAfterWord().Replace(s, "");
        s = FootnoteAfterYear().Replace(s, "");
        s = FootnoteAfterQuote().Replace(s, "");
        return s;
    }

    /// <summary>Unwraps cleaned lines into one paragraph: hyphenated line ends are glued, whitespace collapsed.</summary>
    public static string Unwrap(IEnumerable<string> cleanedLines)
    {
        var sb = new StringBuilder();
        foreach (var raw in cleanedLines)
        {
            var line = Whitespace().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (sb.Length == 0)
            {
                sb.Append(line);
                continue;
            }
            if (sb[^1] == SoftHyphen)
            {
                // "defen\u00AD" / "sie" → "defensie": a soft hyphen marks where a word was broken, not a compound. Where
                // a hyphen was meant (an extractor that wrote every line-end hyphen as U+00AD): before a conjunction
                // ("defensie- en veiligheidsbeleid") the words stay apart, after an abbreviation or a number the
                // compound keeps its hyphen ("EU-lidstaten", "2%-norm"; a QA pass).
                sb.Length--;
                if (ConjunctionStart().IsMatch(line))
                {
                    sb.Append("- ").Append(line);
                }
                else if (sb.Length > 0 && (char.IsUpper(sb[^1]) || char.IsDigit(sb[^1])) && char.IsLower(line[0]))
                {
                    sb.Append('-').Append(line);
                }
                else
                {
                    sb.Append(line);
                }
                continue;
            }
            var endsWithHyphen = sb.Length >= 2 && sb[^1] == '-' && char.IsLetter(sb[^2]);
            if (endsWithHyphen && char.IsLetter(line[0]) && !ConjunctionStart().IsMatch(line))
            {
                // "defensie-\nindustrie" → "defensie-industrie": Dutch compounds keep their hyphen.
                sb.Append(line);
            }
            else
            {
                sb.Append(' ').Append(line);
            }
        }
        return Whitespace().Replace(sb.ToString(), " ").Replace(SoftHyphen.ToString(), "", StringComparison.Ordinal).Trim();
    }

    private const char SoftHyphen = '\u00AD';

    /// <summary>Cleans and unwraps in one go.</summary>
    public static string Clean(IEnumerable<string> lines, bool markdown) => Unwrap(lines.Select(l => CleanLine(l, markdown)));

    /// <summary>Collapses whitespace.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"<sup>.*?</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex SupTag();

    [GeneratedRegex(@"</?[a-zA-Z][^>]{0,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingHashes();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex MarkdownEscape();

    /// <summary>
    /// A footnote number glued to a word or to closing punctuation: "Witboek2 van", "Unie.1 De", "(HV)2", "Draghi,6".
    /// Not after abbreviations that take numbers ("nr.54", "art.5") and not inside numbers ("21,6", "3.000").
    /// </summary>
    [GeneratedRegex(@"(?<=(?:\p{Ll}{2}|[)”’»""])[.,;:]?)(?<!\b(?:nr|nrs|art|blz|p|pag|pp|lid|vol|hfst|no|mld|mln)[.,;:]?)\d{1,2}(?=[\s,.;:)]|$)")]
    private static partial Regex FootnoteAfterWord();

    /// <summary>A footnote number after a year that ends a sentence: "Gereedheid 2030.5 Het" → "Gereedheid 2030. Het".</summary>
    [GeneratedRegex(@"(?<=\b(?:19|20)\d\d\.)\d{1,2}(?=\s+\p{Lu}|\s*$)")]
    private static partial Regex FootnoteAfterYear();

    /// <summary>A footnote number after a closing quote at the end of a line: "… sector is.” 4".</summary>
    [GeneratedRegex(@"(?<=[”""’]\s{0,2})\d{1,2}\s*$")]
    private static partial Regex FootnoteAfterQuote();

    [GeneratedRegex(@"^(en|of|tot|dan)\s")]
    private static partial Regex ConjunctionStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
