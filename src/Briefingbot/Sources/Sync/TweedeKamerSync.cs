using System.Globalization;
using Briefingbot.Dossiers.Diagnostics;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Letters;
using Briefingbot.Sources.Registers;
using Microsoft.Extensions.Options;

namespace Briefingbot.Sources.Sync;

/// <summary>What one run is asked to do.</summary>
/// <param name="Since">Start date for categories without a cursor (and the oldest document date taken); null = the setting.</param>
/// <param name="Dossiers">Only these dossiers in this run (documents of other dossiers are kept as pending for later runs).</param>
public sealed record SyncRequest(DateOnly? Since = null, IReadOnlyList<string>? Dossiers = null);

/// <summary>Progress after each committed page.</summary>
public sealed record SyncProgress(string Category, int Pages, int Entries, int Letters, int Failures);

/// <summary>What a run did.</summary>
public sealed record SyncSummary(bool Succeeded, int Pages, int Entries, int Letters, int Deleted, int Failures, int Promises, int Meetings, int Retried, string? Error, TimeSpan Elapsed)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Pages} pages, {Entries} entries, {Letters} letters written, {Deleted} removed, {Failures} without text, {Promises} register promises, {Meetings} meetings, {Retried} retried");
}

/// <summary>
/// Follows the Gegevensmagazijn SyncFeed for the categories this bot uses, one page at a time: read the page at the
/// stored cursor, turn its entities into rows (fetching a followed document's file and text before the write), then
/// commit the rows and the cursor past the page in one transaction (<see cref="SourceSyncStore.CommitPageAsync"/>).
/// A crash anywhere re-reads at most the page in flight, and writing a page twice changes nothing (upserts by id,
/// letters by content hash). A category without a cursor starts near its start date (<see cref="FindStartAsync"/>),
/// not at the feed's beginning. Documents whose text failed are retried at the end of every run.
/// </summary>
public sealed class TweedeKamerSync(
    PoliteHttpClient http,
    SourceSyncStore store,
    DocumentLetters letters,
    IOptionsMonitor<SourcesOptions> options,
    TimeProvider time,
    ILogger<TweedeKamerSync> logger)
{
    /// <summary>Kamerstukdossier first: documents refer to their dossier for its number.</summary>
    public static readonly string[] Categories = ["Kamerstukdossier", "Document", "Toezegging", "Activiteit"];

    public const string SourceName = "tweedekamer";

    private readonly SemaphoreSlim _oneRun = new(1, 1);

    public async Task<SyncSummary> RunAsync(SyncRequest request, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        // One run per process at a time; across processes the conditional cursor update keeps them apart.
        await _oneRun.WaitAsync(ct);
        try
        {
            return await RunOnceAsync(request, progress, ct);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<SyncSummary> RunOnceAsync(SyncRequest request, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var settings = options.CurrentValue.TweedeKamer;
        var start = request.Since ?? settings.StartDate ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-settings.StartDaysBack);
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var counts = new Counts();
        var runId = await store.StartRunAsync(SourceName, ct);
        SourcesLog.SyncStarted(logger, runId);
        string? error = null;
        try
        {
            foreach (var category in Categories)
            {
                try
                {
                    if (!await FollowCategoryAsync(category, start, request, settings, counts, progress, ct))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is FeedFormatException or SourceUnavailableException { Answered: true })
                {
                    // One feed that answers what cannot be read: its cursor stays, the run is failed, and the other
                    // feeds and the owed documents still go on (a QA pass: bad XML in the Toezegging feed left the
                    // Activiteit feed unread and no document retried). A server that is down ends the run (below).
                    // Every unreadable feed is named, not only the first (a review).
                    error = error is null ? $"{category}: {ex.Message}" : $"{error}; {category}: {ex.Message}";
                    SourcesLog.FeedUnreadable(logger, category, ex.Message);
                }
            }
            await RetryOwedDocumentsAsync(startedAt, request, settings, counts, ct);
        }
        catch (SourceUnavailableException ex)
        {
            error = error is null ? ex.Message : $"{error}; {ex.Message}";
        }
        catch (FeedFormatException ex)
        {
            error ??= ex.Message;
        }

        var summary = new SyncSummary(error is null, counts.Pages, counts.Entries, counts.Letters, counts.Deleted, counts.Failures, counts.Promises,
            counts.Meetings, counts.Retried, error, time.GetElapsedTime(started));
        var outcome = error is null ? "ok" : "failed";
        // Recorded even when the caller cancelled: the status must not show a run as running forever.
        await store.FinishRunAsync(runId, outcome, counts.Entries, counts.Letters, counts.Failures, summary.Describe(), error, CancellationToken.None);
        await RecordLagAsync();
        if (error is null)
        {
            SourcesLog.SyncFinished(logger, runId, outcome, summary.Describe());
        }
        else
        {
            SourcesLog.SyncFailed(logger, runId, error);
        }
        return summary;
    }

    /// <summary>The sync-lag gauge: age of the oldest "caught up" among the categories, once all have caught up.</summary>
    private async Task RecordLagAsync()
    {
        var caughtUp = (await store.CursorsAsync(CancellationToken.None))
            .Where(c => Categories.Contains(c.Category, StringComparer.Ordinal))
            .Select(c => c.CaughtUpAt)
            .ToList();
        if (caughtUp.Count == Categories.Length && caughtUp.All(at => at is not null))
        {
            Telemetry.SyncLag.Record(Math.Max(0, (time.GetUtcNow() - caughtUp.Min(at => at!.Value)).TotalSeconds));
        }
    }

    private async Task<bool> FollowCategoryAsync(string category, DateOnly start, SyncRequest request, TweedeKamerSourceOptions settings,
        Counts counts, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var cursor = await store.GetCursorAsync(category, ct);
        if (cursor is null)
        {
            var token = await FindStartAsync(category, start, ct);
            await store.InitCursorAsync(category, token, ct);
            SourcesLog.StartPointFound(logger, category, token, start);
            cursor = await store.GetCursorAsync(category, ct) ?? throw new InvalidOperationException("The cursor vanished.");
        }

        var skiptoken = cursor.Skiptoken;
        for (var pages = 0; pages < settings.MaxPagesPerRun; pages++)
        {
            var response = await http.GetAsync(FeedUrl(category, skiptoken), IsReadablePage, ct);
            if (!response.IsSuccess)
            {
                throw new SourceUnavailableException($"{category} feed: HTTP {(int)response.Status}");
            }
            var page = SyncFeedParser.ParsePage(response.Body);
            var writes = new PageWrites();
            foreach (var entry in page.Entries)
            {
                await HandleEntryAsync(entry, start, request, settings, writes, counts, ct);
            }
            var next = page.NextSkiptoken ?? page.Entries.LastOrDefault(e => e.NextSkiptoken is not null)?.NextSkiptoken ?? skiptoken;
            var caughtUp = page.NextSkiptoken is null;
            if (!await store.CommitPageAsync(category, skiptoken, next, page.Entries.Count, caughtUp, writes, ct))
            {
                SourcesLog.CursorMoved(logger, category, skiptoken);
                return false;
            }
            SourcesLog.PageCommitted(logger, category, next, page.Entries.Count);
            counts.Pages++;
            counts.Entries += page.Entries.Count;
            progress?.Report(new SyncProgress(category, counts.Pages, counts.Entries, counts.Letters, counts.Failures));
            if (caughtUp || next == skiptoken)
            {
                break;
            }
            skiptoken = next;
        }
        return true;
    }

    private async Task HandleEntryAsync(FeedEntry entry, DateOnly start, SyncRequest request, TweedeKamerSourceOptions settings,
        PageWrites writes, Counts counts, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case TkDossier dossier:
                writes.Dossiers.RemoveAll(d => d.Id == dossier.Id);
                writes.Dossiers.Add(dossier);
                break;
            case TkDocument document:
                await HandleDocumentAsync(document, start, request, settings, writes, counts, ct);
                break;
            case TkToezegging promise:
                writes.Promises.Add(promise);
                counts.Promises++;
                break;
            case TkActiviteit activity:
                var meeting = CommitteeActivities.MeetingOf(activity, settings);
                writes.Activities.Add(new ActivityWrite(activity, meeting));
                if (meeting is not null)
                {
                    counts.Meetings++;
                }
                break;
            case null:
                // An entry without content the parser knows (a QA pass: skipped without a trace). The feed moves on
                // past it as the SyncFeed itself does; the log says which one, so it can be looked up.
                SourcesLog.EntryWithoutContent(logger, entry.Category ?? "?", entry.Id);
                break;
        }
    }

    private async Task HandleDocumentAsync(TkDocument d, DateOnly start, SyncRequest request, TweedeKamerSourceOptions settings,
        PageWrites writes, Counts counts, CancellationToken ct)
    {
        if (d.Deleted)
        {
            var letterFile = writes.Documents.LastOrDefault(w => w.Document.Id == d.Id)?.LetterFile ?? await store.LetterFileOfAsync(d.Id, ct);
            writes.Documents.Add(new DocumentWrite(d, "deleted", null, false, letterFile, null, null, RemoveLetter: true));
            counts.Deleted++;
            return;
        }
        if (!settings.DocumentKinds.Any(k => string.Equals(k.Trim(), d.Soort?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        // Old documents touched again (a mass correction bumps their change time) are not new letters.
        if (d.Datum is { } date && date < start)
        {
            return;
        }
        var dossier = await DossierOfAsync(d.KamerstukdossierId, writes, ct);
        if (!DossierMatches(dossier, settings.Dossiers))
        {
            return;
        }
        if (request.Dossiers is { Count: > 0 } only && !DossierMatches(dossier, only))
        {
            // Followed, but not in this run: kept as owed so a later run fetches it.
            writes.Documents.Add(new DocumentWrite(d, "pending", "not in this run's dossiers", false, null, null, null, false));
            return;
        }
        var write = await letters.BuildAsync(d, dossier, ct);
        Count(write, counts);
        writes.Documents.Add(write);
    }

    private async Task RetryOwedDocumentsAsync(DateTimeOffset runStarted, SyncRequest request, TweedeKamerSourceOptions settings, Counts counts, CancellationToken ct)
    {
        if (settings.RetryFailedPerRun == 0)
        {
            return;
        }
        foreach (var owed in await store.OwedDocumentsAsync(settings.RetryFailedPerRun, runStarted, ct))
        {
            var writes = new PageWrites();
            var dossier = await DossierOfAsync(owed.Document.KamerstukdossierId, writes, ct);
            if (request.Dossiers is { Count: > 0 } only && !DossierMatches(dossier, only))
            {
                continue;
            }
            var write = await letters.BuildAsync(owed.Document, dossier, ct);
            Count(write, counts);
            counts.Retried++;
            writes.Documents.Add(write);
            await store.WriteAsync(writes, ct);
        }
    }

    private void Count(DocumentWrite write, Counts counts)
    {
        if (write.Letter is not null)
        {
            counts.Letters++;
        }
        else if (write.State == "failed")
        {
            counts.Failures++;
            SourcesLog.DocumentFailed(logger, write.Document.Id, write.Failure ?? "unknown");
        }
    }

    /// <summary>The dossier from this page, the store, or (first time seen) the entity endpoint.</summary>
    private async Task<TkDossier?> DossierOfAsync(string? id, PageWrites writes, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        if (writes.Dossiers.LastOrDefault(d => d.Id == id) is { } inPage)
        {
            return inPage;
        }
        if (await store.GetDossierAsync(id, ct) is { } stored)
        {
            return stored;
        }
        var settings = options.CurrentValue.TweedeKamer;
        var response = await http.GetAsync($"{settings.BaseUrl.TrimEnd('/')}/SyncFeed/2.0/Entiteiten/{Uri.EscapeDataString(id)}", null, ct);
        if (response.IsSuccess && SyncFeedParser.ParseEntityDocument(response.Body, id) is TkDossier fetched)
        {
            writes.Dossiers.Add(fetched);
            return fetched;
        }
        return null;
    }

    internal static bool DossierMatches(TkDossier? dossier, IReadOnlyList<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return true;
        }
        if (dossier?.Nummer is null)
        {
            return false;
        }
        var number = Compact(dossier.Nummer);
        var full = string.IsNullOrWhiteSpace(dossier.Toevoeging) ? number : $"{number}-{Compact(dossier.Toevoeging)}";
        return wanted.Select(Compact).Any(w => w.Length > 0 && (w == full || w == number));
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>
    /// The skiptoken to start a category at for a fresh start: the feed cannot filter by date (the Tweede Kamer
    /// declined to add one), but skiptokens grow with each change, so a bounded search over skiptokens finds the
    /// first page whose first change is on or after <paramref name="start"/> (about 40 requests for 20 million
    /// changes). Null = the feed's beginning (the whole feed is newer than the start date).
    /// </summary>
    internal async Task<string?> FindStartAsync(string category, DateOnly start, CancellationToken ct)
    {
        var startAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var first = await FirstChangeAsync(category, null, ct);
        if (first.Updated is null || first.Updated >= startAt)
        {
            return null;
        }
        long lo = 0, hi = 1;
        for (var i = 0; i < 40; i++)
        {
            var probe = await FirstChangeAsync(category, hi, ct);
            if (probe.Updated is null || probe.Updated >= startAt)
            {
                break;
            }
            lo = hi;
            hi = checked(hi * 4);
        }
        for (var i = 0; i < 64 && hi - lo > 1; i++)
        {
            var mid = lo + (hi - lo) / 2;
            var probe = await FirstChangeAsync(category, mid, ct);
            if (probe.Updated is { } u && u < startAt)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return lo.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<(DateTimeOffset? Updated, bool Any)> FirstChangeAsync(string category, long? skiptoken, CancellationToken ct)
    {
        var response = await http.GetAsync(FeedUrl(category, skiptoken?.ToString(CultureInfo.InvariantCulture)), IsReadablePage, ct);
        if (!response.IsSuccess)
        {
            throw new SourceUnavailableException($"{category} feed: HTTP {(int)response.Status}");
        }
        var page = SyncFeedParser.ParsePage(response.Body);
        return page.Entries.Count == 0 ? (null, false) : (page.Entries[0].Updated, true);
    }

    private string FeedUrl(string category, string? skiptoken)
    {
        var baseUrl = options.CurrentValue.TweedeKamer.BaseUrl.TrimEnd('/');
        return skiptoken is null
            ? $"{baseUrl}/SyncFeed/2.0/Feed?category={category}"
            : $"{baseUrl}/SyncFeed/2.0/Feed?skiptoken={Uri.EscapeDataString(skiptoken)}&category={category}";
    }

    private static bool IsReadablePage(SourceResponse response)
    {
        try
        {
            SyncFeedParser.ParsePage(response.Body);
            return true;
        }
        catch (FeedFormatException)
        {
            return false;
        }
    }

    private sealed class Counts
    {
        public int Pages, Entries, Letters, Deleted, Failures, Promises, Meetings, Retried;
    }
}
