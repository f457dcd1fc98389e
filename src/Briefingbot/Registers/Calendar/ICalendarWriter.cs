using System.Globalization;
using System.Text;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// Writes iCalendar (RFC 5545) content lines: CRLF line ends, TEXT values escaped (3.3.11), and lines folded at
/// 75 octets (3.1) without splitting a UTF-8 character.
/// </summary>
public sealed class ICalendarWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder output = new();

    public void Line(string name, string value) => Fold(name + ":" + value);

    public void Text(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Line(name, EscapeText(value));
        }
    }

    public void Date(string name, DateOnly date) => Line(name + ";VALUE=DATE", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public void UtcDateTime(string name, DateTimeOffset moment) =>
        Line(name, moment.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public override string ToString() => output.ToString();

    /// <summary>Backslash, semicolon, comma and newlines escaped as TEXT requires.</summary>
    public static string EscapeText(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private void Fold(string line)
    {
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
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
