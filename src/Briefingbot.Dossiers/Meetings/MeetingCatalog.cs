using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Meetings;

/// <summary>Where a meeting is mentioned: the letter, raw offsets <c>[Start, End)</c> into its file, and whether it lay ahead.</summary>
/// <param name="Relative">"upcoming" (after the letter), "past" (before it) or "unknown" (undated letter, no "a.s."/"jl.").</param>
public sealed record MeetingMention(string File, string LetterId, DateOnly? LetterDate, int Start, int End, string Text, string Relative);

/// <summary>One meeting with all its mentions, over one or more letters.</summary>
/// <param name="Name">The name as first written ("Raad buitenlandse zaken Defensie").</param>
/// <param name="Relative">"upcoming", "past" or "unknown" when every mention agrees, else "mixed" (see the mentions).</param>
public sealed record MeetingSummary(
    string Key,
    MeetingKind Kind,
    string Type,
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    DatePrecision Precision,
    string? DateSource,
    string? Location,
    string Relative,
    IReadOnlyList<MeetingMention> Mentions);

/// <summary>Groups extracted mentions into meetings: one entry per key, the most precise date winning.</summary>
public static class MeetingCatalog
{
    public static IReadOnlyList<MeetingSummary> Build(IEnumerable<Letter> letters, IMeetingExtractor extractor)
    {
        var mentions = letters.SelectMany(l => extractor.Extract(l).Select(m => (Letter: l, Meeting: m))).ToList();
        return mentions
            .GroupBy(x => x.Meeting.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var best = g.Select(x => x.Meeting).OrderBy(m => m.Precision).ThenByDescending(m => m.Confidence).First();
                var list = g.OrderBy(x => x.Letter.SourceFile, StringComparer.Ordinal).ThenBy(x => x.Meeting.Start)
                    .Select(x => new MeetingMention(x.Letter.SourceFile, x.Letter.Id, x.Letter.Date, x.Meeting.Start, x.Meeting.End,
                        x.Meeting.MentionText, RelativeOf(x.Meeting.IsAfterLetter)))
                    .ToList();
                var relatives = list.Select(m => m.Relative).Distinct(StringComparer.Ordinal).ToList();
                return new MeetingSummary(g.Key, best.Kind, best.Type, g.OrderBy(x => x.Meeting.Start).First().Meeting.Name ?? best.MentionText,
                    best.StartDate, g.Max(x => x.Meeting.EndDate), best.Precision, best.DateSource,
                    g.Select(x => x.Meeting.Location).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)),
                    relatives.Count == 1 ? relatives[0] : "mixed", list);
            })
            .OrderBy(s => s.StartDate).ThenBy(s => s.Type, StringComparer.Ordinal)
            .ToList();
    }

    public static string RelativeOf(bool? isAfterLetter) => isAfterLetter switch
    {
        true => "upcoming",
        false => "past",
        null => "unknown",
    };
}
