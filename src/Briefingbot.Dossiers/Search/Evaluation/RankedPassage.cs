namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>One entry of a ranked answer: a letter and the passage shown for it.</summary>
public sealed record RankedPassage(string LetterId, string SourceFile, int Start, int End, string Text);

/// <summary>Per-query and mean scores of one system over a relevance set.</summary>
public sealed record EvaluationResult(string System, IReadOnlyList<(string QueryId, string Query, double Ndcg, double ReciprocalRank)> PerQuery)
{
    public double MeanNdcg => PerQuery.Count == 0 ? 0 : PerQuery.Average(q => q.Ndcg);
    public double MeanReciprocalRank => PerQuery.Count == 0 ? 0 : PerQuery.Average(q => q.ReciprocalRank);
}
