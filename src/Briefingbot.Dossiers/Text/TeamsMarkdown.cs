using System.Text;

namespace Briefingbot.Dossiers.Text;

/// <summary>
/// Escaping for the Markdown subset that Adaptive Card TextBlocks in Teams interpret: <c>**bold**</c>,
/// <c>_italic_</c>/<c>*italic*</c>, bulleted (<c>- </c>, <c>* </c>, <c>+ </c>) and numbered (<c>1. </c>) lists at the
/// start of a line, and <c>[text](url)</c> links. Nothing else in that subset has a meaning (no headings, quotes,
/// code, tables, strike-through or HTML), and several Teams clients show a backslash before any other character
/// literally (microsoft/AdaptiveCards issues 4677 and 5590: <c>1\)</c>, <c>\(meer\)</c>, <c>000\_28c</c>). So a
/// character gets a backslash only where that subset would otherwise read it as markup: an emphasis mark that could
/// open or close emphasis (not one inside a word like <c>000_28c</c>, nor one between spaces), a <c>[</c> that starts
/// link syntax, a list marker at the start of a line, and a backslash before punctuation.
/// The one escaper for card text, search snippets and briefing lines (the text fallback copies it as is).
/// </summary>
public static class TeamsMarkdown
{
    /// <summary>The text with only the Markdown the Teams subset would interpret escaped.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length + 4);
        AppendEscaped(builder, text, 0, text.Length);
        return builder.ToString();
    }

    /// <summary>
    /// A Markdown link to <paramref name="url"/> when it is an absolute http(s) address, else the title alone; either way
    /// the title shown as written (the one way cards and text write a link to a letter or a source).
    /// </summary>
    public static string Link(string title, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? $"[{EscapeLinkText(title)}]({u.AbsoluteUri})"
            : Escape(title);

    /// <summary>Text for inside the brackets of a Markdown link: also <c>[</c> and <c>]</c> are escaped.</summary>
    public static string EscapeLinkText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length + 4);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '[' or ']' || NeedsEscape(text, i))
            {
                builder.Append('\\');
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Appends <c>text[start..start+length)</c> escaped. Context (the characters either side, the start of the line)
    /// is read from the whole <paramref name="text"/>, so a snippet can be escaped piece by piece around its
    /// highlights. With <paramref name="singleLine"/>, line breaks become spaces (and no line starts inside).
    /// </summary>
    public static void AppendEscaped(StringBuilder builder, string text, int start, int length, bool singleLine = false)
    {
        for (int i = start; i < start + length; i++)
        {
            var c = text[i];
            if (singleLine && c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }
            if (NeedsEscape(text, i, singleLine))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
    }

    /// <summary>Whether the character at <paramref name="i"/> would be read as markup by the Teams subset.</summary>
    public static bool NeedsEscape(string text, int i, bool singleLine = false)
    {
        var c = text[i];
        var prev = i > 0 ? text[i - 1] : ' ';
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        return c switch
        {
            '*' => ListMarkerAt(text, i, singleLine) || !(IsSpace(prev) && IsSpace(next)),
            '_' => !(IsSpace(prev) && IsSpace(next)) && !(char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)),
            '[' => text.IndexOf("](", i + 1, StringComparison.Ordinal) >= 0,
            '\\' => char.IsAsciiLetterOrDigit(next) is false && next is > ' ' and < '\u007f',
            '-' or '+' => ListMarkerAt(text, i, singleLine),
            '.' => NumberedListMarkerAt(text, i, singleLine),
            _ => false,
        };
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>"- ", "* ", "+ " as the first thing on a line.</summary>
    private static bool ListMarkerAt(string text, int i, bool singleLine) =>
        (i + 1 >= text.Length || IsSpace(text[i + 1])) && LineStartBefore(text, i, singleLine);

    /// <summary>The dot of "12. " as the first thing on a line.</summary>
    private static bool NumberedListMarkerAt(string text, int i, bool singleLine)
    {
        if (i + 1 < text.Length && !IsSpace(text[i + 1]))
        {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && char.IsAsciiDigit(text[j]))
        {
            j--;
        }
        return j < i - 1 && LineStartBefore(text, j + 1, singleLine);
    }

    /// <summary>Only spaces between the start of the line and <paramref name="i"/>.</summary>
    private static bool LineStartBefore(string text, int i, bool singleLine)
    {
        for (int j = i - 1; j >= 0; j--)
        {
            if (text[j] is '\n' or '\r')
            {
                return !singleLine;
            }
            if (text[j] is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }
}
