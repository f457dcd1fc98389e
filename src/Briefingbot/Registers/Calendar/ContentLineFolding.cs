using System.Text;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// Folds iCalendar (RFC 5545, 3.1) content lines at 75 octets without splitting a UTF-8 character. Ical.Net writes the
/// feed but its folding (5.2.4) can put the two halves of a surrogate pair (an emoji in a title) on different lines,
/// which every reader turns into two replacement characters; this refolds its output on code-point boundaries.
/// </summary>
public static class ContentLineFolding
{
    private const int MaxOctets = 75;

    /// <summary>Unfolds <paramref name="ics"/> (CRLF + space or tab) and folds every content line again; CRLF line ends.</summary>
    public static string Refold(string ics)
    {
        // A TEXT value never holds a raw line break (it is escaped as \n), so CRLF + white space is always a fold.
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var output = new StringBuilder(ics.Length + ics.Length / 64);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length > 0)
            {
                Fold(output, line);
            }
        }
        return output.ToString();
    }

    /// <summary>Appends <paramref name="line"/> folded, with its CRLF.</summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > MaxOctets)
            {
                // The continuation line's leading space counts towards its 75 octets.
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(line, i, width);
            octets += bytes;
            i += width;
        }
        output.Append("\r\n");
    }
}
