using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Summaries;

namespace Briefingbot.Dossiers.Tests.Summaries;

public class ExtractiveSummarizerTests
{
    private readonly ExtractiveSummarizer _summarizer = new();

    [Theory]
    [InlineData("000", "Witboek")]
    // Q&A documents (001, 004) are summed up by the government's answers (issue 14 item 4), which name the
    // substance ("Europese" technology, "Oekraïne"), not the title's procedure words.
    [InlineData("001", "Europese")]
    [InlineData("002", "Defensie")]
    [InlineData("003", "specialisatie")]
    [InlineData("004", "Oekraïne")]
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

        // What the government answered (from the answers), not the members' introductions (issue 14 item 4).
        Assert.All(sentences, s => Assert.Contains(letter.Passages, p => p.Answer is not null && p.Answer.Contains(s, StringComparison.Ordinal)));
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

public class SummaryBoilerplateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly ExtractiveSummarizer _summarizer = new();

    /// <summary>Issue 14 item 4: procedural openings and committee phrasing say nothing about a letter's point.</summary>
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Summary_carries_the_point_not_procedural_openings_or_committee_phrasing(string seed)
    {
        var summary = _summarizer.Summarize(SeedCorpus.Get(seed));
        output.WriteLine(summary);
        Assert.DoesNotMatch(ExtractiveSummarizer.ProceduralPattern(), summary);
        Assert.DoesNotContain("kennisgenomen", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("de leden van de", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fractie", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sturen wij u de antwoorden", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void A_question_and_answer_summary_is_made_of_the_governments_answers(string seed)
    {
        var letter = SeedCorpus.Get(seed);
        var sentences = ExtractiveSummarizer.Sentences(_summarizer.Summarize(letter)).ToList();
        output.WriteLine(string.Join("\n", sentences));
        Assert.InRange(sentences.Count(s => letter.Passages.Any(p => p.Answer is not null && p.Answer.Contains(s, StringComparison.Ordinal))), 2, 3);
    }

    [Fact]
    public void Procedural_sentences_are_recognised_and_content_sentences_are_not()
    {
        var procedural = ExtractiveSummarizer.ProceduralPattern();
        Assert.Matches(procedural, "De leden van de D66-fractie hebben met interesse kennisgenomen van de brief.");
        Assert.Matches(procedural, "Hierbij sturen wij u de antwoorden op de vragen van de vaste commissie voor Defensie.");
        Assert.Matches(procedural, "De leden van de VVD-fractie hebben nog enkele vragen.");
        Assert.DoesNotMatch(procedural, "Met deze brief informeer ik uw Kamer over de voortgang van het dronesprogramma.");
        Assert.DoesNotMatch(procedural, "Het kabinet steunt de inzet op gezamenlijke inkoop van munitie.");
    }
}
