using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A question typed as in Teams ("wat vindt het kabinet van de dienstplicht", "klopt het dat …", "wanneer komt de
/// hoe-brief") is phrased with verbs the answer does not contain. They were words every full match had to hold, so the
/// passages that said "Het kabinet vindt …" came first and the one about the dienstplicht was a partial match below
/// them (QA pass). In a question the phrasing verbs are left out; outside a question the same words are searched. A
/// regression pass then kept "kabinet" (the cabinet's view is written "Het kabinet vindt …") and the verbs that are
/// often the subject ("betekent", "doet", "gaat"; a verb ending with its particle: "komt … na").
/// </summary>
public sealed class QuestionPhrasingTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Personeel",
            "Het kabinet vindt het positief dat de capabilities als prioriteit zijn benoemd.",
            "Daarom vindt het kabinet het van belang dat de percentages geen onderdeel zijn van het voorstel.",
            "Het onderzoek naar een enquête bij de dienstplichtbrief loopt; de Kamer krijgt de brief over de haalbaarheid.",
            "Komt Nederland de afspraak na? Nederland komt de afspraak na en besteedt 2% aan defensie.",
            "Wat betekent dit voor Nederland? Voor Nederland betekent dit een garantie.",
            "Nederland is een betrouwbare partner en een afspraak is een afspraak.",
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
    [InlineData("wat vindt de Kamer van de dienstplicht", "dienstplichtbrief")]
    [InlineData("Wat zegt de brief over de dienstplicht?", "dienstplichtbrief")]
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

    /// <summary>
    /// A regression pass: the verb is the question's subject where it ends with its particle ("komt … na": nakomen),
    /// and "betekent", "doet", "gaat" are too often the subject to be phrasing.
    /// </summary>
    [Theory]
    [InlineData("komt nederland de afspraak na", "Nederland komt de afspraak na")]
    [InlineData("wat betekent dit voor nederland", "Voor Nederland betekent dit")]
    public async Task A_verb_that_is_the_subject_is_searched(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query);

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains(expected, full.Passage.Text, StringComparison.Ordinal);
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
