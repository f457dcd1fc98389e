using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Dossiers.Promises.Evaluation;

/// <summary>Meeting figures of one kind: labels found with the right date, predicted meetings that are labelled.</summary>
public sealed record KindScore(MeetingKind Kind, int Labelled, int Right, int Predicted, int Correct)
{
    public double Recall => Labelled == 0 ? 1 : (double)Right / Labelled;
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

/// <summary>Figures of extraction quality against a labelled set.</summary>
public sealed record ExtractionScore(
    int PromisesLabelled, int PromisesExtracted, int PromisesMatched, int PromiseDueDatesRight,
    int MeetingsLabelled, int MeetingsFound, int MeetingDatesRight,
    IReadOnlyList<string> Misses, IReadOnlyList<string> FalsePositives)
{
    public double PromisePrecision => PromisesExtracted == 0 ? 0 : (double)PromisesMatched / PromisesExtracted;
    public double PromiseRecall => PromisesLabelled == 0 ? 0 : (double)PromisesMatched / PromisesLabelled;
    public double PromiseDueAccuracy => PromisesMatched == 0 ? 0 : (double)PromiseDueDatesRight / PromisesMatched;
    /// <summary>Labelled meetings found (same letter and kind family, overlapping the label's month).</summary>
    public double MeetingRecall => MeetingsLabelled == 0 ? 0 : (double)MeetingsFound / MeetingsLabelled;
    /// <summary>Of the found meetings, those with the right date.</summary>
    public double MeetingDateAccuracy => MeetingsFound == 0 ? 0 : (double)MeetingDatesRight / MeetingsFound;
    /// <summary>Labelled meetings found with the right date (the acceptance figure).</summary>
    public double MeetingRightDateRecall => MeetingsLabelled == 0 ? 0 : (double)MeetingDatesRight / MeetingsLabelled;

    /// <summary>Distinct meetings predicted (one per letter and key).</summary>
    public int MeetingsPredicted { get; init; }

    /// <summary>Predicted meetings that are a labelled meeting with the right date.</summary>
    public int MeetingsPredictedCorrect { get; init; }

    public double MeetingPrecision => MeetingsPredicted == 0 ? 0 : (double)MeetingsPredictedCorrect / MeetingsPredicted;

    public IReadOnlyList<KindScore> ByKind { get; init; } = [];
}

/// <summary>
/// Compares extraction with labels. A labelled promise is found when an extracted promise of the same letter contains
/// its text; extracted promises matching no label are false positives. Meetings are compared per letter, one predicted
/// meeting per key (however often it is mentioned): a label is found by a predicted meeting of the same kind family
/// (Council configurations with informal Councils, TK plenary with committee debates) whose dates overlap the label's
/// month, and has the right date when the start date equals the label's (month labels: the same year and month).
/// A predicted meeting that has the right date for no label is a false positive.
/// </summary>
public sealed partial class ExtractionEvaluator(IPromiseExtractor promises, IMeetingExtractor meetings)
{
    public ExtractionScore Evaluate(IReadOnlyList<Letter> letters, ExtractionLabels labels)
    {
        var byId = letters.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var extractedPromises = letters.SelectMany(promises.Extract).ToList();
        var misses = new List<string>();
        var matchedKeys = new HashSet<string>(StringComparer.Ordinal);
        int promiseMatched = 0, dueRight = 0;
        foreach (var label in labels.Promises)
        {
            var needle = Normalise(label.Text);
            var hit = extractedPromises.FirstOrDefault(p => p.LetterId == label.Letter && Normalise(p.Sentence).Contains(needle, StringComparison.Ordinal));
            if (hit is null)
            {
                misses.Add($"promise {label.Letter}: {label.Text}");
                continue;
            }
            promiseMatched++;
            matchedKeys.Add(hit.Key);
            if (hit.DueDate == label.Due)
            {
                dueRight++;
            }
            else
            {
                misses.Add($"due date {label.Letter}: {label.Text}: {hit.DueDate?.ToString("yyyy-MM-dd") ?? "none"} ≠ {label.Due?.ToString("yyyy-MM-dd") ?? "none"}");
            }
        }
        var falsePositives = extractedPromises.Where(p => !matchedKeys.Contains(p.Key)).Select(p => $"promise {p.LetterId}: {p.Sentence}").ToList();
        var extractedCount = extractedPromises.Count(p => byId.ContainsKey(p.LetterId));

        // One predicted meeting per letter and key, whatever the number of its mentions.
        var predicted = letters.SelectMany(meetings.Extract)
            .GroupBy(m => (m.LetterId, m.Key))
            .Select(g => g.OrderByDescending(m => m.Confidence).First())
            .ToList();
        var correct = new HashSet<ExtractedMeeting>();
        int meetingsFound = 0, datesRight = 0;
        var rightByKind = new Dictionary<MeetingKind, int>();
        foreach (var label in labels.Meetings)
        {
            var kind = label.ResolvedKind;
            var candidates = predicted.Where(m => m.LetterId == label.Letter && Family(m.Kind) == Family(kind)
                && m.StartDate <= LastOfMonth(label.End ?? label.Start) && m.EndDate >= FirstOfMonth(label.Start)).ToList();
            if (candidates.Count == 0)
            {
                misses.Add($"meeting {label.Letter}: {MeetingKinds.Id(kind)} {label.Type} {Format(label.Start, label.ResolvedPrecision)}");
                continue;
            }
            meetingsFound++;
            var right = candidates.Where(m => DateRight(m, label)).ToList();
            if (right.Count > 0)
            {
                datesRight++;
                rightByKind[kind] = rightByKind.GetValueOrDefault(kind) + 1;
                correct.UnionWith(right);
            }
            else
            {
                misses.Add($"meeting date {label.Letter}: {MeetingKinds.Id(kind)} {label.Type} {Format(label.Start, label.ResolvedPrecision)} got {string.Join(", ", candidates.Select(c => c.StartDate.ToString("yyyy-MM-dd")))}");
            }
        }
        var labelledLetters = labels.Meetings.Select(l => l.Letter).ToHashSet(StringComparer.Ordinal);
        foreach (var m in predicted.Where(m => !correct.Contains(m)))
        {
            falsePositives.Add($"meeting {m.LetterId}: {MeetingKinds.Id(m.Kind)} {m.Key} ({MeetingKinds.Id(m.Precision)}) \"{m.MentionText}\"");
        }
        var byKind = Enum.GetValues<MeetingKind>()
            .Select(k => new KindScore(k,
                labels.Meetings.Count(l => l.ResolvedKind == k), rightByKind.GetValueOrDefault(k),
                predicted.Count(m => m.Kind == k), predicted.Count(m => m.Kind == k && correct.Contains(m))))
            .Where(s => s.Labelled > 0 || s.Predicted > 0)
            .ToList();
        return new ExtractionScore(labels.Promises.Count, extractedCount, promiseMatched, dueRight,
            labels.Meetings.Count, meetingsFound, datesRight, misses, falsePositives)
        {
            MeetingsPredicted = predicted.Count,
            MeetingsPredictedCorrect = correct.Count,
            ByKind = byKind,
        };
    }

    private static bool DateRight(ExtractedMeeting m, MeetingLabel label) => label.ResolvedPrecision == DatePrecision.Month
        ? m.StartDate.Year == label.Start.Year && m.StartDate.Month == label.Start.Month
        : m.StartDate == label.Start;

    /// <summary>Kinds a labeller may reasonably swap: Council configurations and informal Councils; TK plenary and committee debates.</summary>
    private static int Family(MeetingKind kind) => kind switch
    {
        MeetingKind.InformalCouncil => (int)MeetingKind.EuCouncil,
        MeetingKind.TkCommitteeDebate => (int)MeetingKind.TkPlenaryDebate,
        _ => (int)kind,
    };

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly LastOfMonth(DateOnly d) => FirstOfMonth(d).AddMonths(1).AddDays(-1);

    private static string Format(DateOnly d, DatePrecision p) => d.ToString(p == DatePrecision.Month ? "yyyy-MM" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
