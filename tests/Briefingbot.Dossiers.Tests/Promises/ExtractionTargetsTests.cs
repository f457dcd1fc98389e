using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Promises.Evaluation;

namespace Briefingbot.Dossiers.Tests.Promises;

public class ExtractionTargetsTests
{
    [Fact]
    public void Labelled_set_meets_the_extraction_targets()
    {
        var labels = ExtractionLabels.Load(Path.Combine(SeedCorpus.RepoRoot, "tests", "data", "extraction", "labels.json"));
        var score = new ExtractionEvaluator(new PromiseExtractor(), new MeetingExtractor()).Evaluate(SeedCorpus.All.ToList(), labels);
        var report = string.Join("\n", score.Misses.Concat(score.FalsePositives));
        Assert.True(score.PromiseRecall >= 0.85, $"promise recall {score.PromiseRecall:F2}\n{report}");
        Assert.True(score.PromisePrecision >= 0.80, $"promise precision {score.PromisePrecision:F2}\n{report}");
        Assert.True(score.MeetingRecall >= 0.90, $"meeting recall {score.MeetingRecall:F2}\n{report}");
        Assert.True(score.MeetingDateAccuracy >= 0.90, $"meeting dates {score.MeetingDateAccuracy:F2}\n{report}");
        Assert.True(score.PromisesLabelled >= 15 && score.MeetingsLabelled >= 10);
    }
}
