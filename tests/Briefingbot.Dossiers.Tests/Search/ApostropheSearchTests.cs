using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// "EDA's" is the EDA and "R&amp;D" is research and development (QA pass): the "s" after the apostrophe and the letters
/// around the ampersand were words of their own, so "EDA's" had one full match where "EDA" had all of them, and the
/// partial matches were any passage with an "s" or a "D" ("D.S. Beljaarts", "D-SII").
/// </summary>
public sealed class ApostropheSearchTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Onderzoek",
            "Nederland hecht belang aan de rol van EDA en onderschrijft de ambities van EDA.",
            "De EDA's prioriteiten liggen bij opschaling van onderzoek.",
            "Het kabinet heeft het 3%-R&D-actieplan opgesteld.",
            "Bedrijven kunnen meer in R&D investeren.",
            "In de D-SII is de positie van de bank vastgesteld.",
            "D.S. Beljaarts",
            "R.P. Brekelmans"));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_abbreviation_typed_with_s_is_the_abbreviation()
    {
        var plain = await _index.Search.SearchAsync("EDA");
        var withS = await _index.Search.SearchAsync("EDA's");

        Assert.Equal(2, withS.Passages.Count(p => p.MatchesAllTerms));
        Assert.Equal(plain.Passages.Select(p => p.Start), withS.Passages.Select(p => p.Start));
        Assert.DoesNotContain(withS.Passages, p => p.Passage.Text.Contains("Beljaarts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_and_D_is_one_word()
    {
        var response = await _index.Search.SearchAsync("R&D");

        Assert.Equal(2, response.Passages.Count);
        Assert.All(response.Passages, p => Assert.Contains("R&D", p.Passage.Text, StringComparison.Ordinal));
        Assert.All(response.Passages, p => Assert.Contains("**R&D**", p.Snippet.Markdown, StringComparison.Ordinal));
    }
}
