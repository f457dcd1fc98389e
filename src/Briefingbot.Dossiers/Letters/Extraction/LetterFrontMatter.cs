using System.Globalization;
using System.Text;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// A letter that came from a source travels as text with a front-matter block in front of its body, so that it flows
/// through the corpus folder and the shared letter store exactly like any other letter file and every instance's
/// index sees the same metadata:
/// <code>
/// ---
/// source: tweedekamer
/// externalId: 3f1c...
/// title: Geannoteerde agenda Raad Buitenlandse Zaken Defensie van 1 december 2025
/// type: Brief regering
/// date: 2025-11-20
/// dossier: 21 501-28
/// number: 281
/// documentNumber: 2025D51234
/// url: https://zoek.officielebekendmakingen.nl/kst-21501-28-281.html
/// ---
/// (body text)
/// </code>
/// Keys are case-insensitive; unknown keys are ignored; values are single lines.
/// </summary>
public static class LetterFrontMatter
{
    private const string Fence = "---";

    /// <summary>Writes <paramref name="metadata"/> as front matter followed by <paramref name="body"/>.</summary>
    public static string Compose(KnownLetterMetadata metadata, string body)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(body);
        var sb = new StringBuilder();
        sb.Append(Fence).Append('\n');
        Add(sb, "source", metadata.Source);
        Add(sb, "externalId", metadata.ExternalId);
        Add(sb, "title", metadata.Title);
        Add(sb, "type", metadata.Type);
        Add(sb, "date", metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(sb, "dossier", metadata.Dossier);
        Add(sb, "number", metadata.Number);
        Add(sb, "documentNumber", metadata.DocumentNumber);
        Add(sb, "url", metadata.Url);
        sb.Append(Fence).Append('\n');
        sb.Append(body);
        return sb.ToString();
    }

    /// <summary>
    /// Reads a front-matter block at the very start of <paramref name="text"/>. <paramref name="bodyStart"/> is the
    /// offset of the first character after the closing fence's line (0 when there is none).
    /// </summary>
    public static bool TryParse(string text, out KnownLetterMetadata metadata, out int bodyStart)
    {
        metadata = new KnownLetterMetadata();
        bodyStart = 0;
        if (text is null || !text.StartsWith(Fence + "\n", StringComparison.Ordinal) && !text.StartsWith(Fence + "\r\n", StringComparison.Ordinal))
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pos = text.IndexOf('\n') + 1;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text[pos..lineEnd].TrimEnd('\r');
            var next = end < 0 ? text.Length : end + 1;
            if (line == Fence)
            {
                metadata = new KnownLetterMetadata(
                    Get(values, "externalId"),
                    Get(values, "title"),
                    Get(values, "type"),
                    DateOnly.TryParseExact(Get(values, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                    Get(values, "dossier"),
                    Get(values, "number"),
                    Get(values, "documentNumber"),
                    Get(values, "url"),
                    Get(values, "source"));
                bodyStart = next;
                return true;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || line.Length > 2000)
            {
                return false; // not front matter after all: treat the text as a plain letter
            }

            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            pos = next;
        }

        return false;
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static void Add(StringBuilder sb, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // One line per value: a newline in a title would end the key.
        var single = value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        sb.Append(key).Append(": ").Append(single).Append('\n');
    }
}
