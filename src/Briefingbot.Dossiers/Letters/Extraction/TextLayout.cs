using System.Text;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>Builds extracted text as the parser likes it: lines, paragraphs separated by one blank line.</summary>
internal sealed class TextLayout
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();

    /// <summary>Adds inline text to the current line (whitespace collapsed).</summary>
    public void Inline(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                if (_line.Length > 0 && _line[^1] != ' ')
                {
                    _line.Append(' ');
                }
            }
            else
            {
                _line.Append(c);
            }
        }
    }

    /// <summary>Ends the current line (a line break within a paragraph).</summary>
    public void LineBreak()
    {
        var line = _line.ToString().Trim();
        _line.Clear();
        if (line.Length > 0)
        {
            _text.Append(line).Append('\n');
        }
    }

    /// <summary>Ends the current paragraph: a blank line follows.</summary>
    public void Paragraph()
    {
        LineBreak();
        if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
        {
            _text.Append('\n');
        }
    }

    /// <summary>A whole paragraph of its own.</summary>
    public void Block(string text)
    {
        Paragraph();
        Inline(text);
        Paragraph();
    }

    public override string ToString()
    {
        LineBreak();
        return Normalise(_text.ToString());
    }

    /// <summary>\n line ends, no trailing spaces, at most one blank line in a row, no leading/trailing blank lines.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Replace('\u00A0', ' ').TrimEnd();
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            sb.Append(line);
        }
        return sb.ToString();
    }
}
