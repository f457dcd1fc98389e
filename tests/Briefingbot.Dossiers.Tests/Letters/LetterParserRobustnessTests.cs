using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests.Letters;

public class LetterParserRobustnessTests
{
    private readonly LetterParser _parser = new();

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t ")]
    [InlineData("\0\u0001\u0002binary\0\0\u0003")]
    [InlineData("<<<<>>>>&&&&;;;; <p <div </sup")]
    [InlineData("Vraag 1\nAntwoord\nVraag 2\nVraag 3\n")]
    [InlineData("**\n**\n**Antwoord**\n**Antwoord**\n### **")]
    [InlineData("Den Haag, 31 februari 2025\n1. a) b)\n")]
    public void Odd_input_never_throws(string raw)
    {
        var letter = _parser.Parse("odd.txt", raw);
        Assert.Equal("odd", letter.Id);
        Assert.Equal(raw, letter.RawText);
        foreach (var p in letter.Passages)
        {
            Assert.InRange(p.Start, 0, raw.Length);
            Assert.InRange(p.End, p.Start + 1, raw.Length);
        }
    }

    [Fact]
    public void Random_text_never_throws_and_offsets_stay_in_range()
    {
        var random = new Random(42);
        const string alphabet = "abc XYZ.?!:\n\n  \r\n1234-–*#<>&;é↩︎[]()Vraag Antwoord Den Haag, 12 maart 2025 ";
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 2000)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }
            var raw = new string(chars);
            var letter = _parser.Parse($"r{i}.txt", raw);
            var end = 0;
            foreach (var p in letter.Passages)
            {
                Assert.True(p.Start >= end && p.End > p.Start && p.End <= raw.Length);
                end = p.End;
            }
        }
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("004")]
    public void Windows_line_endings_give_the_same_passages(string seed)
    {
        var letter = SeedCorpus.Get(seed);
        var crlf = letter.RawText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        var again = _parser.Parse(letter.SourceFile, crlf);
        Assert.Equal(letter.Passages.Select(p => p.Text), again.Passages.Select(p => p.Text));
        Assert.All(again.Passages, p => Assert.False(crlf[p.Start..p.End].EndsWith('\r')));
        Assert.Equal(letter.Date, again.Date);
    }

    [Fact]
    public void Html_letter_is_read_with_offsets_into_the_raw_markup()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Kamerbrief over drones &amp; counter-drone</title><style>p { color: red }</style></head>
            <body>
            <nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav>
            <p>Tweede Kamer der Staten-Generaal</p>
            <p>Den Haag, 3 maart 2025</p>
            <p>Het kabinet investeert in drones&nbsp;en counter-drone systemen<sup>1</sup> voor de krijgsmacht.</p>
            <p>De Kamer wordt voor de zomer ge&iuml;nformeerd over de voortgang.</p>
            <p>De Minister van Defensie,</p><p>R.P. Brekelmans</p>
            </body></html>
            """;
        var letter = _parser.Parse("brief.html", html);
        Assert.Equal("Kamerbrief over drones & counter-drone", letter.Title);
        Assert.Equal(new DateOnly(2025, 3, 3), letter.Date);
        Assert.Equal("Tweede Kamer", letter.Chamber);
        Assert.Equal(["R.P. Brekelmans, minister van Defensie"], letter.Signatories);
        Assert.Equal(2, letter.Passages.Count);
        var first = letter.Passages[0];
        Assert.Equal("Het kabinet investeert in drones en counter-drone systemen voor de krijgsmacht.", first.Text);
        Assert.Equal("Het kabinet investeert in drones&nbsp;en counter-drone systemen<sup>1</sup> voor de krijgsmacht.", html[first.Start..first.End]);
        var second = letter.Passages[1];
        Assert.Equal("De Kamer wordt voor de zomer geïnformeerd over de voortgang.", second.Text);
        Assert.Equal("De Kamer wordt voor de zomer ge&iuml;nformeerd over de voortgang.", html[second.Start..second.End]);
        Assert.DoesNotContain(letter.Passages, p => p.Text.Contains("Zoeken", StringComparison.Ordinal));
    }

    [Fact]
    public void Hard_wrapped_plain_letter_is_unwrapped_and_dated()
    {
        const string raw = "Brief regering : Voortgang drones\n21 501-28 Defensieraad\nNr. 300\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 14 november 2025\n\nHet kabinet informeert uw Kamer over de inzet op drones en de\ndefensie-\nindustrie in Europa.\n\nDe Minister van Defensie,\nR.P. Brekelmans\n";
        var letter = _parser.Parse("x.txt", raw);
        Assert.Equal("Voortgang drones", letter.Title);
        Assert.Equal("21 501-28", letter.Dossier);
        Assert.Equal("300", letter.DocumentNumber);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html", letter.SourceUrl);
        var p = Assert.Single(letter.Passages);
        Assert.Equal("Het kabinet informeert uw Kamer over de inzet op drones en de defensie-industrie in Europa.", p.Text);
    }
}
