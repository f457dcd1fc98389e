using System.Net;
using System.Text;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>
/// The text the parser reads, with a map back to the raw file. Plain text and Markdown are read as-is (identity map);
/// HTML is converted to text (tags dropped, entities decoded, block elements become line breaks) while every output
/// character remembers the raw range it came from, so passage offsets still point into the raw file.
/// </summary>
internal sealed class SourceText
{
    private readonly int[]? _rawStart;
    private readonly int[]? _rawEnd;
    private readonly int _offset;

    private SourceText(string text, int[]? rawStart, int[]? rawEnd, string? htmlTitle, int offset = 0)
    {
        Text = text;
        _rawStart = rawStart;
        _rawEnd = rawEnd;
        HtmlTitle = htmlTitle;
        _offset = offset;
    }

    public string Text { get; }

    /// <summary>The HTML &lt;title&gt;, when the source was HTML and had one.</summary>
    public string? HtmlTitle { get; }

    public bool IsHtml => _rawStart is not null;

    /// <summary>Raw offset where the character at <paramref name="index"/> starts.</summary>
    public int RawStart(int index) => _offset + (_rawStart is null ? index : _rawStart[index]);

    /// <summary>Raw offset just after the character at <paramref name="index"/>.</summary>
    public int RawEnd(int index) => _offset + (_rawEnd is null ? index + 1 : _rawEnd[index]);

    public static SourceText From(string raw) => LooksLikeHtml(raw) ? FromHtml(raw) : new SourceText(raw, null, null, null);

    /// <summary>
    /// The text of a body that starts at <paramref name="offset"/> in the raw file (after a front-matter block): read
    /// like <see cref="From(string)"/>, with every raw offset shifted so it still points into the whole raw file.
    /// </summary>
    public static SourceText From(string body, int offset)
    {
        if (offset == 0)
        {
            return From(body);
        }
        var inner = From(body);
        return new SourceText(inner.Text, inner._rawStart, inner._rawEnd, inner.HtmlTitle, offset);
    }

    /// <summary>
    /// HTML when the text starts like a document or uses structural tags; Markdown with inline &lt;sup&gt; is not HTML.
    /// </summary>
    internal static bool LooksLikeHtml(string raw)
    {
        var head = raw.Length > 4000 ? raw[..4000] : raw;
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var blockTags = 0;
        foreach (var tag in new[] { "<p>", "<p ", "<div", "<br", "<h1", "<h2", "<h3", "<body", "<table", "<li" })
        {
            blockTags += CountOccurrences(raw, tag);
        }
        return blockTags >= 3;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }
        return count;
    }

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "nav", "head", "title", "noscript", "template", "svg" };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "hr", "main", "aside", "title", "body", "html",
    };

    private static SourceText FromHtml(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var starts = new List<int>(raw.Length);
        var ends = new List<int>(raw.Length);
        string? title = null;
        var titleOpen = raw.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        var titleStart = titleOpen < 0 ? -1 : raw.IndexOf('>', titleOpen);
        var titleClose = titleStart < 0 ? -1 : raw.IndexOf("</title", titleStart, StringComparison.OrdinalIgnoreCase);
        if (titleClose > titleStart)
        {
            title = WebUtility.HtmlDecode(raw[(titleStart + 1)..titleClose]).Trim();
        }

        void Emit(char c, int start, int end)
        {
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        void Break(int at)
        {
            // Two newlines: every block element is its own paragraph for the line-based parser.
            Emit('\n', at, at);
            Emit('\n', at, at);
        }

        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '<')
            {
                if (raw.AsSpan(i).StartsWith("<!--"))
                {
                    var close = raw.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = close < 0 ? raw.Length : close + 3;
                    continue;
                }
                var tagEnd = raw.IndexOf('>', i + 1);
                if (tagEnd < 0)
                {
                    // A lone '<' is text.
                    Emit(c, i, i + 1);
                    i++;
                    continue;
                }
                var name = TagName(raw, i + 1, tagEnd);
                var isClosing = i + 1 < raw.Length && raw[i + 1] == '/';
                if (!isClosing && SkippedElements.Contains(name))
                {
                    var close = raw.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                    var closeEnd = close < 0 ? -1 : raw.IndexOf('>', close);
                    i = closeEnd < 0 ? tagEnd + 1 : closeEnd + 1;
                    Break(i);
                    continue;
                }
                if (name.Equals("sup", StringComparison.OrdinalIgnoreCase) && !isClosing)
                {
                    // Footnote markers: <sup>3</sup> carries no words; drop it with its content.
                    var close = raw.IndexOf("</sup", tagEnd, StringComparison.OrdinalIgnoreCase);
                    var closeEnd = close < 0 ? -1 : raw.IndexOf('>', close);
                    if (closeEnd > 0 && closeEnd - tagEnd < 40)
                    {
                        i = closeEnd + 1;
                        continue;
                    }
                }
                if (BlockElements.Contains(name))
                {
                    Break(i);
                }
                i = tagEnd + 1;
                continue;
            }
            if (c == '&')
            {
                var semi = raw.IndexOf(';', i + 1, Math.Min(12, raw.Length - i - 1));
                if (semi > i + 1)
                {
                    var decoded = WebUtility.HtmlDecode(raw[i..(semi + 1)]);
                    if (decoded != raw[i..(semi + 1)])
                    {
                        foreach (var d in decoded)
                        {
                            Emit(d == '\u00A0' ? ' ' : d, i, semi + 1);
                        }
                        i = semi + 1;
                        continue;
                    }
                }
            }
            // Source line breaks inside HTML are just spaces.
            Emit(c is '\n' or '\r' or '\t' ? ' ' : c, i, i + 1);
            i++;
        }
        return new SourceText(text.ToString(), starts.ToArray(), ends.ToArray(), string.IsNullOrWhiteSpace(title) ? null : title);
    }

    private static string TagName(string raw, int from, int tagEnd)
    {
        var start = from < tagEnd && raw[from] == '/' ? from + 1 : from;
        var end = start;
        while (end < tagEnd && (char.IsLetterOrDigit(raw[end]) || raw[end] == '-'))
        {
            end++;
        }
        return raw[start..end];
    }
}
