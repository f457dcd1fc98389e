using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Storage.Database;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.NewLetters;

/// <summary>A letter's first entry into the corpus.</summary>
/// <param name="LetterId">The letter's id.</param>
/// <param name="FirstSeenAt">When the letter was first ingested anywhere (kept across restarts and index rebuilds).</param>
/// <param name="LetterDate">The letter's own date, when known.</param>
public sealed record LetterArrival(string LetterId, DateTimeOffset FirstSeenAt, DateOnly? LetterDate);

/// <summary>
/// When each letter entered the corpus: "new" in a briefing or an alert means received since then, not the letter's
/// own date. A letter that arrives when its own date is already more than
/// <see cref="BriefingOptions.NewLetterMaxAgeDays"/> old is back catalogue (the seed corpus, a backfill of a source)
/// and never counts as new.
/// </summary>
public interface ILetterArrivals
{
    /// <summary>Records the first arrival of a letter; later calls for the same letter change nothing.</summary>
    Task RecordAsync(string letterId, DateOnly? letterDate, DateTimeOffset seenAt, CancellationToken ct = default);

    /// <summary>Letters (not back catalogue) first seen in <c>(after, upTo]</c>, oldest first.</summary>
    Task<IReadOnlyList<LetterArrival>> ArrivedAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct = default);
}

/// <summary>Whether an arrival is back catalogue: the letter's own date lies far before the moment it arrived.</summary>
public static class BackCatalogue
{
    public static bool Is(DateOnly? letterDate, DateTimeOffset seenAt, int maxAgeDays) =>
        letterDate is { } date && date < DateOnly.FromDateTime(seenAt.UtcDateTime).AddDays(-maxAgeDays);
}

/// <summary>Arrivals in the store (table <c>letter_arrivals</c>, migration 5), shared by every instance.</summary>
public sealed class StoreLetterArrivals(StoreDatabase database, IOptions<BriefingOptions> options) : ILetterArrivals
{
    private ISqlDialect D => database.Dialect;

    public async Task RecordAsync(string letterId, DateOnly? letterDate, DateTimeOffset seenAt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(letterId);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO letter_arrivals (letter_id, first_seen_at, letter_date, back_catalogue)
            VALUES (@letterId, {D.Timestamp("@seenAt")}, {D.Date("@letterDate")}, @backCatalogue)
            ON CONFLICT (letter_id) DO NOTHING
            """,
            new
            {
                letterId,
                seenAt = DbValues.Timestamp(seenAt),
                letterDate = DbValues.Date(letterDate),
                backCatalogue = BackCatalogue.Is(letterDate, seenAt, options.Value.NewLetterMaxAgeDays),
            },
            ct);
    }

    public async Task<IReadOnlyList<LetterArrival>> ArrivedAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            $"""
            SELECT letter_id, first_seen_at, letter_date FROM letter_arrivals
            WHERE first_seen_at > {D.Timestamp("@after")} AND first_seen_at <= {D.Timestamp("@upTo")} AND back_catalogue = FALSE
            ORDER BY first_seen_at, letter_id
            """,
            new { after = DbValues.Timestamp(after), upTo = DbValues.Timestamp(upTo) },
            r => new LetterArrival(r.Text("letter_id"), r.Timestamp("first_seen_at"), r.NullableDate("letter_date")),
            ct);
    }
}

/// <summary>
/// Without a store (tests, tools): arrivals as the index knows them, the moment each letter was (last) ingested,
/// with the same back-catalogue rule. Not kept across index rebuilds; the host registers <see cref="StoreLetterArrivals"/>.
/// </summary>
public sealed class IndexLetterArrivals(ILetterSearch search, IOptions<BriefingOptions> options) : ILetterArrivals
{
    public Task RecordAsync(string letterId, DateOnly? letterDate, DateTimeOffset seenAt, CancellationToken ct = default) => Task.CompletedTask;

    public async Task<IReadOnlyList<LetterArrival>> ArrivedAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct = default)
    {
        var letters = await search.ListLettersAsync(ct);
        return letters
            .Where(l => l.IngestedAt > after && l.IngestedAt <= upTo && !BackCatalogue.Is(l.Date, l.IngestedAt, options.Value.NewLetterMaxAgeDays))
            .OrderBy(l => l.IngestedAt).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Select(l => new LetterArrival(l.Id, l.IngestedAt, l.Date))
            .ToList();
    }
}

/// <summary>Records each ingested letter's first arrival (idempotent: a re-ingest or an index rebuild keeps the first moment).</summary>
public sealed class LetterArrivalObserver(ILetterArrivals arrivals, TimeProvider time) : ILetterIngestObserver
{
    /// <remarks>
    /// A letter without a date of its own is dated by the meeting its title names, a bound it was written before: a
    /// letter that prepared a meeting long past is back catalogue too (a QA pass: on a fresh clone the undated seed
    /// letter 004, for a Council of 1 December 2025, was "Nieuw in je dossiers" in the first briefing).
    /// </remarks>
    public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken) =>
        arrivals.RecordAsync(letter.Id, letter.Date ?? (PreparesMeeting(letter) ? letter.MeetingDate : null), time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Whether the letter's title says it prepares its meeting (an agenda, or the written consultation about one), so
    /// the meeting's date is a bound it was written before; a report ("Verslag van de Raad …") comes after its meeting.
    /// </summary>
    private static bool PreparesMeeting(Letter letter) =>
        letter.Title is { } title
        && title.Contains("agenda", StringComparison.OrdinalIgnoreCase)
        && !title.Contains("verslag van de", StringComparison.OrdinalIgnoreCase);

    // A removed letter keeps its arrival: should it come back, it is not news again.
    public Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken) => Task.CompletedTask;
}
