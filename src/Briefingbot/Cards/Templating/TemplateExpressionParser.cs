using System.Text;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// Parses template strings: plain text, a single <c>${expr}</c> (keeps the value's type: a list stays a list), or
/// text with embedded <c>${...}</c> (always a string). An expression is a data path or paths joined by
/// <c>&amp;&amp;</c> (binds tighter) and <c>||</c>: all the templates use. A function call, another operator, a
/// constant, an index or parentheses is a <see cref="TemplateSyntaxException"/> that names it, so a template that
/// needs more fails when it is loaded (and in the conformance tests) instead of rendering something else.
/// Only templates are parsed, never data: that is what makes card data inert.
/// </summary>
internal static class TemplateExpressionParser
{
    /// <summary>Returns null when <paramref name="text"/> holds no expression (it stays a literal string).</summary>
    public static TemplateExpression? ParseTemplateString(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<TemplateExpression>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                int end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw new TemplateSyntaxException($"Unclosed ${{ in \"{text}\".");
                }
                if (literal.Length > 0)
                {
                    parts.Add(new TextExpression(literal.ToString()));
                    literal.Clear();
                }
                parts.Add(ParseExpression(text[(i + 2)..end]));
                i = end + 1;
            }
            else
            {
                literal.Append(text[i]);
                i++;
            }
        }
        if (literal.Length > 0)
        {
            parts.Add(new TextExpression(literal.ToString()));
        }

        // Exactly one expression and nothing around it: the value keeps its own type (as in the official engine).
        return parts.Count == 1 && parts[0] is not TextExpression ? parts[0] : new InterpolationExpression(parts);
    }

    /// <summary>Parses one expression (the text between <c>${</c> and <c>}</c>).</summary>
    public static TemplateExpression ParseExpression(string source)
    {
        var p = new Parser(source);
        var e = p.ParseOr();
        p.ExpectEnd();
        return e;
    }

    private sealed class Parser(string s)
    {
        private int _pos;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != s.Length)
            {
                throw Unsupported();
            }
        }

        public TemplateExpression ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||")) left = new LogicalExpression(isAnd: false, left, ParseAnd());
            return left;
        }

        private TemplateExpression ParseAnd()
        {
            TemplateExpression left = ParsePath();
            while (Accept("&&")) left = new LogicalExpression(isAnd: true, left, ParsePath());
            return left;
        }

        private PathExpression ParsePath()
        {
            SkipSpace();
            if (!IsIdentifierStart(Peek()))
            {
                throw _pos == s.Length ? Error("expected a data path") : Unsupported();
            }
            var head = ReadIdentifier();
            if (head[0] == '$' && head != "$root")
            {
                throw Error($"{head} is not supported (only $root)");
            }
            if (head is "true" or "false" or "null")
            {
                throw Error($"the constant {head} is not supported");
            }
            var members = new List<string>();
            while (Peek() == '.' && IsIdentifierStart(PeekAt(1)))
            {
                _pos++;
                members.Add(ReadIdentifier());
            }
            if (Peek() == '(')
            {
                throw Error($"function {head}() is not supported: the expander has no functions (no template used one)");
            }
            return new PathExpression(head, members);
        }

        private string ReadIdentifier()
        {
            int start = _pos;
            _pos++;
            while (_pos < s.Length && (char.IsAsciiLetterOrDigit(s[_pos]) || s[_pos] is '_' or '$')) _pos++;
            return s[start.._pos];
        }

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

        private char Peek() => _pos < s.Length ? s[_pos] : '\0';

        private char PeekAt(int offset) => _pos + offset < s.Length ? s[_pos + offset] : '\0';

        private void SkipSpace()
        {
            while (_pos < s.Length && char.IsWhiteSpace(s[_pos])) _pos++;
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(s, _pos, token, 0, token.Length) == 0)
            {
                _pos += token.Length;
                return true;
            }
            return false;
        }

        private TemplateSyntaxException Unsupported() =>
            Error($"'{s[_pos..]}' is not supported (the expander knows data paths, && and ||: what the templates use)");

        private TemplateSyntaxException Error(string what) => new($"Template expression \"{s}\": {what} at {_pos}.");
    }
}

/// <summary>A template string does not parse or uses what the expander does not support (a template bug).</summary>
public sealed class TemplateSyntaxException(string message) : Exception(message);
