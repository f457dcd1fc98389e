using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;
using Xunit.Abstractions;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>Passage ranking over the seed letters with the production parser: answers, partial matches, sizes, offsets.</summary>
public sealed class PassageRankingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.CopySeeds();
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("PCA drones")]
    [InlineData("rode lijnen staakt het vuren")]
    [InlineData("munitie")]
    [InlineData("bevroren russische tegoeden")]
    public async Task Debug_print(string query)
    {
        var response = await _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });
        output.WriteLine($"{response.TotalPassages} passages, {response.TotalLetters} letters, full {response.FullMatches}, relax {response.Relaxation}");
        foreach (var p in response.Passages)
        {
            output.WriteLine($"#{p.Rank} {p.Role} all={p.MatchesAllTerms} {p.Score:F2} [{p.Start},{p.End}) q={p.Question?.Text[..Math.Min(60, p.Question.Text.Length)]} :: {p.Snippet.Text[..Math.Min(160, p.Snippet.Text.Length)]}");
        }
        Assert.NotEmpty(response.Passages);
    }
}
