using System.IO.Compression;
using System.Text;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// Turns a downloaded document into the plain text the letter parser reads. The format is decided by the bytes
/// first (<c>%PDF-</c>, a ZIP holding <c>word/document.xml</c>, an XML or HTML start), then by the content type, then
/// by the file name's extension. Each reader lives in its own class (<see cref="OfficialPublicationXmlReader"/>,
/// <see cref="PdfTextReader"/>, <see cref="DocxTextReader"/>, <see cref="HtmlTextReader"/>); this class never throws
/// for bad content: whatever goes wrong becomes <see cref="DocumentText.Failed"/> with a reason.
/// </summary>
public sealed class DocumentTextExtractor : IDocumentTextExtractor
{
    /// <summary>Documents larger than this are refused (a letter's PDF is at most a few megabytes).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public DocumentText Extract(ReadOnlyMemory<byte> content, string? contentType, string? fileName = null)
    {
        var format = "unknown";
        try
        {
            if (content.Length == 0)
            {
                return DocumentText.Failed(format, "empty document (0 bytes)");
            }
            format = DetectFormat(content.Span, contentType, fileName);
            if (content.Length > MaxBytes)
            {
                return DocumentText.Failed(format, $"document too large ({content.Length} bytes, limit {MaxBytes})");
            }
            var result = format switch
            {
                "pdf" => PdfTextReader.Read(content),
                "docx" => DocxTextReader.Read(content),
                "xml" => OfficialPublicationXmlReader.Read(DecodeText(content.Span)),
                "html" => HtmlTextReader.Read(DecodeText(content.Span)),
                "text" => PlainText(content.Span),
                "doc" => DocumentText.Failed("doc", "legacy Word (.doc) documents are not supported; the source usually also offers PDF"),
                _ => DocumentText.Failed(format, "unrecognised document format" + (contentType is null ? "" : $" (content type {contentType})")),
            };
            return result.Succeeded ? Finish(result) : result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every reader catches its own failures; this is the last guard of "never throws".
            return DocumentText.Failed(format, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Magic bytes first, then the content type, then the extension; <c>unknown</c> when nothing fits.</summary>
    public static string DetectFormat(ReadOnlySpan<byte> bytes, string? contentType, string? fileName)
    {
        if (FromMagic(bytes) is { } magic)
        {
            return magic;
        }
        if (FromContentType(contentType) is { } byType)
        {
            return byType;
        }
        if (FromExtension(fileName) is { } byExtension)
        {
            return byExtension;
        }
        return LooksLikeText(bytes) ? "text" : "unknown";
    }

    private static string? FromMagic(ReadOnlySpan<byte> bytes)
    {
        // PDF readers accept the header anywhere in the first kilobyte.
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return "pdf";
        }
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return IsWordPackage(bytes) ? "docx" : "zip";
        }
        if (bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return "doc";
        }
        if (bytes.Length >= 4 && bytes[0] == 0x7B && bytes[1] == 0x5C && bytes[2] == 0x72 && bytes[3] == 0x74)
        {
            return "rtf";
        }
        var head = DecodeText(bytes[..Math.Min(bytes.Length, 2048)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "html";
        }
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return head.Contains("<html", StringComparison.OrdinalIgnoreCase) ? "html" : "xml";
        }
        return null;
    }

    private static bool IsWordPackage(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            // A broken ZIP that claims to be a Word file: let the DOCX reader report it.
            return true;
        }
    }

    private static string? FromContentType(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            null or "" => null,
            "application/pdf" or "application/x-pdf" => "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
            "application/msword" => "doc",
            "text/html" or "application/xhtml+xml" => "html",
            "application/xml" or "text/xml" => "xml",
            "text/plain" or "text/markdown" => "text",
            _ => null, // application/octet-stream and friends say nothing
        };
    }

    private static string? FromExtension(string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return ext switch
        {
            ".pdf" => "pdf",
            ".docx" => "docx",
            ".doc" => "doc",
            ".html" or ".htm" or ".xhtml" => "html",
            ".xml" => "xml",
            ".txt" or ".md" or ".text" => "text",
            _ => null,
        };
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }
        return control <= sample.Length / 50;
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; bytes that are not valid UTF-8 are read as Windows-1252.</summary>
    internal static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            bytes = bytes[3..];
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static DocumentText PlainText(ReadOnlySpan<byte> bytes)
    {
        if (!LooksLikeText(bytes))
        {
            return DocumentText.Failed("text", "binary content, not text");
        }
        return new DocumentText(true, DecodeText(bytes), null, "text");
    }

    /// <summary>Normalises line ends and blank lines; a text without any letter is a failure (e.g. a scan).</summary>
    private static DocumentText Finish(DocumentText result)
    {
        var text = TextLayout.Normalise(result.Text);
        if (!text.Any(char.IsLetter))
        {
            return DocumentText.Failed(result.Format, result.Format == "pdf"
                ? "no text layer: the PDF holds no extractable text (a scan without OCR?)"
                : "the document holds no text");
        }
        return result with { Text = text };
    }
}
