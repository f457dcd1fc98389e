using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Two-word phrases (a hyphenated word's parts, a quoted pair) are looked up in the word-pair fields: the same
/// letters as a positional phrase would find, and only where the words stand next to each other.
/// </summary>
public sealed class WordPairPhraseTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("apart.txt", """
            Titel: Europees programma
            Type: Brief regering
            Datum: 2025-03-05

            Het Europees Defensie Industrie Programma wordt in de Raad besproken.
            """);
        _index.WriteLetter("separate.txt", """
            Titel: Samenwerking
            Type: Brief regering
            Datum: 2025-03-06

            De defensie en de industrie werken samen aan munitie.
            """);
        _index.WriteLetter("hyphen.txt", """
            Titel: Industriebeleid
            Type: Brief regering
            Datum: 2025-03-07

            De Nederlandse defensie-industrie groeit.
            """);
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("defensie-industrie")]
    [InlineData("\"defensie industrie\"")]
    public async Task A_pair_finds_the_words_side_by_side_hyphenated_or_apart_and_nowhere_else(string query)
    {
        var response = await _index.Search.SearchAsync(query);
        Assert.Null(response.Relaxation);
        Assert.Equal(2, response.FullMatches);
        // The full matches; what follows them on the page is the partial fill (the words apart), clearly after.
        var full = response.Hits.Where(h => h.Passages.All(p => p.MatchesAllTerms)).Select(h => h.LetterId).Order();
        Assert.Equal(["apart", "hyphen"], full);
    }

    [Fact]
    public async Task The_pair_in_the_other_order_is_not_a_phrase_match()
    {
        var response = await _index.Search.SearchAsync("\"industrie defensie\"");
        // The words occur, never in this order: the answer falls back to the words, which all three letters have.
        Assert.Equal("some-terms", response.Relaxation);
        Assert.Equal(3, response.Hits.Select(h => h.LetterId).Distinct().Count());
    }
}
