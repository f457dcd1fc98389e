using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A four-letter word the letters do not use: two letters swapped is a typo ("naov"), and so is another edit that
/// leads to one known word alone ("nevo": only "navo"); a word one edit from several known words is another word
/// ("tank": "taak", "taken", "task"), which was shown as a full match of "taken".
/// </summary>
public sealed class ShortWordTypoTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Taken",
            "De taak van de krijgsmacht groeit met de dreiging aan de oostgrens.",
            "De taken worden verdeeld tussen de lidstaten van de Unie.",
            "De task force komt volgende week bijeen in Brussel.",
            "De NAVO versterkt de oostflank met meer troepen en materieel."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("naov")]
    [InlineData("nevo")]
    public async Task A_short_typo_with_one_known_neighbour_is_corrected(string query)
    {
        var response = await _index.Search.SearchAsync(query);

        Assert.Contains("De NAVO versterkt de oostflank", response.Passages[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_word_near_several_known_words_is_not_rewritten()
    {
        var response = await _index.Search.SearchAsync("tank");

        Assert.Empty(response.Passages);
    }
}
