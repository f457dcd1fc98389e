namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// Scores one ranked list of spans against a judged query (issue 13): down the top <c>k</c>, a span earns the grade of
/// a judged unit it overlaps that has not been credited yet (the best one if it overlaps several), each unit is
/// credited at most once, and a span longer than <see cref="MaxSpanLength"/> characters earns nothing. nDCG@k uses
/// gain 2^grade - 1 and the ideal ranking of all judged units by grade; the reciprocal rank is that of the first span
/// earning any grade; recall is the share of judged units credited.
/// </summary>
public static class PassageScorer
{
    public const int K = 10;

    /// <summary>Longer spans are not an answer a user reads (a whole letter, a 4,000-character Q&amp;A block).</summary>
    public const int MaxSpanLength = 2000;

    public static PassageScore Score(PassageQuery query, IReadOnlyList<RankedSpan> ranked, int k = K)
    {
        var credited = new bool[query.Judged.Count];
        var grades = new List<int>();
        foreach (var span in ranked.Take(k))
        {
            var best = -1;
            if (span.End - span.Start is > 0 and <= MaxSpanLength)
            {
                var file = Path.GetFileName(span.SourceFile);
                for (var i = 0; i < query.Judged.Count; i++)
                {
                    if (!credited[i] && query.Judged[i].Overlaps(file, span.Start, span.End) && (best < 0 || query.Judged[i].Grade > query.Judged[best].Grade))
                    {
                        best = i;
                    }
                }
            }
            if (best >= 0)
            {
                credited[best] = true;
            }
            grades.Add(best >= 0 ? query.Judged[best].Grade : 0);
        }
        var recall = query.Judged.Count == 0 ? 0 : credited.Count(c => c) / (double)query.Judged.Count;
        return new PassageScore(
            RankingMetrics.Ndcg(grades, query.IdealGrades(), k),
            RankingMetrics.ReciprocalRank(grades, k),
            recall,
            grades);
    }
}

/// <summary>The scores of one query's ranking, and the grade each returned span earned (0 = none), in rank order.</summary>
public sealed record PassageScore(double Ndcg, double ReciprocalRank, double Recall, IReadOnlyList<int> Grades);
