using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// An institution's name typed in full ("raad van state", "europese raad") is that institution: its words alone are
/// other things ("state" stems like the "Staten" of the United States, "raad" is any council), and a passage that
/// only holds them apart is a partial match, not a full one shown first.
/// </summary>
public sealed class InstitutionNameTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Wetgeving",
            "De conceptwet op de defensiegereedheid gaat in het najaar voor advies naar de Raad van State.",
            "De Raad sprak met de Verenigde Staten over de staat van de luchtverdediging.",
            "De Europese Raad van 18 december besluit over de financiering van de steun.",
            "De Raad besprak de Europese defensie-industrie en de financiering van munitie."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("raad van state", "advies naar de Raad van State")]
    [InlineData("Raad van State advies", "advies naar de Raad van State")]
    [InlineData("europese raad", "De Europese Raad van 18 december")]
    [InlineData("europese raad financiering", "De Europese Raad van 18 december")]
    public async Task The_name_typed_in_full_is_the_institution(string query, string expected)
    {
        var response = await _index.Search.SearchAsync(query);

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Contains(expected, full.Passage.Text, StringComparison.Ordinal);
        Assert.Same(full, response.Passages[0]);
    }

    [Fact]
    public async Task A_name_no_letter_writes_is_relaxed_to_its_words()
    {
        var response = await _index.Search.SearchAsync("raad van europa");

        Assert.NotNull(response.Relaxation);
        Assert.NotEmpty(response.Passages);
    }
}
