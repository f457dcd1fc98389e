using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Briefingbot.TestSupport.Letters;

/// <summary>
/// Builds documents shaped like the Tweede Kamer's (for tests and the extraction benchmark): an A4 PDF with a running
/// header, a footer with "Pagina n van m", hard-wrapped paragraphs over several pages; a DOCX with paragraphs and a
/// table. Deterministic: the same input gives the same bytes' text.
/// </summary>
public static class SyntheticDocuments
{
    /// <summary>The running header every page of <see cref="Pdf"/> carries.</summary>
    public const string PdfHeader = "Tweede Kamer, vergaderjaar 2025-2026, 21 501-28";

    /// <summary>
    /// A PDF whose first page starts with <paramref name="headerLines"/> (title block) followed by
    /// <paramref name="paragraphs"/>, wrapped at about 90 characters, flowing over as many pages as needed; every page
    /// has <see cref="PdfHeader"/> at the top and "Pagina n van m" at the bottom.
    /// </summary>
    public static byte[] Pdf(IReadOnlyList<string> headerLines, IReadOnlyList<string> paragraphs, int linesPerPage = 40)
    {
        // Lay out lines first so the page count is known for "Pagina n van m".
        var pages = new List<List<(string Text, bool Bold, bool GapBefore)>> { new() };
        void Add(string text, bool bold, bool gap)
        {
            if (pages[^1].Count >= linesPerPage)
            {
                pages.Add([]);
            }
            pages[^1].Add((text, bold, gap && pages[^1].Count > 0));
        }
        foreach (var line in headerLines)
        {
            Add(line, true, true);
        }
        foreach (var paragraph in paragraphs)
        {
            var first = true;
            foreach (var line in Wrap(paragraph, 90))
            {
                Add(line, false, first);
                first = false;
            }
        }

        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(PdfHeader, 8, new PdfPoint(60, 805), regular);
            var y = 760.0;
            foreach (var (text, isBold, gap) in pages[p])
            {
                if (gap)
                {
                    y -= 9;
                }
                page.AddText(PdfSafe(text), 10, new PdfPoint(60, y), isBold ? bold : regular);
                y -= 14;
            }
            page.AddText(string.Create(CultureInfo.InvariantCulture, $"Pagina {p + 1} van {pages.Count}"), 8, new PdfPoint(270, 30), regular);
        }
        return builder.Build();
    }

    /// <summary>A DOCX with the given paragraphs and, when given, a table (first row the header).</summary>
    public static byte[] Docx(IReadOnlyList<string> paragraphs, IReadOnlyList<IReadOnlyList<string>>? table = null, string? footnote = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var text in paragraphs)
            {
                body.Append(new Paragraph(new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve })));
            }
            if (table is not null)
            {
                var t = new Table();
                foreach (var row in table)
                {
                    var tr = new TableRow();
                    foreach (var cell in row)
                    {
                        tr.Append(new TableCell(new Paragraph(new Run(new WordText(cell)))));
                    }
                    t.Append(tr);
                }
                body.Append(t);
            }
            main.Document = new Document(body);
            if (footnote is not null)
            {
                var notes = main.AddNewPart<FootnotesPart>();
                notes.Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                    new Footnote(new Paragraph(new Run(new WordText(footnote)))) { Id = 1 });
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The standard 14 fonts of PdfPig's writer hold ASCII only: diacritics are folded ("Oekraïne" → "Oekraine"),
    /// dashes and quotes made plain, anything else becomes '?'.
    /// </summary>
    public static string PdfSafe(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(c switch
            {
                '–' or '—' => '-',
                '‘' or '’' => '\'',
                '“' or '”' => '"',
                '€' => 'E',
                < ' ' => ' ',
                <= '~' => c,
                _ => '?',
            });
        }
        return sb.ToString();
    }

    /// <summary>Greedy word wrap at <paramref name="width"/> characters.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
