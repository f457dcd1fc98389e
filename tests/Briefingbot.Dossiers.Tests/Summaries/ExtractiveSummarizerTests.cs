using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Summaries;

namespace Briefingbot.Dossiers.Tests.Summaries;

public class ExtractiveSummarizerTests
{
    private readonly ExtractiveSummarizer _summarizer = new();

    [Theory]
    [InlineData("000", "Witboek")]
    [InlineData("001", "Witboek")]
    [InlineData("002", "Defensie")]
    [InlineData("003", "specialisatie")]
    [InlineData("004", "Raad buitenlandse zaken Defensie")]
    public void Summary_is_short_taken_from_the_letter_and_about_its_subject(string seed, string subject)
    {
        var letter = SeedCorpus.Get(seed);
        var summary = _summarizer.Summarize(letter);
        Assert.InRange(summary.Length, 40, ExtractiveSummarizer.MaxLength);
        Assert.Contains(subject, summary, StringComparison.OrdinalIgnoreCase);
        var sentences = ExtractiveSummarizer.Sentences(summary).ToList();
        Assert.InRange(sentences.Count, 1, 3);
        // Every sentence is the letter's own text (from a passage), never chrome.
        Assert.All(sentences, s => Assert.Contains(letter.Passages, p => p.Text.Contains(s, StringComparison.Ordinal)));
        Assert.DoesNotContain("↩", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("[overzicht]", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void A_question_and_answer_document_is_summarised_with_the_governments_answers(string seed)
    {
        var letter = SeedCorpus.Get(seed);
        var summary = _summarizer.Summarize(letter);
        var sentences = ExtractiveSummarizer.Sentences(summary).ToList();

        // What the document is (from the introduction), then what the government answered (from the answers).
        Assert.Contains(sentences, s => letter.Passages.Any(p => p.Answer is not null && p.Answer.Contains(s, StringComparison.Ordinal)));
        Assert.Contains(sentences, s => letter.Passages.Any(p => p.Answer is null && p.Text.Contains(s, StringComparison.Ordinal)));
        Assert.DoesNotContain(sentences, s => s.EndsWith('?'));
    }

    [Fact]
    public void Purpose_sentence_is_preferred()
    {
        const string raw = "Den Haag, 1 maart 2025\n\nEr is veel gebeurd in de wereld van de defensie het afgelopen jaar, zoals bekend bij velen.\n\nMet deze brief informeer ik uw Kamer over de voortgang van het dronesprogramma van Defensie.\n\nDe Minister van Defensie,\nR.P. Brekelmans\n";
        var letter = new LetterParser().Parse("a.txt", raw);
        Assert.Contains("Met deze brief informeer ik uw Kamer over de voortgang van het dronesprogramma", _summarizer.Summarize(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Letter_without_passages_summarises_to_its_title_or_nothing()
    {
        var empty = new LetterParser().Parse("e.txt", "");
        Assert.Equal("", _summarizer.Summarize(empty));
    }
}
