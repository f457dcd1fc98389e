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

    /// <summary>
    /// The best score any order of <paramref name="pool"/>'s spans could earn (an upper bound for re-ranking them): each
    /// span credited with a distinct judged unit it overlaps, as many units of grade 2 as possible and then of grade 1,
    /// at most <paramref name="k"/> in all, best first. Units are taken by grade and each kept when the spans can still
    /// be matched to all taken units (augmenting paths); that greedy choice is optimal, since the sets of units that
    /// distinct spans can cover form a (transversal) matroid. The reading rule of <see cref="Score"/> (a span takes the
    /// best unit not yet credited) can earn less on some orders than this assignment; it never earns more.
    /// </summary>
    public static PassageScore BestOrder(PassageQuery query, IReadOnlyList<RankedSpan> pool, int k = K)
    {
        var spans = pool.Where(s => s.End - s.Start is > 0 and <= MaxSpanLength).ToList();
        var overlapping = query.Judged
            .Select(u => spans.Select((s, i) => (s, i)).Where(x => u.Overlaps(Path.GetFileName(x.s.SourceFile), x.s.Start, x.s.End)).Select(x => x.i).ToList())
            .ToList();
        var unitOfSpan = Enumerable.Repeat(-1, spans.Count).ToArray();
        var taken = new List<int>();
        foreach (var unit in Enumerable.Range(0, query.Judged.Count).OrderByDescending(u => query.Judged[u].Grade).ThenBy(u => u))
        {
            if (taken.Count >= k)
            {
                break;
            }
            if (Augment(unit, overlapping, unitOfSpan, new bool[spans.Count]))
            {
                taken.Add(unit);
            }
        }
        var grades = taken.Select(u => query.Judged[u].Grade).OrderDescending().ToList();
        return new PassageScore(
            RankingMetrics.Ndcg(grades, query.IdealGrades(), k),
            RankingMetrics.ReciprocalRank(grades, k),
            query.Judged.Count == 0 ? 0 : taken.Count / (double)query.Judged.Count,
            grades);
    }

    /// <summary>Finds a span for <paramref name="unit"/>, moving earlier units to other spans when needed (Kuhn).</summary>
    private static bool Augment(int unit, List<List<int>> overlapping, int[] unitOfSpan, bool[] visited)
    {
        foreach (var span in overlapping[unit])
        {
            if (visited[span])
            {
                continue;
            }
            visited[span] = true;
            if (unitOfSpan[span] < 0 || Augment(unitOfSpan[span], overlapping, unitOfSpan, visited))
            {
                unitOfSpan[span] = unit;
                return true;
            }
        }
        return false;
    }
}

/// <summary>The scores of one query's ranking, and the grade each returned span earned (0 = none), in rank order.</summary>
public sealed record PassageScore(double Ndcg, double ReciprocalRank, double Recall, IReadOnlyList<int> Grades);
