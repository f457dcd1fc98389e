using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// The EU's defence programmes go by English names the letters keep ("ReArm Europe", "Readiness 2030"); a user
/// types the Dutch words ("herbewapening", "gereedheid"), and the other way round.
/// </summary>
public sealed class EnglishProgrammeNameTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Programma's",
            "Het ReArm Europe plan maakt leningen voor de lidstaten mogelijk.",
            "Het witboek noemt Readiness 2030 als doel voor de Unie.",
            "De marine krijgt nieuwe schepen."));
        _index.WriteLetter("b.txt", TestLetters.Text("Gereedheid",
            "De gereedheid van de krijgsmacht verbetert in 2030."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("herbewapening", "Het ReArm Europe plan")]
    [InlineData("herbewapenen lidstaten", "Het ReArm Europe plan")]
    public async Task The_dutch_word_finds_the_english_programme_name(string query, string start)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

        var first = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.StartsWith(start, first.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_name_finds_the_dutch_word_and_both_are_full_matches()
    {
        var response = await _index.Search.SearchAsync("readiness 2030", new SearchFilters { PageSize = 10 });

        var full = response.Passages.Where(p => p.MatchesAllTerms).Select(p => p.Passage.Text).ToList();
        Assert.Equal(2, full.Count);
        Assert.Contains(full, t => t.StartsWith("De gereedheid van de krijgsmacht", StringComparison.Ordinal));
    }
}
