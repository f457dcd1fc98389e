namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>Runs a <see cref="IPassageRanker"/> over every query of a <see cref="PassageRelevanceSet"/> and scores it.</summary>
public static class PassageEvaluator
{
    public static async Task<SystemEvaluation> EvaluateAsync(PassageRelevanceSet set, IPassageRanker ranker, int k = PassageScorer.K, CancellationToken cancellationToken = default)
    {
        var perQuery = new List<QueryEvaluation>(set.Queries.Count);
        foreach (var query in set.Queries)
        {
            var ranked = await ranker.RankAsync(query.Query, k, cancellationToken);
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
}
