using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Dossiers.Tests.Promises;

public class PromiseExtractorTests
{
    private readonly PromiseExtractor _extractor = new();

    private static Letter Parse(string body, string date = "Den Haag, 3 februari 2025") =>
        new LetterParser().Parse("t.txt", $"Brief regering : Test\n{date}\n\n{body}\n\nDe Minister van Defensie,\nR.P. Brekelmans\n");

    [Fact]
    public void Begin_2026_promises_are_due_end_of_march_2026()
    {
        var promises = SeedCorpus.All.SelectMany(_extractor.Extract).Where(p => p.DeadlinePhrase == "begin 2026").ToList();
        Assert.Equal(2, promises.Count);
        Assert.All(promises, p => Assert.Equal(new DateOnly(2026, 3, 31), p.DueDate));
        Assert.Contains(promises, p => p.LetterId == "004_d88359ce39742adb" && p.Sentence.Contains("voortgangsbrief", StringComparison.Ordinal));
    }

    [Fact]
    public void Promise_offsets_point_at_the_sentence_in_the_raw_file()
    {
        foreach (var letter in SeedCorpus.All)
        {
            foreach (var p in _extractor.Extract(letter))
            {
                var raw = System.Text.RegularExpressions.Regex.Replace(letter.RawText[p.Start..p.End], @"\s+", " ");
                var firstWords = string.Join(' ', p.Sentence.Split(' ').Take(3));
                Assert.StartsWith(firstWords, raw, StringComparison.Ordinal);
                Assert.EndsWith(p.Sentence[^1..], raw, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Keys_are_stable_across_reingest_and_unique()
    {
        var letter = SeedCorpus.Get("001");
        var first = _extractor.Extract(letter).Select(p => p.Key).ToList();
        var again = _extractor.Extract(new LetterParser().Parse(letter.SourceFile, letter.RawText)).Select(p => p.Key).ToList();
        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Distinct().Count());
        // Offsets do not enter the key: the same sentence elsewhere in the file keeps its key.
        var shifted = new LetterParser().Parse(letter.SourceFile, "\n\n\n" + letter.RawText);
        Assert.Equal(first, _extractor.Extract(shifted).Select(p => p.Key).ToList());
    }

    [Theory]
    [InlineData("Uw Kamer is reeds geïnformeerd over de inzet.")]
    [InlineData("De Commissie zal voor de zomer een voorstel presenteren.")]
    [InlineData("De Europese Commissie zal uw Kamer informeren.")]
    [InlineData("Het kabinet heeft het actieplan opgesteld en gedeeld met uw Kamer.")]
    [InlineData("Het kabinet steunt de ambitie van de Commissie.")]
    [InlineData("De leden ontvangen de reactie graag binnen vier weken.")]
    // The letter itself, as nearly every letter opens (a QA pass on synced letters).
    [InlineData("Hierbij informeer ik uw Kamer over de voortgang van het onderhoud aan de fregatten.")]
    [InlineData("Geachte voorzitter, Met deze brief informeer ik uw Kamer over de stand van zaken.")]
    public void Non_promises_are_not_extracted(string sentence)
    {
        Assert.Empty(_extractor.Extract(Parse(sentence)));
    }

    [Theory]
    [InlineData("Het kabinet informeert uw Kamer voor de zomer over de uitkomsten.", "2025-07-01")]
    [InlineData("Hierover zal uw Kamer separaat worden geïnformeerd.", null)]
    [InlineData("U ontvangt binnen vier weken de kabinetsreactie.", null)]
    [InlineData("Ik zal uw Kamer in het najaar informeren over de voortgang.", "2025-12-01")]
    [InlineData("Met deze brief informeer ik uw Kamer over de eerste resultaten; de rest zal ik uw Kamer in het najaar sturen.", "2025-12-01")]
    public void Commitments_to_parliament_are_promises(string sentence, string? due)
    {
        var p = Assert.Single(_extractor.Extract(Parse(sentence)));
        Assert.Equal(sentence, p.Sentence);
        if (due is not null)
        {
            Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), p.DueDate);
        }
        Assert.InRange(p.Confidence, 0.5, 1.0);
        Assert.NotNull(p.Actor);
    }

    [Fact]
    public void Members_questions_in_qa_passages_are_not_read()
    {
        // Vraag 46 quotes the agenda ("De Kamer wordt tijdens de RBZ Defensie geïnformeerd"): a question, not a promise.
        var promises = _extractor.Extract(SeedCorpus.Get("004"));
        Assert.DoesNotContain(promises, p => p.Sentence.Contains("tijdens de RBZ Defensie geïnformeerd", StringComparison.Ordinal));
    }
}
