namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// The project's search as an <see cref="IPassageRanker"/>. Today the search answers letters with one best passage
/// each, so the ranking is those passages in letter order, with their raw <c>Start</c>/<c>End</c> (at most one per
/// letter). When the search returns a ranked list of passages (issue 13), map that list here instead; nothing else in
/// the evaluation changes.
/// </summary>
public sealed class LetterSearchPassageRanker(ILetterSearch search) : IPassageRanker
{
    public string Name => "project search";

    public async Task<IReadOnlyList<RankedSpan>> RankAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        var response = await search.SearchAsync(query, new SearchFilters { PageSize = k }, 0, cancellationToken);
        return response.Hits
            .Select(h => new RankedSpan(h.SourceFile, h.BestPassage.Start, h.BestPassage.End, h.Score))
            .Take(k)
            .ToList();
    }
}
