using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Extraction;

namespace Briefingbot.Dossiers.Tests.Letters.Extraction;

public sealed class FrontMatterParsingTests
{
    private static readonly KnownLetterMetadata Known = new(
        ExternalId: "3f1c9e2a-0000-4000-8000-000000000281",
        Title: "Geannoteerde agenda Raad Buitenlandse Zaken Defensie van 1 december 2025",
        Type: "Brief regering",
        Date: new DateOnly(2025, 11, 20),
        Dossier: "21 501-28",
        Number: "281",
        DocumentNumber: "2025D51234",
        Url: "https://zoek.officielebekendmakingen.nl/kst-21501-28-281.html",
        Source: "tweedekamer");

    public static TheoryData<string> Seeds => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_with_front_matter_has_the_same_passages_shifted_and_the_stated_metadata(string seed)
    {
        var plain = SeedCorpus.Get(seed);
        var raw = LetterFrontMatter.Compose(Known, plain.RawText);
        Assert.True(LetterFrontMatter.TryParse(raw, out _, out var bodyStart));

        var letter = new LetterParser().Parse(plain.SourceFile, raw);

        // The front matter is no passage: the body's passages, each with offsets into the full raw text.
        Assert.Equal(plain.Passages.Count, letter.Passages.Count);
        for (var i = 0; i < plain.Passages.Count; i++)
        {
            Assert.Equal(plain.Passages[i].Text, letter.Passages[i].Text);
            Assert.Equal(plain.Passages[i].Start + bodyStart, letter.Passages[i].Start);
            Assert.Equal(plain.Passages[i].End + bodyStart, letter.Passages[i].End);
            Assert.Equal(plain.RawText[plain.Passages[i].Start..plain.Passages[i].End], letter.RawText[letter.Passages[i].Start..letter.Passages[i].End]);
        }
        Assert.DoesNotContain(letter.Passages, p => p.Text.Contains("externalId", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("2025D51234", StringComparison.Ordinal));
        Assert.Equal(raw, letter.RawText);

        // The source's metadata beats the parser's guesses.
        Assert.Equal(Known.Title, letter.Title);
        Assert.Equal("Brief regering", letter.DocumentType);
        Assert.Equal(Known.Date, letter.Date);
        Assert.Equal(Known.Date, letter.Dates[^1]);
        Assert.Equal("21 501-28", letter.Dossier);
        Assert.Equal("281", letter.DocumentNumber);
        Assert.Equal("2025D51234", letter.ExternalId);
        Assert.Equal(Known.Url, letter.SourceUrl);
        // What the front matter does not state is still read from the text.
        Assert.Equal(plain.Signatories, letter.Signatories);
        Assert.Equal(plain.Chamber, letter.Chamber);
    }

    [Fact]
    public void Partial_front_matter_keeps_the_parsed_values_it_does_not_state()
    {
        var plain = SeedCorpus.All.First(l => l.Title is not null && l.Date is not null);
        var raw = LetterFrontMatter.Compose(new KnownLetterMetadata(Source: "tweedekamer", Url: "https://example.org/brief"), plain.RawText);

        var letter = new LetterParser().Parse(plain.SourceFile, raw);

        Assert.Equal(plain.Title, letter.Title);
        Assert.Equal(plain.Date, letter.Date);
        Assert.Equal(plain.Dossier, letter.Dossier);
        Assert.Equal("https://example.org/brief", letter.SourceUrl);
    }

    [Fact]
    public void A_stated_dossier_and_number_without_url_give_the_official_url()
    {
        var raw = LetterFrontMatter.Compose(new KnownLetterMetadata(Dossier: "36 410 X", Number: "12"), "Eerste alinea van de brief.\n\nTweede alinea.");
        var letter = new LetterParser().Parse("x.txt", raw);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-36410-X-12.html", letter.SourceUrl);
        Assert.Equal(2, letter.Passages.Count);
    }

    [Fact]
    public void Text_that_only_looks_like_front_matter_is_parsed_as_a_plain_letter()
    {
        const string raw = "---\nDit is geen sleutel zonder dubbele punt\n---\nTekst van de brief.";
        var letter = new LetterParser().Parse("x.txt", raw);
        Assert.Contains(letter.Passages, p => p.Text.Contains("Tekst van de brief", StringComparison.Ordinal));
        Assert.Null(letter.SourceUrl);
    }

    [Fact]
    public void Html_body_after_front_matter_keeps_offsets_into_the_raw_text()
    {
        const string html = "<html><body><h1>Kop</h1><p>Eerste alinea over munitie voor Oekraïne.</p><p>Tweede alinea over drones.</p></body></html>";
        var raw = LetterFrontMatter.Compose(new KnownLetterMetadata(Title: "Brief"), html);
        var letter = new LetterParser().Parse("x.html", raw);
        var passage = Assert.Single(letter.Passages, p => p.Text.Contains("munitie", StringComparison.Ordinal));
        Assert.Contains("munitie voor Oekraïne", raw[passage.Start..passage.End], StringComparison.Ordinal);
        Assert.Equal("Brief", letter.Title);
    }

    /// <summary>A synced letter whose source gave no title was shown as "Geachte voorzitter" (a QA pass).</summary>
    [Fact]
    public void A_letter_without_a_stated_title_is_not_named_after_its_salutation()
    {
        const string body = "Geachte voorzitter,\n\nHierbij informeer ik uw Kamer over de levering van munitie aan Oekraïne.\n\nHoogachtend,";
        var raw = LetterFrontMatter.Compose(new KnownLetterMetadata(Type: "Brief regering", Dossier: "21 501-28", Number: "2103"), body);
        var bare = LetterFrontMatter.Compose(new KnownLetterMetadata(Url: "https://example.org/brief"), body);

        var letter = new LetterParser().Parse("2025D1.txt", raw);
        var unknown = new LetterParser().Parse("2025D2.txt", bare);

        Assert.Equal("Brief regering 21 501-28, nr. 2103", letter.Title);
        Assert.True(letter.TitleIsDescription); // shown, not searched as a title
        Assert.Null(unknown.Title);
        Assert.Contains(letter.Passages, p => p.Text.Contains("munitie aan Oekraïne", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("21501-28", "21 501-28")]
    [InlineData("21 501-28", "21 501-28")]
    [InlineData("36410 X", "36 410 X")]
    [InlineData("28676", "28 676")]
    [InlineData("123", "123")]
    [InlineData("1234-5", "1234-5")]
    public void A_stated_dossier_is_written_as_letters_write_it(string stated, string shown)
    {
        var raw = LetterFrontMatter.Compose(new KnownLetterMetadata(Dossier: stated, Number: "7"), "Eerste alinea van de brief.");

        var letter = new LetterParser().Parse("x.txt", raw);

        Assert.Equal(shown, letter.Dossier);
    }
}
