using Briefingbot.Dossiers.Search.Evaluation;

namespace Briefingbot.Dossiers.Tests.Search.Evaluation;

/// <summary>The scoring rules of issue 13 on tiny hand-computed examples.</summary>
public sealed class PassageScorerTests
{
    private const string File = "a.txt";

    // Three judged units: A [0,100) grade 2, B [200,300) grade 1, C [400,500) grade 2. Ideal grades: 2, 2, 1.
    private static readonly PassageQuery Query = new("t1", "test", "", [
        new JudgedUnit(File, 0, 100, 2, "A"),
        new JudgedUnit(File, 200, 300, 1, "B"),
        new JudgedUnit(File, 400, 500, 2, "C"),
    ]);

    private static RankedSpan Span(int start, int end, string file = File) => new(file, start, end, 1);

    [Fact]
    public void A_judged_unit_is_credited_once_however_often_it_is_overlapped()
    {
        var score = PassageScorer.Score(Query, [Span(10, 50), Span(60, 90), Span(250, 260)]);

        Assert.Equal([2, 0, 1], score.Grades);
        // DCG = 3/log2(2) + 0 + 1/log2(4) = 3.5; IDCG = 3 + 3/log2(3) + 1/log2(4) = 5.3928; nDCG = 0.6490.
        Assert.Equal(0.6490148, score.Ndcg, 6);
        Assert.Equal(1.0, score.ReciprocalRank);
        Assert.Equal(2 / 3.0, score.Recall, 10);
    }

    [Fact]
    public void A_span_over_several_units_earns_the_best_one_not_yet_credited()
    {
        // [50, 250) overlaps A (2) and B (1): the first such span takes A, the second B, the third nothing.
        var score = PassageScorer.Score(Query, [Span(50, 250), Span(50, 250), Span(50, 250)]);

        Assert.Equal([2, 1, 0], score.Grades);
    }

    [Fact]
    public void A_span_longer_than_2000_characters_earns_nothing_even_over_every_unit()
    {
        var score = PassageScorer.Score(Query, [Span(0, 2001), Span(0, 2000)]);

        Assert.Equal([0, 2], score.Grades);
        Assert.Equal(0.5, score.ReciprocalRank);
        Assert.Equal(1 / 3.0, score.Recall, 10);
    }

    [Fact]
    public void Touching_is_not_overlapping_and_other_files_never_count()
    {
        var score = PassageScorer.Score(Query, [Span(100, 200), Span(0, 100, "b.txt"), Span(300, 400), Span(499, 600)]);

        Assert.Equal([0, 0, 0, 2], score.Grades);
        Assert.Equal(0.25, score.ReciprocalRank);
    }

    [Fact]
    public void The_reciprocal_rank_is_that_of_the_first_span_earning_any_grade()
    {
        var score = PassageScorer.Score(Query, [Span(600, 700), Span(700, 800), Span(210, 220), Span(0, 10)]);

        Assert.Equal([0, 0, 1, 2], score.Grades);
        Assert.Equal(1 / 3.0, score.ReciprocalRank, 10);
    }

    [Fact]
    public void Only_the_top_ten_count()
    {
        var misses = Enumerable.Range(0, 10).Select(i => Span(1000 + 10 * i, 1005 + 10 * i));
        var score = PassageScorer.Score(Query, [.. misses, Span(0, 100)]);

        Assert.Equal(10, score.Grades.Count);
        Assert.Equal(0, score.Ndcg);
        Assert.Equal(0, score.ReciprocalRank);
        Assert.Equal(0, score.Recall);
    }

    [Fact]
    public void A_perfect_ranking_scores_one_and_an_empty_one_zero()
    {
        var perfect = PassageScorer.Score(Query, [Span(0, 100), Span(400, 500), Span(200, 300)]);
        var empty = PassageScorer.Score(Query, []);

        Assert.Equal(1.0, perfect.Ndcg, 10);
        Assert.Equal(1.0, perfect.Recall);
        Assert.Equal((0.0, 0.0, 0.0), (empty.Ndcg, empty.ReciprocalRank, empty.Recall));
    }

