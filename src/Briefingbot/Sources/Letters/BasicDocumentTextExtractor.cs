using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters.Extraction;

namespace Briefingbot.Sources.Letters;

/// <summary>
/// A minimal <see cref="IDocumentTextExtractor"/> so the sync runs on its own: plain text, and XML/HTML with the tags
/// stripped (block elements become paragraph breaks). PDF and DOCX fail with a reason (recorded and retried later).
/// Registered with TryAdd: the full extractor (PdfPig, OpenXml, officiële bekendmakingen XML) replaces it.
/// </summary>
internal sealed partial class BasicDocumentTextExtractor : IDocumentTextExtractor
{
    public DocumentText Extract(ReadOnlyMemory<byte> content, string? contentType, string? fileName = null)
    {
        var type = (contentType ?? "").ToLowerInvariant();
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.Length == 0)
        {
            return DocumentText.Failed("unknown", "empty file");
        }
        if (type.Contains("pdf", StringComparison.Ordinal) || extension == ".pdf" || StartsWith(content.Span, "%PDF"u8))
        {
            return DocumentText.Failed("pdf", "no PDF text extractor in this build");
        }
        if (type.Contains("wordprocessingml", StringComparison.Ordinal) || extension == ".docx" || StartsWith(content.Span, "PK"u8))
        {
            return DocumentText.Failed("docx", "no DOCX text extractor in this build");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.Span);
        }
        catch (DecoderFallbackException)
        {
            return DocumentText.Failed("unknown", "not UTF-8 text");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return DocumentText.Failed("unknown", "binary content");
        }
        var markup = type.Contains("xml", StringComparison.Ordinal) || type.Contains("html", StringComparison.Ordinal) || extension is ".xml" or ".html" or ".htm"
                     || text.TrimStart().StartsWith('<');
        if (!markup)
        {
            return Finish(text.Replace("\r\n", "\n", StringComparison.Ordinal), "text");
        }
        var format = type.Contains("html", StringComparison.Ordinal) || extension is ".html" or ".htm" ? "html" : "xml";
        var stripped = ScriptOrStyle().Replace(text, " ");
        stripped = Declaration().Replace(stripped, " ");
        stripped = BlockEnd().Replace(stripped, "\n\n");
        stripped = Tag().Replace(stripped, " ");
        stripped = WebUtility.HtmlDecode(stripped);
        return Finish(stripped, format);
    }

    private static DocumentText Finish(string text, string format)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.None)
            .Select(p => Spaces().Replace(p.Replace('\n', ' '), " ").Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return paragraphs.Count == 0
            ? DocumentText.Failed(format, "no text in the document")
            : new DocumentText(true, string.Join("\n\n", paragraphs) + "\n", null, format);
    }

    private static bool StartsWith(ReadOnlySpan<byte> content, ReadOnlySpan<byte> prefix) => content.StartsWith(prefix);

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();

    // Ends of block elements (HTML and the officiële bekendmakingen' Kamerstuk XML: al, tussenkop, kop, titel, ...).
    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|al|alinea|tussenkop|kop|titel|regel|li|noot|ondertekening|dagtekening|aanhef|slotformulering)\s*>|<br\s*/?>",
        RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
