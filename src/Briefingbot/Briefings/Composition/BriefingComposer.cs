using Briefingbot.Briefings.NewLetters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Time;
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
    IOptions<BriefingOptions> options,
    ILetterArrivals arrivals,
    Sources.Registers.IOfficialPromiseSubjects? officialSubjects = null)
{
    private const int MaxLettersPerTopic = 500;
    private readonly BriefingOptions _options = options.Value;

    /// <param name="subscription">Whose briefing (topics, time zone).</param>
    /// <param name="asOf">The moment the briefing is for.</param>
    /// <param name="newLettersSince">
    /// Letters that entered the corpus after this moment (and up to <paramref name="asOf"/>) count as new: the previous
    /// briefing's time, or a week before a first one. Received, not dated: a 2022 letter loaded today is not news
    /// (<see cref="ILetterArrivals"/>).
    /// </param>
    public async Task<Briefing> ComposeAsync(Subscription subscription, DateTimeOffset asOf, DateTimeOffset newLettersSince, CancellationToken ct)
    {
        var zone = BriefingSchedule.ResolveTimeZone(subscription.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, zone).DateTime);
        var letters = new LetterCache(search);

        var topicQueries = await ResolveTopicsAsync(subscription, ct);
        // Letters on the channel's topics, with which topics matched: null = no topic filter at all.
        Dictionary<string, List<string>>? topicLetters = topicQueries is null ? null : await LettersOnTopicsAsync(topicQueries, null, ct);

        var (soon, later) = await ComposeMeetingsAsync(today, letters, ct);
        var (openPromises, laterPromises, morePromises) = await ComposePromisesAsync(asOf, today, topicQueries, topicLetters, letters, ct);
        var (newLetters, more) = await ComposeNewLettersAsync(topicQueries, newLettersSince, asOf, letters, ct);

        var coverage = soon.Count == 0 ? await CoverageAsync(ct) : Registers.Meetings.MeetingCoverage.Empty;
        return new Briefing(
            asOf, today,
            topicQueries?.Select(t => t.Name).ToList() ?? [],
            newLettersSince, soon, later, openPromises, newLetters, more, laterPromises)
        {
            MeetingCoverage = coverage,
            MorePromises = morePromises,
        };
    }

    private async Task<Registers.Meetings.MeetingCoverage> CoverageAsync(CancellationToken ct)
    {
        var all = await meetings.ListAsync(null, null, includeCancelled: false, ct);
        return all.Count == 0 ? Registers.Meetings.MeetingCoverage.Empty
            : new Registers.Meetings.MeetingCoverage(all.Count, all.Min(m => m.StartDate), all.Max(m => m.EndDate));
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
            var response = await search.SearchAsync(topic.Query, new SearchFilters { IngestedAfter = ingestedAfter, PageSize = MaxLettersPerTopic, Unit = SearchUnit.Letters }, 0, ct);
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
        // As the register stood on the briefing's day, by the meetings view's rule (Registers.Meetings.MeetingKnowledge):
        // for a briefing of today the same as before; for one of a past day, a meeting cancelled since still stands, and
        // one known only from letters written later is not there yet (a QA pass: `briefing --per 2025-11-24` named the
        // Coalitie-vergadering of 25 November from a letter that looks back on it).
        var rows = (await meetings.ListAsync(today, laterHorizon, includeCancelled: true, ct))
            .Where(m => Registers.Meetings.MeetingKnowledge.OnTheBooks(m, today)).ToList();
        var writtenAfter = await Registers.Meetings.MeetingKnowledge.LettersWrittenAfterAsync(meetings, today, ct);
        var soon = new List<BriefingMeeting>();
        var later = new List<BriefingMeeting>();
        foreach (var m in rows.Where(m => m.EndDate >= today).OrderBy(m => m.StartDate).ThenBy(m => m.Type, StringComparer.Ordinal))
        {
            var daysAhead = m.StartDate.DayNumber - today.DayNumber;
            var allSources = m.Origin == MeetingOrigin.Extracted || m.StartDate <= horizon ? await meetings.SourcesAsync(m.Id, ct) : [];
            var sources = new List<MeetingSource>();
            foreach (var source in allSources)
            {
                if (await letters.GetAsync(source.LetterId, ct) is not { } letter
                    || Registers.Meetings.MeetingKnowledge.LetterKnownOn(letter.Id, letter.Date, today, writtenAfter))
                {
                    sources.Add(source);
                }
            }
            if (m.Origin == MeetingOrigin.Extracted && allSources.Count > 0 && sources.Count == 0)
            {
                continue;
            }
            if (m.StartDate <= horizon)
            {
                var preparing = new List<BriefingLetterLink>();
                // The letters that prepare it (geannoteerde agenda), by the meetings view's rule
                // (Registers.Meetings.MeetingLetter.Prepares); an undated letter that names no meeting in its title may
                // prepare it too, so it is kept. The RBZ Defensie agenda only mentions the Ecofin (a visual review:
                // "Voorbereid in" under the Ecofin).
                foreach (var group in sources.Where(s => s.IsAfterLetter != false).GroupBy(s => s.LetterId, StringComparer.Ordinal))
                {
                    var own = (await letters.GetAsync(group.Key, ct))?.MeetingDate;
                    if (own is null || Registers.Meetings.MeetingLetter.Prepares([], own, m.StartDate, m.EndDate))
                    {
                        preparing.Add(await letters.LinkAsync(group.Key, ct));
                    }
                }
                soon.Add(new BriefingMeeting(m.Id, m.Type, m.StartDate, m.EndDate, m.Location, m.Title, daysAhead, preparing)
                {
                    Kind = m.Kind, Precision = m.Precision, DateSource = m.DateSource,
                });
            }
            else
            {
                later.Add(new BriefingMeeting(m.Id, m.Type, m.StartDate, m.EndDate, m.Location, m.Title, daysAhead, [])
                {
                    Kind = m.Kind, Precision = m.Precision, DateSource = m.DateSource,
                });
            }
        }
        return (soon, later);
    }

    private async Task<(List<BriefingPromise> Open, int Later, int More)> ComposePromisesAsync(DateTimeOffset asOf, DateOnly today,
        IReadOnlyList<Topic>? topicQueries, Dictionary<string, List<string>>? topicLetters, LetterCache letters, CancellationToken ct)
    {
        var horizon = today.AddDays(_options.PromiseHorizonDays);
        var listed = new List<(PromiseRecord Promise, PromiseUrgency Urgency)>();
        var later = 0;
        var all = Sources.Registers.OfficialPromises.WithoutDuplicates(await promises.ListAsync(ct));
        var officialOnTopics = topicQueries is null ? null : await OfficialPromisesOnTopicsAsync(all, topicQueries, ct);
        // An extracted promise of a letter on the topics counts where its own part of the letter, or the letter's
        // title, matches a topic (a QA pass: every promise of a letter that mentions drones once was listed under drones).
        var extractedOnTopics = topicLetters is null ? null : await Registers.Promises.ExtractedPromiseTopics.MatchingAsync(
            all.Where(p => topicLetters.ContainsKey(p.LetterId)).ToList(), topicQueries!.Select(t => t.Query).ToList(), letters.GetAsync, search, ct);
        foreach (var p in all)
        {
            // An extracted promise is on the channel's topics when its part of a letter on them is; an official one has
            // no letter, so its own words are matched (text, ministry, the debate's onderwerp and committee) by the same rule.
            var onTopics = topicLetters is null
                || (Sources.Registers.OfficialPromises.IsOfficial(p) ? officialOnTopics!.Contains(p.Number) : extractedOnTopics!.Contains(p.Number));
            if (!onTopics || await StatusAtAsync(p, asOf, ct) != PromiseStatus.Open)
            {
                continue;
            }
            // A promise made after the briefing's date does not exist yet as of that date (previews of the past). Without
            // a letter date, it exists from when the register first saw it, as `toezeggingen --per` reads it (a visual
            // review: the undated letter's promises were in the briefing of 24 November 2025 and not in the register
            // view of that day).
            if (p.LetterDate is { } made ? made > today : p.CreatedAt > asOf)
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
            listed.Add((p, urgency));
        }
        // The most urgent first, at most MaxPromises of them: a register of 150 open promises made a briefing of seven
        // messages (a QA pass). The rest are counted (Briefing.MorePromises), never dropped silently.
        var ordered = new List<BriefingPromise>();
        foreach (var (p, urgency) in listed
            .OrderBy(x => x.Urgency)
            .ThenBy(x => x.Promise.DueDate ?? DateOnly.MaxValue)
            .ThenBy(x => x.Promise.Number)
            .Take(_options.MaxPromises))
        {
            // What "hierover" is, as the register's views show it (a QA pass: "Hierover zal uw Kamer separaat worden
            // geïnformeerd." alone in the briefing).
            var context = Registers.Promises.PromiseContext.LeansOnWhatCameBefore(p.Sentence)
                ? Registers.Promises.PromiseContext.Of(p.Sentence, (await letters.GetAsync(p.LetterId, ct))?.RawText, p.Start, Registers.Promises.PromiseCards.ContextLength)
                : null;
            ordered.Add(new BriefingPromise(p.Number, p.What, p.Actor, p.DueDate, p.DeadlinePhrase, urgency, await letters.LinkAsync(p.LetterId, ct)) { Context = context });
        }
        return (ordered, later, listed.Count - ordered.Count);
    }

    /// <summary>The numbers of the official register promises that one of <paramref name="topicQueries"/> covers (<see cref="Registers.Promises.OfficialPromiseTopics"/>).</summary>
    private Task<HashSet<long>> OfficialPromisesOnTopicsAsync(IReadOnlyList<PromiseRecord> all, IReadOnlyList<Topic> topicQueries, CancellationToken ct) =>
        Registers.Promises.OfficialPromiseTopics.MatchingAsync(all, topicQueries.Select(t => t.Query).ToList(), search, officialSubjects, ct);

    /// <summary>
    /// The promise's status as it stood at <paramref name="asOf"/> (<see cref="Registers.Promises.PromiseStatusHistory"/>).
    /// Only promises changed after that moment need their history read; for the others the current status is the one.
    /// </summary>
    private async Task<PromiseStatus> StatusAtAsync(PromiseRecord p, DateTimeOffset asOf, CancellationToken ct) =>
        p.UpdatedAt <= asOf
            ? p.Status
            : Registers.Promises.PromiseStatusHistory.StatusAt(p, await promises.HistoryAsync(p.Number, ct), changedAt => changedAt <= asOf);

    private async Task<(List<BriefingLetter> Letters, int More)> ComposeNewLettersAsync(
        IReadOnlyList<Topic>? topicList, DateTimeOffset since, DateTimeOffset asOf, LetterCache letters, CancellationToken ct)
    {
        var arrived = (await arrivals.ArrivedAsync(since, asOf, ct)).Select(a => a.LetterId).ToHashSet(StringComparer.Ordinal);
        if (arrived.Count == 0)
        {
            return ([], 0);
        }

        // Letter id → (matched topics, best passage). A letter that arrived after `since` was ingested into this index
        // after `since` too, so the index's own ingest time is a cheap first cut before the arrivals decide.
        var found = new Dictionary<string, (List<string> Topics, string? Passage)>(StringComparer.Ordinal);
        if (topicList is null)
        {
            foreach (var id in arrived)
            {
                found[id] = ([], null);
            }
        }
        else
        {
            foreach (var topic in topicList)
            {
                var response = await search.SearchAsync(topic.Query, new SearchFilters { IngestedAfter = since, PageSize = MaxLettersPerTopic, Unit = SearchUnit.Letters }, 0, ct);
                if (response.Relaxation is not null)
                {
                    continue;
                }
                foreach (var hit in response.Hits.Where(h => arrived.Contains(h.LetterId)))
                {
                    if (!found.TryGetValue(hit.LetterId, out var entry))
                    {
                        found[hit.LetterId] = entry = ([], BestPassage(hit));
                    }
                    entry.Topics.Add(topic.Name);
                }
            }
        }

        var result = new List<BriefingLetter>();
        foreach (var (id, (matched, passage)) in found)
        {
            var letter = await letters.GetAsync(id, ct);
            if (letter is null)
            {
                continue; // arrived, then removed again
            }
            var text = passage ?? (await search.GetSummaryAsync(id, ct) is { Length: > 0 } summary ? summary : null);
            result.Add(new BriefingLetter(id, letter.Title ?? id, letter.DocumentType, letter.Date, letter.Dossier, letter.SourceUrl, matched)
            {
                Passage = text is null ? null : Cap(text, MaxPassageChars),
                DocumentNumber = letter.DocumentNumber,
            });
        }
        var ordered = result.OrderByDescending(l => l.Date ?? DateOnly.MinValue).ThenBy(l => l.LetterId, StringComparer.Ordinal).ToList();
        var more = Math.Max(0, ordered.Count - _options.MaxNewLetters);
        return (ordered.Take(_options.MaxNewLetters).ToList(), more);
    }

    private const int MaxPassageChars = 400;

    /// <summary>The hit's best passage as plain text (the snippet when there is one).</summary>
    internal static string? BestPassage(LetterHit hit)
    {
        var text = hit.Snippet.Text is { Length: > 0 } snippet ? snippet : hit.BestPassage.Text;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Cap(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', max) is > 0 and var cut ? cut : max).TrimEnd(), " …");
}
