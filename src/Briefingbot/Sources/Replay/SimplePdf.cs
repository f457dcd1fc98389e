using System.Globalization;
using System.Text;

namespace Briefingbot.Sources.Replay;

/// <summary>
/// Writes a small, valid PDF 1.4 with real text (Helvetica, WinAnsi, one text object per line, wrapped at 90
/// characters, 50 lines a page) so the replay server can serve PDFs that a PDF text extractor reads back.
/// </summary>
public static class SimplePdf
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Create(IEnumerable<string> paragraphs)
    {
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            lines.AddRange(Wrap(paragraph.Replace('\n', ' ').Trim(), 90));
            lines.Add("");
        }
        var pages = lines.Chunk(50).ToList();
        if (pages.Count == 0)
        {
            pages.Add([""]);
        }

        var objects = new List<string>();
        // 1: catalog, 2: pages, 3: font; then per page: page object and content stream.
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(i => $"{4 + i * 2} 0 R"));
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
        {
            var content = new StringBuilder("BT /F1 10 Tf 14 TL 56 790 Td\n");
            foreach (var line in page)
            {
                content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
            }
            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + i * 2} 0 R >>");
            objects.Add($"<< /Length {Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
        }

        using var output = new MemoryStream();
        void Write(string s) => output.Write(Latin1.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(output.Position);
            Write($"{n + 1} 0 obj\n{objects[n]}\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
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

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '(' or ')' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(c > 255 ? '?' : c);
        }
        return sb.ToString();
    }
}
