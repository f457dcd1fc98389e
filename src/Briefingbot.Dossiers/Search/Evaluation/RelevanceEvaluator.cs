namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// Scores a ranking function against a <see cref="RelevanceSet"/> at cut-off <see cref="K"/>. Systems return
/// letters with one passage each (as the chat shows them); a result's grade is that passage's judgment, and the ideal
/// ranking lists each relevant letter once with its best grade.
/// </summary>
public sealed class RelevanceEvaluator(RelevanceSet set, string corpusDirectory)
{
    public const int K = 10;

    private readonly Dictionary<string, string> _rawTexts = new(StringComparer.Ordinal);

    public async Task<EvaluationResult> EvaluateAsync(string system, Func<string, Task<IReadOnlyList<RankedPassage>>> rank)
    {
        var perQuery = new List<(string, string, double, double)>();
        foreach (var query in set.Queries)
        {
            var results = await rank(query.Query);
            var grades = results.Take(K)
                .Select(r => query.Grade(r.LetterId, r.Text, RawSlice(r)))
                .ToList();
            perQuery.Add((query.Id, query.Query, RankingMetrics.Ndcg(grades, query.IdealLetterGrades(), K), RankingMetrics.ReciprocalRank(grades, K)));
        }
        return new EvaluationResult(system, perQuery);
    }

    private string RawSlice(RankedPassage passage)
    {
        if (!_rawTexts.TryGetValue(passage.SourceFile, out var raw))
        {
            var path = Path.Combine(corpusDirectory, passage.SourceFile);
            raw = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            _rawTexts[passage.SourceFile] = raw;
        }
        return passage.Start >= 0 && passage.End <= raw.Length && passage.Start <= passage.End ? raw[passage.Start..passage.End] : string.Empty;
    }
}

/// <summary>Adapts <see cref="ILetterSearch"/> to the evaluator: the first <see cref="RelevanceEvaluator.K"/> letters with their best passage.</summary>
public static class LetterSearchRanking
{
    public static Func<string, Task<IReadOnlyList<RankedPassage>>> For(ILetterSearch search) => async query =>
    {
        var response = await search.SearchAsync(query, new SearchFilters { PageSize = RelevanceEvaluator.K, Unit = SearchUnit.Letters });
        return response.Hits
            .Select(h => new RankedPassage(h.LetterId, h.SourceFile, h.BestPassage.Start, h.BestPassage.End, h.BestPassage.Text))
            .ToList();
    };
}
