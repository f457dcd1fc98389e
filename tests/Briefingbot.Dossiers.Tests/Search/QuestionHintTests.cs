using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// A "hoeveel" question asks for a number: among the passages that hold its words, one that names an amount ("4,3
/// miljard euro") ranks first, then one that counts in words ("zeven gebieden"; less, since "drie opties" may count
/// other things). "acht" is no count there: it is also "achten" (to deem).
/// </summary>
public sealed class QuestionHintTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(pageSize: 10);

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Steun",
            "De militaire steun blijft van belang, acht het kabinet.",
            "Defensie verwacht dit jaar voor ruim 4,3 miljard euro aan militaire steun te leveren, via leveringen uit eigen voorraad, aankopen bij de industrie en bijdragen aan internationale fondsen.",
            "Het Witboek noemt de gebieden voor samenwerking: luchtverdediging, munitie, drones en de bescherming van de infrastructuur in heel Europa.",
            "Het Witboek identificeert zeven gebieden die cruciaal zijn voor een robuuste Europese defensie en haar industrie op de lange termijn.",
            "De Commissie schetst drie opties voor de lening aan Oekraïne.",
            "De lening aan Oekraïne bedraagt volgens de contouren van het voorstel van de Commissie EUR 54 mld., te verstrekken via de begroting van de Unie."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("hoeveel militaire steun", "4,3 miljard euro", "De militaire steun blijft van belang")]
    [InlineData("hoeveel gebieden witboek", "zeven gebieden", "Het Witboek noemt de gebieden")]
    [InlineData("hoeveel lening oekraine", "EUR 54 mld.", "drie opties")] // an amount over a count of other things
    public async Task A_hoeveel_question_ranks_the_passage_with_an_amount_first(string query, string amount, string withoutAmount)
    {
        var asked = await _index.Search.SearchAsync(query);
        var plain = await _index.Search.SearchAsync(query["hoeveel ".Length..]);

        Assert.Contains(amount, asked.Passages[0].Passage.Text, StringComparison.Ordinal);
        Assert.Contains(withoutAmount, plain.Passages[0].Passage.Text, StringComparison.Ordinal);
    }
}
