using System.Text.RegularExpressions;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Administration.Topics;

/// <summary>Parses <c>&lt;naam&gt; "&lt;query&gt;"</c>; the query may itself hold quoted phrases.</summary>
public static partial class TopicArguments
{
    /// <summary>Topic names: lower case letters, digits and hyphens, 1-40 characters (e.g. "defensie-eu").</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>The longest topic name (<see cref="NamePattern"/>).</summary>
    public const int MaxNameLength = 40;

    /// <summary>Splits "defensie-eu \"defensie OR NAVO\"" into name and query (outer quotes removed).</summary>
    public static (string Name, string Query) Split(string arguments)
    {
        var text = arguments.Trim();
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return ("", "");
        }
        var name = parts[0].ToLowerInvariant();
        var rest = parts.Length > 1 ? parts[1].Trim() : "";
        return (name, Unquote(rest));
    }

    /// <summary>
    /// For a name of several words before the quoted query ("Defensie en EU \"drones OR munitie\""): the one-word name
    /// it could be ("defensie-en-eu"), else null. Read as name "defensie" and query "en EU \"…\"", it was saved with a
    /// query that found nothing (a visual review).
    /// </summary>
    public static string? SeveralWordName(string arguments)
    {
        var text = CommandText.NormaliseQuotes(arguments.Trim());
        var quote = text.IndexOfAny(QuoteMarks);
        string[] words;
        if (QuotedName(text) is var (close, _))
        {
            // A quoted name before the quoted query: "\"Defensie en EU\" \"drones OR munitie\"" (a QA pass).
            words = text[1..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        else if (quote <= 0)
        {
            return null;
        }
        else
        {
            words = text[..quote].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        if (words.Length < 2 || words.Skip(1).Any(w => w is "OR" or "AND" or "NOT" || w.StartsWith('-')))
        {
            // One word, or a name and an unquoted query with a quoted phrase in it ("drones drones OR \"counter drones\"").
            return null;
        }
        var joined = string.Join('-', words.Select(w => new string(CommandText.Fold(w).ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-').ToArray()))
            .Where(w => w.Length > 0));
        return joined.Length == 0 ? null : joined.Length > MaxNameLength ? joined[..MaxNameLength].TrimEnd('-') : joined;
    }

    /// <summary>The marks a query may be quoted with (after <see cref="CommandText.NormaliseQuotes"/>): double, single, guillemets.</summary>
    public static readonly char[] QuoteMarks = ['"', '\'', '«', '»'];

    /// <summary>
    /// The query after the name, from its first quote mark on (for the suggestion of a one-word name); the whole
    /// arguments when there is none.
    /// </summary>
    public static string QuotedPart(string arguments)
    {
        var text = CommandText.NormaliseQuotes(arguments.Trim());
        if (QuotedName(text) is var (_, query))
        {
            return text[query..].Trim();
        }
        var first = text.IndexOfAny(QuoteMarks);
        return first > 0 ? text[first..].Trim() : text;
    }

    /// <summary>
    /// For a quoted name before a quoted query ("\"Defensie en EU\" \"drones\""): where the name's closing quote is and
    /// where the query's opening quote is; null for other arguments.
    /// </summary>
    private static (int NameClose, int QueryOpen)? QuotedName(string text) =>
        text.Length > 0 && QuoteMarks.Contains(text[0]) && text.IndexOfAny(QuoteMarks, 1) is var close and > 1
            && text.IndexOfAny(QuoteMarks, close + 1) is var open and > 0
            ? (close, open)
            : null;

    /// <summary>Removes one pair of outer quotes (straight, curly, single or guillemets) and keeps inner phrase quotes.</summary>
    public static string Unquote(string text)
    {
        var t = CommandText.NormaliseQuotes(text.Trim());
        if (t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '\'' && t[^1] == '\'') || (t[0] == '«' && t[^1] == '»')))
        {
            return t[1..^1].Trim();
        }
        // A quote left open or never opened ("\"gasleveringszekerheid"): the stray mark is dropped, not saved as part of
        // the query and shown in every list (a QA pass).
        if (t.Count(c => c == '"') == 1 && (t[0] == '"' || t[^1] == '"'))
        {
            return t.Trim('"').Trim();
        }
        return t;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}
