using Briefingbot.Briefings.Scheduling;
using Briefingbot.Dossiers.Search;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Composition;

/// <summary>
/// Builds one subscription's briefing as of a moment from the registers (meetings, promises) and the search index
/// (letters matching the channel's topics). Pure reading: composing never changes stored data, so a preview and a
/// scheduled send produce the same briefing for the same moment.
/// </summary>
public sealed class BriefingComposer(
    IMeetingRegister meetings,
    IPromiseRegister promises,
    ITopicStore topics,
    ILetterSearch search,
    IOptions<BriefingOptions> options)
{
    private const int MaxLettersPerTopic = 500;
    private readonly BriefingOptions _options = options.Value;

    /// <param name="subscription">Whose briefing (topics, time zone).</param>
    /// <param name="asOf">The moment the briefing is for.</param>
    /// <param name="newLettersSince">Letters ingested after this count as new (the previous briefing's time).</param>
    public async Task<Briefing> ComposeAsync(Subscription subscription, DateTimeOffset asOf, DateTimeOffset newLettersSince, CancellationToken ct)
    {
        var zone = BriefingSchedule.ResolveTimeZone(subscription.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, zone).DateTime);
        var letters = new LetterCache(search);

        var topicQueries = await ResolveTopicsAsync(subscription, ct);
        // Letters on the channel's topics, with which topics matched: null = no topic filter at all.
        Dictionary<string, List<string>>? topicLetters = topicQueries is null ? null : await LettersOnTopicsAsync(topicQueries, null, ct);

        var (soon, later) = await ComposeMeetingsAsync(today, letters, ct);
        var (openPromises, laterPromises) = await ComposePromisesAsync(asOf, today, topicLetters, letters, ct);
        var (newLetters, more) = await ComposeNewLettersAsync(topicQueries, newLettersSince, letters, ct);

        return new Briefing(
            asOf, today,
            topicQueries?.Select(t => t.Name).ToList() ?? [],
            newLettersSince, soon, later, openPromises, newLetters, more, laterPromises);
    }

    /// <summary>The subscription's topics (all topics when it names none); null when no topics exist at all (no filter).</summary>
    private async Task<IReadOnlyList<Topic>?> ResolveTopicsAsync(Subscription subscription, CancellationToken ct)
    {
        var all = await topics.ListAsync(ct);
        if (subscription.Topics.Count == 0)
        {
            return all.Count == 0 ? null : all;
        }
        var wanted = new HashSet<string>(subscription.Topics, StringComparer.OrdinalIgnoreCase);
        // A topic deleted after subscribing simply no longer filters; the rest still do.
        var chosen = all.Where(t => wanted.Contains(t.Name)).ToList();
        return chosen.Count == 0 ? null : chosen;
    }

    private async Task<Dictionary<string, List<string>>> LettersOnTopicsAsync(IReadOnlyList<Topic> topicList, DateTimeOffset? ingestedAfter, CancellationToken ct)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var topic in topicList)
        {
            var response = await search.SearchAsync(topic.Query, new SearchFilters { IngestedAfter = ingestedAfter, PageSize = MaxLettersPerTopic }, 0, ct);
            // A relaxed answer ("some terms", "fuzzy") is a guess for a person typing, not a saved filter.
            if (response.Relaxation is not null)
            {
                continue;
            }
            foreach (var hit in response.Hits)
            {
                if (!result.TryGetValue(hit.LetterId, out var names))
                {
                    result[hit.LetterId] = names = [];
                }
                names.Add(topic.Name);
            }
        }
        return result;
    }

    private async Task<(List<BriefingMeeting> Soon, List<BriefingMeeting> Later)> ComposeMeetingsAsync(DateOnly today, LetterCache letters, CancellationToken ct)
    {
        var horizon = today.AddDays(_options.MeetingHorizonDays);
        var laterHorizon = today.AddDays(_options.LaterMeetingHorizonDays);
        var rows = await meetings.ListAsync(today, laterHorizon, includeCancelled: false, ct);
        var soon = new List<BriefingMeeting>();
        var later = new List<BriefingMeeting>();
        foreach (var m in rows.Where(m => m.EndDate >= today).OrderBy(m => m.StartDate).ThenBy(m => m.Type, StringComparer.Ordinal))
        {
            var daysAhead = m.StartDate.DayNumber - today.DayNumber;
            if (m.StartDate <= horizon)
            {
                var sources = await meetings.SourcesAsync(m.Id, ct);
                var preparing = new List<BriefingLetterLink>();
                // Letters written before the meeting prepare it (geannoteerde agenda); undated ones may, so keep them.
                foreach (var letterId in sources.Where(s => s.IsAfterLetter != false).Select(s => s.LetterId).Distinct(StringComparer.Ordinal))
                {
                    preparing.Add(await letters.LinkAsync(letterId, ct));
                }
                soon.Add(new BriefingMeeting(m.Id, m.Type, m.StartDate, m.EndDate, m.Location, m.Title, daysAhead, preparing));
            }
            else
            {
                later.Add(new BriefingMeeting(m.Id, m.Type, m.StartDate, m.EndDate, m.Location, m.Title, daysAhead, []));
            }
        }
        return (soon, later);
    }

    private async Task<(List<BriefingPromise> Open, int Later)> ComposePromisesAsync(
        DateTimeOffset asOf, DateOnly today, Dictionary<string, List<string>>? topicLetters, LetterCache letters, CancellationToken ct)
    {
        var horizon = today.AddDays(_options.PromiseHorizonDays);
        var listed = new List<BriefingPromise>();
        var later = 0;
        foreach (var p in await promises.ListAsync(ct))
        {
            if ((topicLetters is not null && !topicLetters.ContainsKey(p.LetterId))
                || await StatusAtAsync(p, asOf, ct) != PromiseStatus.Open)
            {
                continue;
            }
            // A promise made after the briefing's date does not exist yet as of that date (previews of the past).
            if (p.LetterDate is { } made && made > today)
            {
                continue;
            }
            var urgency = p.DueDate switch
            {
                null => PromiseUrgency.Undated,
                { } due when due < today => PromiseUrgency.Overdue,
                { } due when due <= horizon => PromiseUrgency.DueSoon,
                _ => PromiseUrgency.Later,
            };
            if (urgency == PromiseUrgency.Later)
            {
                later++;
                continue;
            }
            listed.Add(new BriefingPromise(p.Number, p.What, p.Actor, p.DueDate, p.DeadlinePhrase, urgency, await letters.LinkAsync(p.LetterId, ct)));
        }
        var ordered = listed
            .OrderBy(p => p.Urgency)
            .ThenBy(p => p.DueDate ?? DateOnly.MaxValue)
            .ThenBy(p => p.Number)
            .ToList();
        return (ordered, later);
    }

    /// <summary>
    /// The promise's status as it stood at <paramref name="asOf"/> (issue 14 item 9: a preview of a past date must not
    /// apply later decisions): the last change in its history at or before that moment, else open. Only promises
    /// changed after that moment need their history read; for the others the current status is the one.
    /// </summary>
    private async Task<PromiseStatus> StatusAtAsync(PromiseRecord p, DateTimeOffset asOf, CancellationToken ct)
    {
        if (p.UpdatedAt <= asOf)
        {
            return p.Status;
        }
        var history = await promises.HistoryAsync(p.Number, ct);
        return history.Where(h => h.ChangedAt <= asOf).OrderBy(h => h.ChangedAt).LastOrDefault()?.Status ?? PromiseStatus.Open;
    }

    private async Task<(List<BriefingLetter> Letters, int More)> ComposeNewLettersAsync(
        IReadOnlyList<Topic>? topicList, DateTimeOffset since, LetterCache letters, CancellationToken ct)
    {
        List<(string Id, IReadOnlyList<string> Topics)> found;
        if (topicList is null)
        {
            var all = await search.ListLettersAsync(ct);
            found = all.Where(l => l.IngestedAt > since).Select(l => (l.Id, (IReadOnlyList<string>)[])).ToList();
        }
        else
        {
            var onTopics = await LettersOnTopicsAsync(topicList, since, ct);
            found = onTopics.Select(kv => (kv.Key, (IReadOnlyList<string>)kv.Value)).ToList();
        }

        var result = new List<BriefingLetter>();
        foreach (var (id, matched) in found)
        {
            var letter = await letters.GetAsync(id, ct);
            result.Add(new BriefingLetter(id, letter?.Title ?? id, letter?.DocumentType, letter?.Date, letter?.Dossier, letter?.SourceUrl, matched));
        }
        var ordered = result.OrderByDescending(l => l.Date ?? DateOnly.MinValue).ThenBy(l => l.LetterId, StringComparer.Ordinal).ToList();
        var more = Math.Max(0, ordered.Count - _options.MaxNewLetters);
        return (ordered.Take(_options.MaxNewLetters).ToList(), more);
    }
}
