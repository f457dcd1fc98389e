namespace Briefingbot.Dossiers.Text;

/// <summary>
/// Format characters that text pasted from a PDF or a web page carries inside words, and that no reader sees: soft
/// hyphen, zero-width space, word joiner, byte-order mark, direction marks, embeddings and isolates, and (unless kept)
/// the zero-width joiners. The one list for what users type (commands) and what they search (queries).
/// </summary>
public static class InvisibleCharacters
{
    /// <param name="keepJoiners">Keep U+200C and U+200D: emoji sequences and some scripts need them in text that is
    /// stored or shown; a search query has no use for them.</param>
    public static bool IsInvisible(char c, bool keepJoiners = false) =>
        c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069'
        || (!keepJoiners && c is '\u200C' or '\u200D');
}
