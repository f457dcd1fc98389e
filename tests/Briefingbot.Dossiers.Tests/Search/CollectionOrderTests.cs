using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Passages are collected in document order, so equal scores resolve the same way every time: a letter ranked by its
/// best passage is shown with the earliest of its equally good passages.
/// </summary>
public sealed class CollectionOrderTests : IDisposable
{
    private readonly TestIndex _index = new(pageSize: 10);

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_letter_whose_passages_tie_is_shown_with_the_earliest()
    {
        _index.WriteLetter("havens.txt", "Titel: Brief over havens en provincies\nType: Brief regering\nDatum: 2025-04-11\nKamer: Tweede Kamer\nDossier: 30 821\nNr: 1\n\n"
            + "Eerst een inleiding over het kabinetsbeleid zonder het zoekwoord.\n\n"
            + "Havens vragen dit jaar extra aandacht van gemeenten.\n\n"
            + "Havens krijgen volgend jaar nieuwe steun uit Brussel.\n\n"
            + "Havens blijven ieder jaar vaste partners voor regios.\n");
        await _index.IngestAsync();

        var passages = await _index.Search.SearchAsync("havens", new SearchFilters { PageSize = 10 });
        // The three passages that say "havens" score the same (one each, the same length; the title, which also says
        // it, is the same letter's for every passage): a tie, broken by position. The others match by the title only.
        var best = passages.Passages.Max(p => p.Score);
        var tied = passages.Passages.Where(p => p.Score == best).ToList();
        Assert.Equal(3, tied.Count);
        Assert.All(tied, p => Assert.StartsWith("Havens", p.Passage.Text, StringComparison.Ordinal));
        var starts = tied.Select(p => p.Passage.Start).ToList();
        Assert.Equal(starts.Order(), starts);

        for (var run = 0; run < 3; run++)
        {
            var letters = await _index.Search.SearchAsync("havens", new SearchFilters { PageSize = 10, Unit = SearchUnit.Letters });
            var hit = Assert.Single(letters.Hits);
            Assert.Equal(starts[0], hit.BestPassage.Start);
            Assert.StartsWith("Havens vragen", hit.BestPassage.Text, StringComparison.Ordinal);
        }
    }
}