    [Fact]
    public void A_grade_two_unit_found_second_gives_the_textbook_ndcg()
    {
        var single = new PassageQuery("t2", "x", "", [new JudgedUnit(File, 0, 100, 2, "A")]);

        var score = PassageScorer.Score(single, [Span(500, 600), Span(0, 100)]);

        // DCG = 3/log2(3); IDCG = 3; nDCG = 1/log2(3) = 0.6309.
        Assert.Equal(0.6309298, score.Ndcg, 6);
        Assert.Equal(0.5, score.ReciprocalRank);
    }
    [Fact]
    public void The_best_order_of_a_pool_puts_its_answers_first()
    {
        // Ranked: a miss, B (1), C (2), A (2). Scored as ranked: grades 0 1 2 2. The best order: 2 2 1 = the ideal.
        var ranked = new[] { Span(600, 700), Span(210, 220), Span(410, 420), Span(10, 20) };

        var asRanked = PassageScorer.Score(Query, ranked);
        var best = PassageScorer.BestOrder(Query, ranked);

        Assert.Equal([0, 1, 2, 2], asRanked.Grades);
        Assert.Equal([2, 2, 1], best.Grades);
        Assert.Equal(1.0, best.Ndcg, 9);
        Assert.Equal(1.0, best.ReciprocalRank);
        Assert.Equal(1.0, best.Recall);
    }

    [Fact]
    public void The_best_order_moves_a_unit_to_another_span_when_that_frees_one()
    {
        // Span 1 overlaps A and C (both 2), span 2 only A. Taking A for span 1 (the first it reads) leaves span 2 with
        // nothing; the best assignment gives span 1 C and span 2 A.
        var ranked = new[] { Span(50, 450), Span(0, 10) };

        Assert.Equal([2, 0], PassageScorer.Score(Query, ranked).Grades);
        Assert.Equal([2, 2], PassageScorer.BestOrder(Query, ranked).Grades);
    }

    [Fact]
    public void The_best_order_keeps_the_rules_on_long_spans_and_the_top_ten()
    {
        var units = Enumerable.Range(0, 12).Select(i => new JudgedUnit(File, 100 * i, 100 * i + 50, i < 3 ? 2 : 1, "U" + i)).ToList();
        var many = new PassageQuery("t3", "x", "", units);
        var pool = units.Select(u => Span(u.Start, u.End)).Reverse().Append(Span(0, 2001)).ToList();

        var best = PassageScorer.BestOrder(many, pool);

        Assert.Equal(10, best.Grades.Count);
        Assert.Equal([2, 2, 2, 1, 1, 1, 1, 1, 1, 1], best.Grades);
        Assert.Equal(10 / 12.0, best.Recall, 9);
        Assert.Equal(0.0, PassageScorer.BestOrder(Query, [Span(0, 2001)]).Ndcg);
    }

    [Fact]
    public void The_best_order_is_the_best_of_every_order_of_the_pool()
    {
        var random = new Random(13);
        for (var round = 0; round < 150; round++)
        {
            var pool = Enumerable.Range(0, random.Next(1, 7)).Select(_ =>
            {
                var start = random.Next(0, 550);
                return Span(start, start + random.Next(1, 300));
            }).ToList();

            var best = PassageScorer.BestOrder(Query, pool);
            var orders = Permutations(pool).Select(order => PassageScorer.Score(Query, order)).ToList();

            // No order earns more than the best order says, and some order earns exactly that.
            Assert.True(orders.Max(o => o.Ndcg) <= best.Ndcg + 1e-12, $"round {round}");
            Assert.Equal(best.Ndcg, orders.Max(o => o.Ndcg), 9);
            Assert.Equal(best.Recall, orders.Max(o => o.Recall), 9);
        }
    }

    private static IEnumerable<List<RankedSpan>> Permutations(List<RankedSpan> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var order in Permutations(rest))
            {
                yield return [items[i], .. order];
            }
        }
    }
}
