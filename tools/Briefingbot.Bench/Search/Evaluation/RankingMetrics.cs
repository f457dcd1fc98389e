namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>nDCG@k (gain 2^grade - 1, log2 discount) and reciprocal rank@k.</summary>
public static class RankingMetrics
{
    public static double Ndcg(IReadOnlyList<int> grades, IReadOnlyList<int> idealGrades, int k)
    {
        var ideal = Dcg(idealGrades, k);
        return ideal == 0 ? 0 : Dcg(grades, k) / ideal;
    }

    public static double ReciprocalRank(IReadOnlyList<int> grades, int k)
    {
        for (var i = 0; i < Math.Min(k, grades.Count); i++)
        {
            if (grades[i] > 0)
            {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double Dcg(IReadOnlyList<int> grades, int k)
    {
        var sum = 0.0;
        for (var i = 0; i < Math.Min(k, grades.Count); i++)
        {
            sum += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        }
        return sum;
    }
}
