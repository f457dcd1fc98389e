using System.Text;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.TestSupport.Letters;

namespace Briefingbot.Dossiers.Tests.Letters.Extraction;

public sealed class DocumentTextExtractorTests
{
    private static readonly DocumentTextExtractor Extractor = new();

    private static readonly string[] Paragraphs =
    [
        "Hierbij bied ik u, mede namens de minister van Buitenlandse Zaken, de geannoteerde agenda aan voor de Raad Buitenlandse Zaken Defensie van 1 december 2025.",
        string.Join(" ", Enumerable.Repeat("De Raad zal spreken over de steun aan Oekraïne en de versterking van de Europese defensie-industrie, waaronder munitie en drones.", 12)),
        string.Join(" ", Enumerable.Repeat("Het kabinet zet zich in voor gezamenlijke aanschaf van luchtverdediging en voor snellere levering van munitie aan Oekraïne.", 12)),
        "Ik zal uw Kamer voor het einde van het jaar informeren over de uitkomsten van de Raad.",
    ];

    [Fact]
    public void Pdf_over_pages_reads_paragraphs_in_order_without_running_header_or_page_numbers()
    {
        var pdf = SyntheticDocuments.Pdf(["21 501-28 Defensieraad", "Nr. 281 BRIEF VAN DE MINISTER VAN DEFENSIE"], Paragraphs, linesPerPage: 14);

        var result = Extractor.Extract(pdf, "application/pdf", "document.pdf");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("pdf", result.Format);
        Assert.DoesNotContain("vergaderjaar 2025-2026", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pagina ", result.Text, StringComparison.Ordinal);
        Assert.StartsWith("21 501-28 Defensieraad", result.Text, StringComparison.Ordinal);
        // Reading order: the paragraphs come in document order, words separated (not glued as page.Text does).
        var first = result.Text.IndexOf("Hierbij bied ik u", StringComparison.Ordinal);
        var middle = result.Text.IndexOf("gezamenlijke aanschaf", StringComparison.Ordinal);
        var last = result.Text.IndexOf("Ik zal uw Kamer", StringComparison.Ordinal);
        Assert.True(first >= 0 && middle > first && last > middle, result.Text);
        // The parser reads the extracted text as a letter: metadata and passages.
        var letter = new LetterParser().Parse("kst-21501-28-281.txt", result.Text);
        Assert.Equal("21 501-28", letter.Dossier);
        Assert.Equal("281", letter.DocumentNumber);
        Assert.Contains(letter.Passages, p => p.Text.Contains("voor het einde van het jaar informeren", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_is_detected_by_magic_bytes_even_with_a_wrong_content_type_and_name()
    {
        var pdf = SyntheticDocuments.Pdf(["Titel"], Paragraphs.Take(1).ToList());
        var result = Extractor.Extract(pdf, "text/html", "brief.docx");
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("pdf", result.Format);
    }

    [Fact]
    public void Pdf_pages_without_text_are_reported_as_no_text_layer()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var result = Extractor.Extract(builder.Build(), "application/pdf");
        Assert.False(result.Succeeded);
        Assert.Equal("pdf", result.Format);
        Assert.Contains("no text layer", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/pdf", "x.pdf")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "x.docx")]
    [InlineData(null, "x.pdf")]
    public void Corrupt_bytes_fail_with_a_reason_and_never_throw(string? contentType, string name)
    {
        var corrupt = new byte[4096];
        new Random(7).NextBytes(corrupt);
        corrupt[0] = 0; // binary, not text
        var result = Extractor.Extract(corrupt, contentType, name);
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure));
        Assert.Equal(string.Empty, result.Text);
    }

    [Fact]
    public void A_truncated_pdf_fails_with_a_reason()
    {
        var pdf = SyntheticDocuments.Pdf(["Titel"], Paragraphs);
        var result = Extractor.Extract(pdf.AsMemory(0, pdf.Length / 3), "application/pdf");
        // PdfPig's lenient parsing may recover some pages; either way there is no exception and no silent empty text.
        Assert.True(result.Succeeded ? result.Text.Length > 0 : result.Failure is { Length: > 0 });
        Assert.Equal("pdf", result.Format);
    }

    [Fact]
    public void Empty_content_fails()
    {
        var result = Extractor.Extract(ReadOnlyMemory<byte>.Empty, "application/pdf");
        Assert.False(result.Succeeded);
        Assert.Contains("empty", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_pdf_fails_as_encrypted()
    {
        // A minimal PDF whose trailer names an encryption dictionary with an owner/user password we do not know.
        var pdf = Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
            "3 0 obj<</Filter/Standard/V 2/R 3/Length 128/P -3904/O(0123456789abcdef0123456789abcdef)/U(0123456789abcdef0123456789abcdef)>>endobj\n" +
            "trailer<</Root 1 0 R/Encrypt 3 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]>>\n%%EOF");
        var result = Extractor.Extract(pdf, "application/pdf");
        Assert.False(result.Succeeded);
        Assert.Equal("pdf", result.Format);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure));
    }

    [Fact]
    public void Docx_gives_paragraphs_table_rows_as_lines_and_footnotes_apart()
    {
        var docx = SyntheticDocuments.Docx(
            ["Geannoteerde agenda Raad Buitenlandse Zaken Defensie", Paragraphs[0], Paragraphs[3]],
            [["Onderwerp", "Besluit"], ["Munitie", "Verlenging"], ["Drones", "Gezamenlijke aanschaf"]],
            footnote: "Kamerstuk 21 501-28, nr. 280.");

        var result = Extractor.Extract(docx, "application/octet-stream", "brief");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("docx", result.Format);
        var paragraphs = result.Text.Split("\n\n");
        Assert.Equal("Geannoteerde agenda Raad Buitenlandse Zaken Defensie", paragraphs[0]);
        Assert.Contains("Onderwerp | Besluit\nMunitie | Verlenging\nDrones | Gezamenlijke aanschaf", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("1 Kamerstuk 21 501-28, nr. 280.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kst_xml_gives_header_lines_paragraphs_headings_and_footnotes_apart()
    {
        var xml = Encoding.UTF8.GetBytes(KstSample);

        var result = Extractor.Extract(xml, "application/xml", "kst-21501-28-281.xml");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("xml", result.Format);
        var paragraphs = result.Text.Split("\n\n");
        Assert.Contains("21 501-28 Defensieraad", paragraphs);
        Assert.Contains("Nr. 281 BRIEF VAN DE MINISTER VAN DEFENSIE", paragraphs);
        Assert.Contains("Steun aan Oekraïne", paragraphs);
        // The footnote is not in the running text, but listed apart at the end.
        Assert.Contains("De Raad spreekt over munitie voor Oekraïne.", paragraphs);
        Assert.Equal("1 Kamerstuk 21 501-28, nr. 280.", paragraphs[^1]);
        Assert.Contains("a. luchtverdediging;", paragraphs);
        Assert.Contains("Land | Bijdrage", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("metadata-waarde", result.Text, StringComparison.Ordinal);

        var letter = new LetterParser().Parse("kst-21501-28-281.txt", result.Text);
        Assert.Equal("21 501-28", letter.Dossier);
        Assert.Equal("281", letter.DocumentNumber);
        Assert.Equal(new DateOnly(2025, 11, 20), letter.Date);
    }

    /// <summary>
    /// A kst XML cut off mid-way (a download that stopped) fails, so the sync takes the document's own file instead; the
    /// lenient reader kept the fragment as the letter (a QA pass: one heading word for a whole letter).
    /// </summary>
    [Fact]
    public void A_cut_off_kst_xml_fails_and_one_with_an_html_entity_is_still_read()
    {
        var cutOff = KstSample[..(KstSample.IndexOf("Steun aan Oekraïne", StringComparison.Ordinal) + 5)];
        var withEntity = KstSample.Replace("Steun aan Oekraïne", "Steun&nbsp;aan Oekraïne", StringComparison.Ordinal);

        var failed = Extractor.Extract(Encoding.UTF8.GetBytes(cutOff), "application/xml", "kst-21501-28-281.xml");
        var read = Extractor.Extract(Encoding.UTF8.GetBytes(withEntity), "application/xml", "kst-21501-28-281.xml");

        Assert.False(failed.Succeeded);
        Assert.Contains("cut off", failed.Failure, StringComparison.Ordinal);
        Assert.True(read.Succeeded, read.Failure);
        Assert.Contains("De Raad spreekt over munitie voor Oekraïne.", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_drops_scripts_and_navigation_and_keeps_blocks()
    {
        const string html = "<!DOCTYPE html><html><head><title>t</title><script>var x = 1;</script></head><body>" +
            "<nav>Home | Zoeken</nav><h1>Kabinetsappreciatie</h1><p>Eerste alinea met <b>nadruk</b>.</p>" +
            "<table><tr><td>Land</td><td>Bijdrage</td></tr></table><footer>Contact</footer></body></html>";
        var result = Extractor.Extract(Encoding.UTF8.GetBytes(html), null, null);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("html", result.Format);
        Assert.Equal("Kabinetsappreciatie\n\nEerste alinea met nadruk.\n\nLand | Bijdrage", result.Text);
    }

    [Fact]
    public void Plain_text_in_utf8_and_in_windows_1252_is_read()
    {
        var utf8 = Extractor.Extract(Encoding.UTF8.GetBytes("Steun aan Oekraïne\r\n\r\n\r\nTweede alinea"), "text/plain");
        Assert.True(utf8.Succeeded);
        Assert.Equal("Steun aan Oekraïne\n\nTweede alinea", utf8.Text);

        var latin = Extractor.Extract(Encoding.Latin1.GetBytes("Steun aan Oekraïne"), null, "brief.txt");
        Assert.True(latin.Succeeded);
        Assert.Equal("Steun aan Oekraïne", latin.Text);
    }

    [Fact]
    public void Format_detection_prefers_magic_then_content_type_then_extension()
    {
        Assert.Equal("pdf", DocumentTextExtractor.DetectFormat("%PDF-1.7\n"u8, "text/plain", "a.txt"));
        Assert.Equal("xml", DocumentTextExtractor.DetectFormat("<?xml version=\"1.0\"?><kamerstuk/>"u8, "text/plain", "a.txt"));
        Assert.Equal("html", DocumentTextExtractor.DetectFormat("<!DOCTYPE html><p>x</p>"u8, "application/xml", null));
        Assert.Equal("docx", DocumentTextExtractor.DetectFormat("abc"u8, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.pdf"));
        Assert.Equal("pdf", DocumentTextExtractor.DetectFormat("abc"u8, "application/octet-stream", "a.PDF"));
        Assert.Equal("text", DocumentTextExtractor.DetectFormat("gewone tekst"u8, null, null));
        Assert.Equal("doc", DocumentTextExtractor.DetectFormat(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, null, null));
    }

    [Fact]
    public void The_committed_kst_sample_reads_as_a_letter()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Letters", "Extraction", "kst-sample.xml");
        var result = Extractor.Extract(File.ReadAllBytes(path), null, "kst-sample.xml");
        Assert.True(result.Succeeded, result.Failure);
        Assert.Contains("Nr. 281", result.Text, StringComparison.Ordinal);
    }

    /// <summary>Shaped like a kst-*.xml of officiële bekendmakingen (element names as in the op-xsd vocabulary).</summary>
    internal const string KstSample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <metadata><meta name="DC.title" content="metadata-waarde"/></metadata>
          <kamerstuk>
            <kamerstukkop><kamer nummer="2">Tweede Kamer der Staten-Generaal</kamer><zittingsjaar>Vergaderjaar 2025–2026</zittingsjaar></kamerstukkop>
            <dossier><dossiernummer><dossiernr>21 501-28</dossiernr></dossiernummer><titel>Defensieraad</titel></dossier>
            <stuk>
              <stuknr><ondernummer>281</ondernummer></stuknr>
              <titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>
              <algemeen>
                <brief>
                  <aanhef><al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al></aanhef>
                  <slotformulering><al>Den Haag, 20 november 2025</al></slotformulering>
                  <al>Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken Defensie van 1 december 2025.</al>
                  <tussenkop>Steun aan Oekraïne</tussenkop>
                  <al>De Raad spreekt over munitie voor Oekraïne.<noot id="ID-1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk 21 501-28, nr. 280.</noot.al></noot></al>
                  <lijst type="expliciet">
                    <li><li.nr>a.</li.nr><al>luchtverdediging;</al></li>
                    <li><li.nr>b.</li.nr><al>munitie.</al></li>
                  </lijst>
                  <table><tgroup cols="2"><colspec colname="c1"/><thead><row><entry><al>Land</al></entry><entry><al>Bijdrage</al></entry></row></thead>
                    <tbody><row><entry><al>Nederland</al></entry><entry><al>€ 3,5 mld</al></entry></row></tbody></tgroup></table>
                  <ondertekening><al>De Minister van Defensie,</al><al>R.P. Brekelmans</al></ondertekening>
                </brief>
              </algemeen>
            </stuk>
          </kamerstuk>
        </officiele-publicatie>
        """;
}
