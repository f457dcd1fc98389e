using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// "één" with its accents is the numeral, and Dutch writes the accents only where "one" is meant: "de gedachte van
/// één defensie" (one armed force) is a notion an MP looks for. Folded, it was the article "een", a stop word, so
/// "één defensie" searched "defensie" alone and showed any passage about defence. The article typed without accents
/// is still left out.
/// </summary>
public sealed class EmphaticOneTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Opbouw",
            "Het budget van Defensie groeit, en een defensie-industrie in Europa is nodig.",
            "De gedachte van één defensie blijft leidend: de legeronderdelen bouwen samen op.",
            "Dit is één van de zeven capabilities voor een sterke Europese defensie.",
            "Lessen worden niet één op één overgenomen in de defensie.",
            "De Commissie volgt de ER van 23 oktober op; er is nog geen besluit.",
            "Een van de beperkende factoren is de productiecapaciteit.",
            "Een land kan niet alles alleen."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("één defensie")]
    [InlineData("Eén Defensie")]
    [InlineData("eén defensie")]
    public async Task The_numeral_with_the_next_word_is_the_notion(string query)
    {
        var response = await _index.Search.SearchAsync(query);

        Assert.Contains("De gedachte van één defensie", response.Passages[0].Passage.Text, StringComparison.Ordinal);
        // The numeral is no word that must match (letters also write "een" where one is meant): every passage about
        // "defensie" is still a full match, the one with "één defensie" first.
        Assert.Equal(4, response.Passages.Count(p => p.MatchesAllTerms));
    }

    /// <summary>
    /// A regression pass: with the numeral required, "één van de beperkende factoren" lost its full match, since the
    /// letter writes "Een van de beperkende factoren", and "één land" showed "één op één" first.
    /// </summary>
    [Theory]
    [InlineData("één van de beperkende factoren", "Een van de beperkende factoren")]
    [InlineData("één land", "Een land kan niet alles")]
    public async Task The_numeral_where_the_letter_writes_een_still_finds_it(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query);

        Assert.Null(response.Relaxation);
        Assert.Contains(expected, response.Passages[0].Passage.Text, StringComparison.Ordinal);
    }

    /// <summary>"ER" in capitals is the European Council, not the stop word "er" (QA pass: it found nothing).</summary>
    [Fact]
    public async Task A_stop_word_in_capitals_is_an_abbreviation()
    {
        var response = await _index.Search.SearchAsync("ER");

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains("**ER**", full.Snippet.Markdown, StringComparison.Ordinal);
        Assert.Empty((await _index.Search.SearchAsync("er")).Passages);
    }

    [Fact]
    public async Task The_article_without_accents_is_still_a_stop_word()
    {
        var response = await _index.Search.SearchAsync("een defensie");

        Assert.Equal(4, response.Passages.Count(p => p.MatchesAllTerms));
    }
}
