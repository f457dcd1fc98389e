namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// The project's search as an <see cref="IPassageRanker"/>: the ranked passages of the first page, in ranking order
/// (a letter may contribute several), each as the raw <c>Start</c>/<c>End</c> of the window the user is shown.
/// </summary>
public sealed class LetterSearchPassageRanker(ILetterSearch search) : IPassageRanker
{
    public string Name => "project search";

    public async Task<IReadOnlyList<RankedSpan>> RankAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        var response = await search.SearchAsync(query, new SearchFilters { PageSize = k, Unit = SearchUnit.Passages }, 0, cancellationToken);
        return response.Hits
            .SelectMany(h => h.Passages.Select(p => (h.SourceFile, Passage: p)))
            .OrderBy(x => x.Passage.Rank)
            .Select(x => new RankedSpan(x.SourceFile, x.Passage.Start, x.Passage.End, x.Passage.Score))
            .Take(k)
            .ToList();
    }
}
