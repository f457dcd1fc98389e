using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Text copied from a PDF or a web page carries characters no reader sees inside its words: soft hyphens where a word
/// may be broken, zero-width spaces, direction marks, letters written with a combining mark. The letter reads "drones"; it was indexed as "dro nes" and found
/// by nothing a user types. A soft hyphen at a line end is where the word was broken: its halves are one word.
/// </summary>
public sealed class InvisibleCharactersInLettersTests : IAsyncLifetime
{
    private const string Raw =
        "Titel: Inzet tegen drones\nType: Brief regering\nDatum: 2025-04-11\nKamer: Tweede Kamer\nDossier: 22 112\nNr: 1\n\n"
        + "Het kabinet koopt dit jaar dro\u00ADnes voor de marine en zet de\n"
        + "counter\u200Bdrone-systemen op de ka\u200Ezernes in, zoals de\n"
        + "Kamer vroeg. De defen\u00AD\nsie-industrie levert de sensoren,\n"
        + "ook aan Oekrai\u0308ne.\n\n"
        + "Een tweede alinea gaat over iets anders: de begroting van\n"
        + "het ministerie voor volgend jaar.\n";

    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", Raw);
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void The_parsed_text_reads_the_words_as_written()
    {
        var letter = new LetterParser().Parse("a.txt", Raw);

        var passage = Assert.Single(letter.Passages, p => p.Text.Contains("marine", StringComparison.Ordinal));
        Assert.Contains("koopt dit jaar drones voor de marine", passage.Text, StringComparison.Ordinal);
        Assert.Contains("counterdrone-systemen op de kazernes in", passage.Text, StringComparison.Ordinal);
        Assert.Contains("De defensie-industrie levert", passage.Text, StringComparison.Ordinal);
        Assert.Contains("ook aan Oekra\u00EFne.", passage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(passage.Text, c => c is '\u00AD' or '\u200B' or '\u200E');
    }

    /// <summary>
    /// Where a line-end soft hyphen stands for a hyphen (an extractor that writes every line-end hyphen so): before a
    /// conjunction the words stay apart, after an abbreviation the compound keeps its hyphen (a QA pass:
    /// "defensieen veiligheidsbeleid", "EUlidstaten").
    /// </summary>
    [Fact]
    public void A_line_end_soft_hyphen_before_a_conjunction_or_after_an_abbreviation_keeps_the_words_readable()
    {
        const string raw = "Titel: Beleid\nType: Brief regering\nDatum: 2025-04-11\nKamer: Tweede Kamer\nDossier: 22 112\nNr: 1\n\n"
            + "Het kabinet werkt aan het defensie\u00AD\nen veiligheidsbeleid van de EU\u00AD\nlidstaten en aan de NAVO\u00AD\n"
            + "norm, zoals de Kamer vroeg in het debat.\n";

        var letter = new LetterParser().Parse("b.txt", raw);

        var text = Assert.Single(letter.Passages, p => p.Text.Contains("kabinet", StringComparison.Ordinal)).Text;
        Assert.Contains("het defensie- en veiligheidsbeleid van de EU-lidstaten en aan de NAVO-norm,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drones")]
    [InlineData("kazernes")]
    [InlineData("defensie-industrie")]
    [InlineData("counterdrone")]
    [InlineData("Oekraïne")]
    public async Task A_word_with_an_invisible_character_is_found_and_its_window_is_the_raw_text(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        Assert.True(response.FullMatches >= 1, $"{query}: {response.FullMatches} full matches, relaxation {response.Relaxation}");
        var first = response.Passages[0];
        Assert.Contains("marine", first.Passage.Text, StringComparison.Ordinal);
        Assert.NotEmpty(first.Snippet.Highlights);
        // The raw file at the shown window's offsets is the shown text, once the invisible characters and line
        // breaks are left out and combining marks composed.
        var shown = first.Snippet.Text;
        shown = shown.StartsWith("… ", StringComparison.Ordinal) ? shown[2..] : shown;
        shown = shown.EndsWith(" …", StringComparison.Ordinal) ? shown[..^2] : shown;
        Assert.Equal(Visible(shown), Visible(Raw[first.Start..first.End]));
    }

    private static string Visible(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && !Briefingbot.Dossiers.Text.InvisibleCharacters.IsInvisible(c)).ToArray())
            .Normalize(System.Text.NormalizationForm.FormC);
}
