using Briefingbot.Registers.Promises;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Meetings;

/// <summary>A letter about a meeting.</summary>
/// <param name="Preparing">True: dated before the meeting, or undated with this meeting in its title (it prepares it);
/// false: the letter has no date and names another meeting or none, so it only mentions it.</param>
public sealed record MeetingLetter(LetterRef Letter, bool Preparing)
{
    /// <summary>
    /// Whether a letter prepares the meeting rather than only mentioning it. A letter whose title names a meeting
    /// prepares that one and only mentions the others (the RBZ Defensie agenda prepares the RBZ Defensie and mentions
    /// the Ecofin "a.s."; a visual review); another letter prepares the meetings it mentions as upcoming. One rule for
    /// the meetings view, the calendar feed and the briefing.
    /// </summary>
    public static bool Prepares(IEnumerable<bool?> isAfterLetter, DateOnly? letterMeetingDate, DateOnly start, DateOnly end) =>
        letterMeetingDate is { } own ? own >= start && own <= end : isAfterLetter.Any(a => a == true);
}

/// <summary>A meeting with the letters that prepare it and the open promises made in those letters.</summary>
/// <param name="Letters">Letters dated before the meeting that mention it, then undated letters that mention it; never letters reporting on it afterwards.</param>
public sealed record MeetingItem(MeetingRecord Meeting, IReadOnlyList<MeetingLetter> Letters, IReadOnlyList<PromiseItem> OpenPromises)
{
    /// <summary>
    /// Letters dated after the meeting that mention it (they report on it), for the meetings view only: a past meeting
    /// known only from such letters showed no source at all (a QA pass: "Europese Raad 23 oktober 2025" with no line).
    /// </summary>
    public IReadOnlyList<LetterRef> ReportedIn { get; init; } = [];
}

/// <summary>
/// The meeting register for a period, as it stands today or stood on a given day. Also used by the weekly briefing.
/// </summary>
public sealed class MeetingQueries(IMeetingRegister register, PromiseQueries promises)
{
    /// <param name="from">First day of the period (inclusive): meetings still running on it count.</param>
    /// <param name="to">Last day of the period (inclusive).</param>
    /// <param name="today">The day the view is for (today, or the <c>--per</c> date): sets which promises are open.</param>
    /// <param name="historical">
    /// True for a <c>--per</c> view: letters from after <paramref name="today"/> are not yet known, so they are left out
    /// as sources, and a meeting known only from such letters is left out too; meetings stand as they stood that day
    /// (<see cref="MeetingKnowledge"/>).
    /// </param>
    public async Task<IReadOnlyList<MeetingItem>> ListAsync(DateOnly from, DateOnly to, DateOnly today, bool historical, LetterRefs letters, CancellationToken cancellationToken)
    {
        var meetings = (await register.ListAsync(from, to, includeCancelled: historical, cancellationToken))
            .Where(m => (historical ? MeetingKnowledge.OnTheBooks(m, today) : !m.Cancelled) && m.EndDate >= from && m.StartDate <= to)
            .OrderBy(m => m.StartDate).ThenBy(m => m.Type, StringComparer.Ordinal)
            .ToList();
        var openPromises = await promises.ListAsync(today, historical, PromiseFilter.Open, null, cancellationToken);
        var writtenAfter = historical ? await MeetingKnowledge.LettersWrittenAfterAsync(register, today, cancellationToken) : new HashSet<string>();
        var listed = new List<(MeetingRecord Meeting, List<MeetingLetter> Related, Dictionary<string, int> FirstMention, List<LetterRef> ReportedIn)>();
        foreach (var meeting in meetings)
        {
            var sources = await register.SourcesAsync(meeting.Id, cancellationToken);
            var known = new List<(MeetingSource Source, LetterRef Letter)>();
            foreach (var source in sources)
            {
                var letter = await letters.GetAsync(source.LetterId, cancellationToken);
                if (!historical || MeetingKnowledge.LetterKnownOn(letter.Id, letter.Date, today, writtenAfter))
                {
                    known.Add((source, letter));
                }
            }
            if (historical && meeting.Origin == MeetingOrigin.Extracted && sources.Count > 0 && known.Count == 0)
            {
                continue;
            }
            // IsAfterLetter is null when the letter has no date: such a letter (a committee's questions on the
            // annotated agenda, say) still belongs with the meeting; letters that report afterwards do not. Whether it
            // prepares the meeting or only mentions it: <see cref="MeetingLetter.Prepares"/>.
            var related = known.Where(k => k.Source.IsAfterLetter != false)
                .GroupBy(k => k.Letter.Id)
                .Select(g => new MeetingLetter(g.First().Letter, MeetingLetter.Prepares(g.Select(k => k.Source.IsAfterLetter), g.First().Letter.MeetingDate, meeting.StartDate, meeting.EndDate)))
                .OrderByDescending(l => l.Preparing).ThenBy(l => l.Letter.Date ?? DateOnly.MaxValue)
                .ToList();
            var firstMention = known.Where(k => k.Source.IsAfterLetter != false)
                .GroupBy(k => k.Letter.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Min(k => k.Source.Start), StringComparer.Ordinal);
            var reportedIn = known.Where(k => k.Source.IsAfterLetter == false && related.All(r => r.Letter.Id != k.Letter.Id))
                .Select(k => k.Letter).DistinctBy(l => l.Id).OrderBy(l => l.Date ?? DateOnly.MaxValue).ToList();
            listed.Add((meeting, related, firstMention, reportedIn));
        }

        // A letter's open promises are listed once, under the meeting that letter is about: the one it names first
        // (an annotated agenda opens with its Council), not again under every other meeting it mentions (issue 14, item 10).
        var home = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var letterId in listed.SelectMany(x => x.FirstMention.Keys).Distinct(StringComparer.Ordinal))
        {
            home[letterId] = listed.Where(x => x.FirstMention.ContainsKey(letterId))
                .OrderBy(x => x.FirstMention[letterId]).ThenBy(x => x.Meeting.StartDate).First().Meeting.Id;
        }
        return listed.Select(x => new MeetingItem(x.Meeting, x.Related,
                openPromises.Where(p => home.TryGetValue(p.Promise.LetterId, out var id) && id == x.Meeting.Id).ToList()) { ReportedIn = x.ReportedIn })
            .ToList();
    }

    /// <summary>What the register holds now (not cancelled): for the note on an empty period.</summary>
    /// <param name="periodEnd">The last day of the period asked for: the first meeting after it is named too.</param>
    public async Task<MeetingCoverage> CoverageAsync(CancellationToken cancellationToken, DateOnly? periodEnd = null)
    {
        var all = await register.ListAsync(null, null, includeCancelled: false, cancellationToken);
        var after = periodEnd is { } end ? all.Where(m => m.StartDate > end).Select(m => (DateOnly?)m.StartDate).Min() : null;
        return all.Count == 0 ? MeetingCoverage.Empty
            : new MeetingCoverage(all.Count, all.Min(m => m.StartDate), all.Max(m => m.EndDate)) { NextAfterPeriod = after };
    }
}
