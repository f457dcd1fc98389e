using System.Text;

namespace Briefingbot.Tests.Registers;

/// <summary>
/// A small, independent RFC 5545 reader for the tests (the second parser besides Ical.Net): checks the physical
/// layout (CRLF, folded lines of at most 75 octets), unfolds, splits content lines into name, parameters and value,
/// nests components, and unescapes TEXT values.
/// </summary>
public static class Rfc5545LineParser
{
    public sealed record ContentLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public sealed class Component(string name)
    {
        public string Name { get; } = name;
        public List<ContentLine> Properties { get; } = [];
        public List<Component> Children { get; } = [];

        public ContentLine? this[string property] => Properties.FirstOrDefault(p => p.Name == property);

        public string? Text(string property) => this[property] is { } line ? Unescape(line.Value) : null;
    }

    public static Component Parse(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("The stream must end with CRLF.");
        }
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            if (line.Contains('\n') || line.Contains('\r'))
            {
                throw new FormatException("Bare CR or LF inside a line.");
            }
            if (Encoding.UTF8.GetByteCount(line) > 75)
            {
                throw new FormatException($"Line longer than 75 octets: {line}");
            }
        }
        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (logical.Count == 0)
                {
                    throw new FormatException("Continuation line without a line to continue.");
                }
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in logical.Select(ParseLine))
        {
            if (line.Name == "BEGIN")
            {
                var component = new Component(line.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else if (root is null)
                {
                    root = component;
                }
                else
                {
                    throw new FormatException("More than one top-level component.");
                }
                stack.Push(component);
            }
            else if (line.Name == "END")
            {
                if (stack.Count == 0 || stack.Pop().Name != line.Value)
                {
                    throw new FormatException($"END:{line.Value} does not close the open component.");
                }
            }
            else
            {
                if (stack.Count == 0)
                {
                    throw new FormatException($"Property {line.Name} outside a component.");
                }
                stack.Peek().Properties.Add(line);
            }
        }
        if (stack.Count != 0 || root is null)
        {
            throw new FormatException("Unclosed component.");
        }
        return root;
    }

    private static ContentLine ParseLine(string line)
    {
        // name *(";" param) ":" value; a colon inside a quoted parameter value does not end the parameters.
        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ':' && !inQuotes)
            {
                colon = i;
                break;
            }
        }
        if (colon <= 0)
        {
            throw new FormatException($"No name/value separator: {line}");
        }
        var head = line[..colon].Split(';');
        if (!head[0].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new FormatException($"Bad property name: {head[0]}");
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in head.Skip(1))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Bad parameter: {p}");
            }
            parameters[p[..eq]] = p[(eq + 1)..];
        }
        return new ContentLine(head[0], parameters, line[(colon + 1)..]);
    }

    /// <summary>TEXT unescaping (RFC 5545 3.3.11); an unknown escape is an error.</summary>
    public static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                if (value[i] is ';' or ',')
                {
                    throw new FormatException($"Unescaped '{value[i]}' in TEXT value: {value}");
                }
                sb.Append(value[i]);
                continue;
            }
            if (++i >= value.Length)
            {
                throw new FormatException("Dangling backslash.");
            }
            sb.Append(value[i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                _ => throw new FormatException($"Unknown escape \\{value[i]}"),
            });
        }
        return sb.ToString();
    }
}
