using System.Text;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Analysis;

namespace Briefingbot.Kernel.Commands;

/// <summary>Normalisation of what users type: case and accents folded, a leftover bot mention removed.</summary>
public static partial class CommandText
{
    /// <summary>
    /// Lower case without diacritics: "Oekraïne" → "oekraine", "HÉLP" → "help"; the one folding
    /// (<see cref="TextFolding"/>, the analyzer's), after <see cref="Sanitize"/>.
    /// </summary>
    public static string Fold(string text) => TextFolding.Fold(Sanitize(text));

    /// <summary>
    /// Replaces what text from a chat client may carry but no reader wants: lone UTF-16 surrogates (which make
    /// Unicode normalisation throw) and control characters other than tab and newlines; removes invisible format
    /// characters (soft hyphen, zero-width space, word joiner, byte-order mark, direction marks and embeddings).
    /// </summary>
    public static string Sanitize(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool bad = (char.IsSurrogate(c) && !pair) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
            if (c == '\uFFFD' && (i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1])))
            {
                // What the edge made of a NUL or a broken character (InboundSanitizer) at a word's edge: not part of
                // the word ("help" typed with a NUL after it is help; a QA pass searched for "help�").
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(' ');
                continue;
            }
            if (bad)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : ' ');
                continue;
            }
            if (Dossiers.Text.InvisibleCharacters.IsInvisible(c, keepJoiners: true))
            {
                // Soft hyphens, zero-width characters and direction marks pasted inside words: not part of what was
                // typed, and a right-to-left override would turn the echoed query around in a card title (a QA pass).
                sb ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }
            sb?.Append(c);
            if (pair)
            {
                sb?.Append(text[i + 1]);
                i++;
            }
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// Removes what is left of an @mention of the bot at the start ("@Briefingbot", "&lt;at&gt;Briefingbot&lt;/at&gt;")
    /// and a leading slash ("/zoek"), and trims. The turn context strips real mentions already; users also type them.
    /// </summary>
    public static string StripMention(string text, string? botName = null)
    {
        var t = Sanitize(text).Trim();
        // Several mentions in a row are possible ("@Briefingbot @Briefingbot help"); bounded by the text length.
        for (int guard = 0; guard < 5; guard++)
        {
            var m = AtTag().Match(t);
            if (m.Success)
            {
                t = t[m.Length..].TrimStart();
                continue;
            }
            if (t.StartsWith('@'))
            {
                var name = botName is { Length: > 0 } ? botName : "Briefingbot";
                if (t.Length > name.Length && t.AsSpan(1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    t = t[(name.Length + 1)..].TrimStart(' ', ',', ':');
                    continue;
                }
                if (t.Length - 1 == name.Length && t.AsSpan(1).Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return "";
                }
            }
            break;
        }
        if (t.StartsWith('/'))
        {
            t = t[1..];
        }
        return t.Trim();
    }


    /// <summary>Teams and phones type curly quotes; the query parser wants straight ones.</summary>
    public static string NormaliseQuotes(string text) =>
        text.Replace('“', '"').Replace('”', '"').Replace('„', '"').Replace('‘', '\'').Replace('’', '\'');

    [GeneratedRegex(@"^<at>[^<]{0,100}</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
