using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A question typed as in Teams ("wat vindt het kabinet van de dienstplicht", "klopt het dat …", "wanneer komt de
/// hoe-brief") is phrased with verbs the answer does not contain. They were words every full match had to hold, so the
/// passages that said "Het kabinet vindt …" came first and the one about the dienstplicht was a partial match below
/// them (QA pass). In a question the phrasing verbs are left out, and so is the government as the subject of an
/// opinion; outside a question the same words are searched.
/// </summary>
public sealed class QuestionPhrasingTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Personeel",
            "Het kabinet vindt het positief dat de capabilities als prioriteit zijn benoemd.",
            "Daarom vindt het kabinet het van belang dat de percentages geen onderdeel zijn van het voorstel.",
            "Het onderzoek naar een enquête bij de dienstplichtbrief loopt; de haalbaarheid wordt bezien.",
            "Hoe dit er concreet uitziet, wordt nader toegelicht in de zogeheten hoe-brief die uw Kamer in het voorjaar toekomt.",
            "De brief over de begroting komt in het najaar."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("wat vindt het kabinet van de dienstplicht", "dienstplichtbrief")]
    [InlineData("Wat zegt de regering over de dienstplicht?", "dienstplichtbrief")]
    [InlineData("wanneer komt de hoe-brief", "hoe-brief")]
    [InlineData("klopt het dat er een hoe-brief komt", "hoe-brief")]
    public async Task The_phrasing_of_a_question_is_left_out(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query);

        Assert.True(response.Passages[0].MatchesAllTerms);
        Assert.Contains(expected, response.Passages[0].Passage.Text, StringComparison.Ordinal);
        // No passage is a full match for the phrasing alone.
        Assert.DoesNotContain(response.Passages, p => p.MatchesAllTerms && !p.Passage.Text.Contains(expected.Split('-')[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_a_question_the_same_words_are_searched()
    {
        var response = await _index.Search.SearchAsync("kabinet vindt");

        Assert.Equal(2, response.Passages.Count(p => p.MatchesAllTerms));
        Assert.All(response.Passages.Where(p => p.MatchesAllTerms), p => Assert.Contains("vindt", p.Passage.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_of_only_its_phrasing_keeps_its_words()
    {
        var response = await _index.Search.SearchAsync("wat vindt het kabinet");

        Assert.Equal(2, response.Passages.Count(p => p.MatchesAllTerms));
    }
}
