namespace Briefingbot.Tests.Chat;

/// <summary>Issue 14 item 2: "Meer zoals dit" finds related letters for every seed letter (it was empty for 4 of 5).</summary>
public sealed class SimilarOnSeedsTests(SeedIndex seeds) : IClassFixture<SeedIndex>, IDisposable
{
    private readonly ChatTestHost _host = new(seeds.Search);

    [Fact]
    public async Task Every_seed_letter_has_related_letters_and_never_itself()
    {
        var letters = await seeds.Search.ListLettersAsync();
        Assert.Equal(5, letters.Count);
        foreach (var letter in letters)
        {
            var similar = await seeds.Search.FindSimilarAsync(letter.Id);
            Assert.True(similar.Hits.Count > 0, $"nothing similar to {letter.Id}");
            Assert.DoesNotContain(similar.Hits, h => h.LetterId == letter.Id);

            var turn = await _host.SayAsync("zoals " + letter.Id);
            var text = CardAssert.AllText(turn.SingleCard());
            Assert.Contains("Brieven zoals", text);
            Assert.DoesNotContain("Niets gevonden", text);
        }
    }

    public void Dispose() => _host.Dispose();
}
