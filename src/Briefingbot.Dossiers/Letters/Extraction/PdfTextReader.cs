using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// PDF to text with PdfPig's layout analysis, not <c>page.Text</c> (which glues lines and columns together): words
/// by nearest neighbour (<see cref="NearestNeighbourWordExtractor"/>), text blocks by Docstrum
/// (<see cref="DocstrumBoundingBoxes"/>), blocks in reading order (<see cref="UnsupervisedReadingOrderDetector"/>).
/// Each block becomes a paragraph, its lines kept as lines (the parser unwraps them). Page furniture is dropped:
/// lines in the top or bottom band of a page that repeat on most pages (running headers and footers, with digits
/// ignored so "Pagina 3 van 7" repeats) and lone page numbers.
/// </summary>
internal static partial class PdfTextReader
{
    /// <summary>The share of the page height at the top and at the bottom where headers and footers live.</summary>
    private const double EdgeBand = 0.12;

    private sealed record PdfLine(string Text, double Top, double Bottom, bool StartsBlock);

    private sealed record PdfPageLines(double Height, List<PdfLine> Lines);

    public static DocumentText Read(ReadOnlyMemory<byte> content)
    {
        List<PdfPageLines> pages;
        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages == 0)
            {
                return DocumentText.Failed("pdf", "the PDF has no pages");
            }
            pages = new List<PdfPageLines>(document.NumberOfPages);
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                pages.Add(ReadPage(document.GetPage(n)));
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return DocumentText.Failed("pdf", "the PDF is encrypted (password protected)");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return DocumentText.Failed("pdf", $"the PDF cannot be read ({ex.GetType().Name}: {ex.Message})");
        }

        var furniture = RepeatedEdgeLines(pages);
        var layout = new TextLayout();
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (IsFurniture(line, page.Height, furniture))
                {
                    continue;
                }
                if (line.StartsBlock)
                {
                    layout.Paragraph();
                }
                layout.Inline(line.Text);
                layout.LineBreak();
            }
            layout.Paragraph();
        }
        return new DocumentText(true, layout.ToString(), null, "pdf");
    }

    private static PdfPageLines ReadPage(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<PdfLine>();
        if (words.Count == 0)
        {
            return new PdfPageLines(page.Height, lines);
        }
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        foreach (var block in ordered)
        {
            var first = true;
            foreach (var line in block.TextLines)
            {
                var text = line.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                lines.Add(new PdfLine(text, line.BoundingBox.Top, line.BoundingBox.Bottom, first));
                first = false;
            }
        }
        return new PdfPageLines(page.Height, lines);
    }

    /// <summary>Edge lines (digits folded) that appear on at least half of the pages, when there are two or more.</summary>
    private static HashSet<string> RepeatedEdgeLines(List<PdfPageLines> pages)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (pages.Count < 2)
        {
            return result;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in page.Lines.Where(l => InEdgeBand(l, page.Height)).Select(l => Fold(l.Text)).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var needed = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.5));
        foreach (var (key, count) in counts)
        {
            if (count >= needed)
            {
                result.Add(key);
            }
        }
        return result;
    }

    private static bool IsFurniture(PdfLine line, double pageHeight, HashSet<string> repeated) =>
        InEdgeBand(line, pageHeight) && (PageNumber().IsMatch(line.Text) || repeated.Contains(Fold(line.Text)));

    private static bool InEdgeBand(PdfLine line, double pageHeight) =>
        pageHeight > 0 && (line.Bottom >= pageHeight * (1 - EdgeBand) || line.Top <= pageHeight * EdgeBand);

    /// <summary>Digits folded to '#' and case and spacing ignored, so "Pagina 2 van 9" and "Pagina 3 van 9" match.</summary>
    private static string Fold(string text) =>
        DigitRun().Replace(text.Trim().ToLower(CultureInfo.InvariantCulture), "#").Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();

    /// <summary>"3", "- 3 -", "Pagina 3", "pagina 3 van 7", "3/7", "3 van 7".</summary>
    [GeneratedRegex(@"^\s*(?:[-–]\s*)?(?:pagina|blad|page|p\.)?\s*\d{1,4}\s*(?:(?:van|/|of)\s*\d{1,4})?\s*(?:[-–])?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
