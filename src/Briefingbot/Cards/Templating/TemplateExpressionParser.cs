using System.Globalization;
using System.Text;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// Parses template strings: plain text, a single <c>${expr}</c> (keeps the value's type: a list stays a list), or
/// text with embedded <c>${...}</c> (always a string). Operators by precedence, low to high:
/// <c>||</c>, <c>&amp;&amp;</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>.
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
                int end = FindClosingBrace(text, i + 2);
                if (literal.Length > 0)
                {
                    parts.Add(new ConstantExpression(literal.ToString()));
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
            parts.Add(new ConstantExpression(literal.ToString()));
        }

        // Exactly one expression and nothing around it: the value keeps its own type (as in the official engine).
        return parts.Count == 1 && parts[0] is not ConstantExpression ? parts[0] : new InterpolationExpression(parts);
    }

    private static int FindClosingBrace(string text, int start)
    {
        int depth = 0;
        char? quote = null;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quote is { } q)
            {
                if (c == '\\') { i++; continue; }
                if (c == q) quote = null;
                continue;
            }
            switch (c)
            {
                case '\'' or '"': quote = c; break;
                case '{': depth++; break;
                case '}' when depth == 0: return i;
                case '}': depth--; break;
            }
        }
        throw new TemplateSyntaxException($"Unclosed ${{ in \"{text}\".");
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
                throw Error("unexpected text");
            }
        }

        public TemplateExpression ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||")) left = new BinaryExpression("||", left, ParseAnd());
            return left;
        }

        private TemplateExpression ParseAnd()
        {
            var left = ParseEquality();
            while (Accept("&&")) left = new BinaryExpression("&&", left, ParseEquality());
            return left;
        }

        private TemplateExpression ParseEquality()
        {
            var left = ParseRelational();
            while (true)
            {
                if (Accept("==")) left = new BinaryExpression("==", left, ParseRelational());
                else if (Accept("!=")) left = new BinaryExpression("!=", left, ParseRelational());
                else return left;
            }
        }

        private TemplateExpression ParseRelational()
        {
            var left = ParseAdditive();
            while (true)
            {
                string? op = Accept("<=") ? "<=" : Accept(">=") ? ">=" : Accept("<") ? "<" : Accept(">") ? ">" : null;
                if (op is null) return left;
                left = new BinaryExpression(op, left, ParseAdditive());
            }
        }

        private TemplateExpression ParseAdditive()
        {
            var left = ParseMultiplicative();
            while (true)
            {
                if (Accept("+")) left = new BinaryExpression("+", left, ParseMultiplicative());
                else if (Accept("-")) left = new BinaryExpression("-", left, ParseMultiplicative());
                else return left;
            }
        }

        private TemplateExpression ParseMultiplicative()
        {
            var left = ParseUnary();
            while (true)
            {
                if (Accept("*")) left = new BinaryExpression("*", left, ParseUnary());
                else if (Accept("/")) left = new BinaryExpression("/", left, ParseUnary());
                else if (Accept("%")) left = new BinaryExpression("%", left, ParseUnary());
                else return left;
            }
        }

        private TemplateExpression ParseUnary()
        {
            SkipSpace();
            if (Peek() == '!' && PeekAt(1) != '=') { _pos++; return new UnaryExpression('!', ParseUnary()); }
            if (Peek() == '-') { _pos++; return new UnaryExpression('-', ParseUnary()); }
            return ParsePrimary();
        }

        private TemplateExpression ParsePrimary()
        {
            SkipSpace();
            char c = Peek();
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                Expect(')');
                return inner;
            }
            if (c is '\'' or '"')
            {
                return new ConstantExpression(ReadString(c));
            }
            if (char.IsAsciiDigit(c))
            {
                int start = _pos;
                while (_pos < s.Length && (char.IsAsciiDigit(s[_pos]) || s[_pos] == '.')) _pos++;
                return new ConstantExpression(double.Parse(s[start.._pos], CultureInfo.InvariantCulture));
            }
            if (IsIdentifierStart(c))
            {
                string name = ReadIdentifier();
                SkipSpace();
                if (Peek() == '(')
                {
                    _pos++;
                    var args = new List<TemplateExpression>();
                    SkipSpace();
                    if (Peek() != ')')
                    {
                        do { args.Add(ParseOr()); } while (Accept(","));
                    }
                    Expect(')');
                    return new FunctionExpression(name, args);
                }
                switch (name)
                {
                    case "true": return new ConstantExpression(true);
                    case "false": return new ConstantExpression(false);
                    case "null": return new ConstantExpression(null);
                }
                return new PathExpression(name, ReadSegments());
            }
            throw Error("expected a value");
        }

        private List<PathSegment> ReadSegments()
        {
            var segments = new List<PathSegment>();
            while (true)
            {
                if (Peek() == '.' && IsIdentifierStart(PeekAt(1)))
                {
                    _pos++;
                    segments.Add(new PathSegment(ReadIdentifier(), null));
                }
                else if (Peek() == '[')
                {
                    _pos++;
                    SkipSpace();
                    if (Peek() is '\'' or '"')
                    {
                        segments.Add(new PathSegment(ReadString(Peek()), null));
                    }
                    else
                    {
                        int start = _pos;
                        while (_pos < s.Length && char.IsAsciiDigit(s[_pos])) _pos++;
                        if (start == _pos) throw Error("expected an index");
                        segments.Add(new PathSegment(null, int.Parse(s[start.._pos], CultureInfo.InvariantCulture)));
                    }
                    Expect(']');
                }
                else
                {
                    return segments;
                }
            }
        }

        private string ReadIdentifier()
        {
            int start = _pos;
            _pos++;
            while (_pos < s.Length && (char.IsAsciiLetterOrDigit(s[_pos]) || s[_pos] is '_' or '$')) _pos++;
            return s[start.._pos];
        }

        private string ReadString(char quote)
        {
            _pos++;
            var sb = new StringBuilder();
            while (_pos < s.Length && s[_pos] != quote)
            {
                if (s[_pos] == '\\' && _pos + 1 < s.Length)
                {
                    _pos++;
                    sb.Append(s[_pos] switch { 'n' => '\n', 't' => '\t', var other => other });
                }
                else
                {
                    sb.Append(s[_pos]);
                }
                _pos++;
            }
            Expect(quote);
            return sb.ToString();
        }

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$' or '@';

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

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c) throw Error($"expected '{c}'");
            _pos++;
        }

        private TemplateSyntaxException Error(string what) => new($"Template expression \"{s}\": {what} at {_pos}.");
    }
}

/// <summary>A template string does not parse (a template bug).</summary>
public sealed class TemplateSyntaxException(string message) : Exception(message);
