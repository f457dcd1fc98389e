namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>Runs a <see cref="IPassageRanker"/> over every query of a <see cref="PassageRelevanceSet"/> and scores it.</summary>
public static class PassageEvaluator
{
    /// <param name="depth">How many passages to ask for (at least <paramref name="k"/>); the first <paramref name="k"/> are
    /// scored, the rest kept in <see cref="QueryEvaluation.Ranked"/> for <see cref="SystemEvaluation.Ceiling"/>.</param>
    public static async Task<SystemEvaluation> EvaluateAsync(PassageRelevanceSet set, IPassageRanker ranker, int k = PassageScorer.K, int depth = 0, CancellationToken cancellationToken = default)
    {
        var perQuery = new List<QueryEvaluation>(set.Queries.Count);
        foreach (var query in set.Queries)
        {
            var ranked = await ranker.RankAsync(query.Query, Math.Max(k, depth), cancellationToken);
            perQuery.Add(new QueryEvaluation(query, ranked, PassageScorer.Score(query, ranked, k)));
        }
        return new SystemEvaluation(ranker.Name, perQuery);
    }
}

/// <summary>One query's ranking and its scores.</summary>
public sealed record QueryEvaluation(PassageQuery Query, IReadOnlyList<RankedSpan> Ranked, PassageScore Score);

/// <summary>A system's scores per query and averaged over queries (each query weighs the same).</summary>
public sealed record SystemEvaluation(string System, IReadOnlyList<QueryEvaluation> PerQuery)
{
    public double MeanNdcg => PerQuery.Count == 0 ? 0 : PerQuery.Average(q => q.Score.Ndcg);

    public double MeanReciprocalRank => PerQuery.Count == 0 ? 0 : PerQuery.Average(q => q.Score.ReciprocalRank);

    public double MeanRecall => PerQuery.Count == 0 ? 0 : PerQuery.Average(q => q.Score.Recall);

    /// <summary>
    /// What re-ranking could reach at most: the mean scores of the best order of each query's first
    /// <paramref name="depth"/> passages (<see cref="PassageScorer.BestOrder"/>), top <see cref="PassageScorer.K"/>.
    /// </summary>
    public (double Ndcg, double ReciprocalRank, double Recall) Ceiling(int depth)
    {
        var best = PerQuery.Select(q => PassageScorer.BestOrder(q.Query, q.Ranked.Take(depth).ToList())).ToList();
        return best.Count == 0 ? (0, 0, 0) : (best.Average(b => b.Ndcg), best.Average(b => b.ReciprocalRank), best.Average(b => b.Recall));
    }
}
