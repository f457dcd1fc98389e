using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// DOCX to text with DocumentFormat.OpenXml: body paragraphs in order (runs joined, tabs and breaks kept as spaces
/// and line breaks), tables one line per row with cells separated by " | ", footnotes apart at the end. Headers and
/// footers of the sections are not part of the body, so they never enter the text.
/// </summary>
internal static class DocxTextReader
{
    public static DocumentText Read(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return DocumentText.Failed("docx", "the DOCX has no document body");
            }
            var layout = new TextLayout();
            foreach (var element in body.ChildElements)
            {
                Block(element, layout);
            }
            var notes = document.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>()
                .Where(f => f.Id?.Value > 0) // ids 0 and -1 are the separators
                .ToList() ?? [];
            foreach (var note in notes)
            {
                var text = string.Join(" ", note.Elements<Paragraph>().Select(ParagraphText)).Trim();
                if (text.Length > 0)
                {
                    layout.Block($"{note.Id!.Value} {text}");
                }
            }
            return new DocumentText(true, layout.ToString(), null, "docx");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return DocumentText.Failed("docx", $"the DOCX cannot be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static void Block(OpenXmlElement element, TextLayout layout)
    {
        switch (element)
        {
            case Paragraph paragraph:
                layout.Paragraph();
                foreach (var line in ParagraphText(paragraph).Split('\n'))
                {
                    layout.Inline(line);
                    layout.LineBreak();
                }
                layout.Paragraph();
                break;
            case Table table:
                layout.Paragraph();
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>()
                        .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText)).Replace('\n', ' ').Trim())
                        .ToList();
                    if (cells.Any(c => c.Length > 0))
                    {
                        layout.Inline(string.Join(" | ", cells));
                        layout.LineBreak();
                    }
                }
                layout.Paragraph();
                break;
            case SdtBlock sdt when sdt.SdtContentBlock is { } contentBlock:
                foreach (var child in contentBlock.ChildElements)
                {
                    Block(child, layout);
                }
                break;
        }
    }

    /// <summary>The paragraph's visible text: text runs, tabs as spaces, breaks as newlines; deleted text left out.</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case WordText t when t.Ancestors<DeletedRun>().Any():
                    break;
                case WordText t:
                    sb.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }
        return sb.ToString();
    }
}
