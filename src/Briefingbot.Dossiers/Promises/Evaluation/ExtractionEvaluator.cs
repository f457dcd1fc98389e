using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Dossiers.Promises.Evaluation;

/// <summary>Figures of extraction quality against a labelled set.</summary>
public sealed record ExtractionScore(
    int PromisesLabelled, int PromisesExtracted, int PromisesMatched, int PromiseDueDatesRight,
    int MeetingsLabelled, int MeetingsFound, int MeetingDatesRight,
    IReadOnlyList<string> Misses, IReadOnlyList<string> FalsePositives)
{
    public double PromisePrecision => PromisesExtracted == 0 ? 0 : (double)PromisesMatched / PromisesExtracted;
    public double PromiseRecall => PromisesLabelled == 0 ? 0 : (double)PromisesMatched / PromisesLabelled;
    public double PromiseDueAccuracy => PromisesMatched == 0 ? 0 : (double)PromiseDueDatesRight / PromisesMatched;
    public double MeetingRecall => MeetingsLabelled == 0 ? 0 : (double)MeetingsFound / MeetingsLabelled;
    public double MeetingDateAccuracy => MeetingsFound == 0 ? 0 : (double)MeetingDatesRight / MeetingsFound;
}

/// <summary>
/// Compares extraction with labels. A labelled promise is found when an extracted promise of the same letter contains
/// its text; extracted promises matching no label are false positives. A labelled meeting is found when the letter has
/// an extracted mention of the same type whose mention covers the same day and month (found), and its date is right when
/// the start date equals the label's (so a wrong year counts as found with a wrong date).
/// </summary>
public sealed partial class ExtractionEvaluator(IPromiseExtractor promises, IMeetingExtractor meetings)
{
    public ExtractionScore Evaluate(IReadOnlyList<Letter> letters, ExtractionLabels labels)
    {
        var byId = letters.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var extractedPromises = letters.SelectMany(promises.Extract).ToList();
        var extractedMeetings = letters.SelectMany(meetings.Extract).ToList();
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

        int meetingsFound = 0, datesRight = 0;
        foreach (var label in labels.Meetings)
        {
            var candidates = extractedMeetings.Where(m => m.LetterId == label.Letter && m.Type == label.Type
                && m.StartDate.Month == label.Start.Month && m.StartDate.Day == label.Start.Day).ToList();
            if (candidates.Count == 0)
            {
                misses.Add($"meeting {label.Letter}: {label.Type} {label.Start:yyyy-MM-dd}");
                continue;
            }
            meetingsFound++;
            if (candidates.All(m => m.StartDate == label.Start))
            {
                datesRight++;
            }
            else
            {
                misses.Add($"meeting date {label.Letter}: {label.Type} {label.Start:yyyy-MM-dd} got {string.Join(", ", candidates.Select(c => c.StartDate.ToString("yyyy-MM-dd")))}");
            }
        }
        return new ExtractionScore(labels.Promises.Count, extractedCount, promiseMatched, dueRight,
            labels.Meetings.Count, meetingsFound, datesRight, misses, falsePositives);
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
