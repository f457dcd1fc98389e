using System.Data.Common;
using System.Globalization;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>
/// The meeting register. Extraction merges by key (type + start date, or type + month for a month-precise meeting) and records each letter that mentions a
/// meeting as a source (one per letter: its first mention); admins add, change or cancel meetings, which locks the
/// row against extraction. Extracted meetings that no letter mentions any more are removed.
/// </summary>
public sealed class MeetingRegister(StoreDatabase database) : IMeetingRegister
{
    private const string Extracted = nameof(MeetingOrigin.Extracted);

    private ISqlDialect D => database.Dialect;

    /// <summary>The register key of a meeting, the same as <see cref="ExtractedMeeting.Key"/>: "RBZ Defensie|2025-12-01".</summary>
    public static string KeyOf(string type, DateOnly start) =>
        $"{type}|{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> meetings, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var nowText = DbValues.Timestamp(now);

        // Re-extraction of a letter replaces its sources.
        await connection.ExecuteAsync("DELETE FROM meeting_sources WHERE letter_id = @letterId", new { letterId }, ct, tx);

        foreach (var group in meetings.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var first = group.OrderBy(m => m.Start).First();
            // The most precise mention wins: a day written in the text beats a date inferred from the summit table.
            var best = group.OrderBy(m => m.Precision).First();
            var values = new
            {
                first.Key,
                first.Type,
                Start = DbValues.Date(first.StartDate),
                End = DbValues.Date(group.Max(m => m.EndDate)),
                Location = group.Select(m => m.Location).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)),
                Now = nowText,
                Kind = MeetingKinds.Id(best.Kind),
                Precision = MeetingKinds.Id(best.Precision),
                best.DateSource,
            };
            // Merge into an unlocked row: fill a missing location and kind, widen the end date, keep the most precise
            // date. A locked row is the admins'.
            var updated = await connection.ExecuteAsync(
                $"""
                UPDATE meetings SET
                    location = COALESCE(location, @Location),
                    end_date = CASE WHEN end_date < {D.Date("@End")} THEN {D.Date("@End")} ELSE end_date END,
                    kind = COALESCE(kind, @Kind),
                    date_source = CASE WHEN @Precision = 'day' THEN NULL ELSE date_source END,
                    date_precision = CASE WHEN @Precision = 'day' THEN 'day' ELSE date_precision END,
                    updated_at = {D.Timestamp("@Now")}
                WHERE meeting_key = @Key AND admin_locked = FALSE
                """,
                values, ct, tx);
            if (updated == 0)
            {
                // Update-then-insert keeps PostgreSQL's identity sequence from drawing a number per re-ingest.
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO meetings (meeting_key, type, start_date, end_date, location, origin, kind, date_precision, date_source, created_at, updated_at)
                    VALUES (@Key, @Type, {D.Date("@Start")}, {D.Date("@End")}, @Location, '{Extracted}', @Kind, @Precision, @DateSource,
                        {D.Timestamp("@Now")}, {D.Timestamp("@Now")})
                    ON CONFLICT (meeting_key) DO NOTHING
                    """,
                    values, ct, tx);
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO meeting_sources (meeting_id, letter_id, mention_text, start_offset, end_offset, is_after_letter)
                SELECT id, @LetterId, @MentionText, @Start, @End, @IsAfterLetter FROM meetings WHERE meeting_key = @Key
                ON CONFLICT (meeting_id, letter_id) DO NOTHING
                """,
                new { first.Key, LetterId = letterId, first.MentionText, first.Start, first.End, first.IsAfterLetter },
                ct, tx);
        }

        await RemoveOrphansAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
    }

    public async Task RemoveLetterAsync(string letterId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("DELETE FROM meeting_sources WHERE letter_id = @letterId", new { letterId }, ct, tx);
        await RemoveOrphansAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
    }

    public Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return UpsertAsync(new MeetingEntry(MeetingKinds.FromType(type), type, start, end, DatePrecision.Day, location, title), origin, now, ct);
    }

    public async Task<MeetingRecord> UpsertAsync(MeetingEntry entry, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Type);
        var (start, end) = entry.Normalised;
        if (end < start)
        {
            throw new ArgumentException($"A meeting cannot end ({end}) before it starts ({start}).", nameof(entry));
        }
        var key = entry.Key;
        var locked = origin == MeetingOrigin.Admin;
        await using var connection = await database.OpenAsync(ct);
        // An admin's version always wins and locks the row; an import fills in and changes unlocked rows only.
        var id = await connection.ScalarAsync<long?>(
            $"""
            INSERT INTO meetings (meeting_key, type, start_date, end_date, location, title, origin, admin_locked, kind, date_precision, date_source, created_at, updated_at)
            VALUES (@key, @type, {D.Date("@start")}, {D.Date("@end")}, @location, @title, @origin, @locked, @kind, @precision, @source,
                {D.Timestamp("@now")}, {D.Timestamp("@now")})
            ON CONFLICT (meeting_key) DO UPDATE SET
                end_date = excluded.end_date,
                location = excluded.location,
                title = excluded.title,
                origin = excluded.origin,
                admin_locked = excluded.admin_locked,
                kind = excluded.kind,
                date_precision = excluded.date_precision,
                date_source = excluded.date_source,
                updated_at = excluded.updated_at
            WHERE excluded.admin_locked OR NOT meetings.admin_locked
            RETURNING id
            """,
            new
            {
                key, type = entry.Type, start = DbValues.Date(start), end = DbValues.Date(end), location = entry.Location, title = entry.Title,
                origin = origin.ToString(), locked, kind = MeetingKinds.Id(entry.Kind), precision = MeetingKinds.Id(entry.Precision),
                source = entry.DateSource, now = DbValues.Timestamp(now),
            },
            ct);
        var record = id is { } found
            ? await GetAsync(found, connection, ct)
            : await connection.QuerySingleRowAsync("SELECT * FROM meetings WHERE meeting_key = @key", new { key }, Map, ct);
        return record ?? throw new InvalidOperationException($"Meeting {key} vanished while it was being saved.");
    }

    public async Task<MeetingRecord?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetAsync(id, connection, ct);
    }

    public async Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // Cancelling is an admin decision: it locks the row so a later extraction neither revives nor removes it.
        var updated = await connection.ExecuteAsync(
            // Restored, a moved row takes place again at its own date: it no longer hands its letters to another (a review).
            $"""
            UPDATE meetings SET cancelled = @cancelled, admin_locked = TRUE,
                moved_to = CASE WHEN @cancelled THEN moved_to ELSE NULL END, updated_at = {D.Timestamp("@now")}
            WHERE id = @id
            """,
            new { id, cancelled, now = DbValues.Timestamp(now) }, ct);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"Meeting {id} is not in the register.");
        }
    }

    public async Task MoveAsync(long id, long movedTo, DateTimeOffset now, CancellationToken ct = default)
    {
        if (id == movedTo)
        {
            throw new ArgumentException($"Meeting {id} cannot be moved to itself.", nameof(movedTo));
        }
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var at = DbValues.Timestamp(now);
        var updated = await connection.ExecuteAsync(
            $"UPDATE meetings SET cancelled = TRUE, admin_locked = TRUE, moved_to = @movedTo, updated_at = {D.Timestamp("@at")} WHERE id = @id",
            new { id, movedTo, at }, ct, tx);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"Meeting {id} is not in the register.");
        }
        // One step from every earlier date to the current one, so sources are found without following a chain.
        await connection.ExecuteAsync(
            $"UPDATE meetings SET moved_to = @movedTo, updated_at = {D.Timestamp("@at")} WHERE moved_to = @id AND id <> @movedTo",
            new { id, movedTo, at }, ct, tx);
        await connection.ExecuteAsync(
            $"UPDATE meetings SET moved_to = NULL, updated_at = {D.Timestamp("@at")} WHERE id = @movedTo",
            new { movedTo, at }, ct, tx);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        // Meetings that overlap [from, to]: a three-day summit that started yesterday is still ahead.
        return await connection.QueryRowsAsync(
            $"""
            SELECT * FROM meetings
            WHERE (@from IS NULL OR end_date >= {D.Date("@from")})
              AND (@to IS NULL OR start_date <= {D.Date("@to")})
              AND (@includeCancelled OR cancelled = FALSE)
            ORDER BY start_date, type
            """,
            new { from = DbValues.Date(from), to = DbValues.Date(to), includeCancelled }, Map, ct);
    }

    public async Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryRowsAsync(
            """
            SELECT * FROM meeting_sources
            WHERE meeting_id = @meetingId OR meeting_id IN (SELECT id FROM meetings WHERE moved_to = @meetingId)
            ORDER BY letter_id, meeting_id
            """,
            new { meetingId },
            r => new MeetingSource(
                r.Long("meeting_id"), r.Text("letter_id"), r.Text("mention_text"), r.Int("start_offset"), r.Int("end_offset"),
                r.NullableBool("is_after_letter")),
            ct);
        // A letter that names both the old and the new date is one source: its mention of the meeting itself.
        return rows.GroupBy(s => s.LetterId, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(s => s.MeetingId == meetingId) ?? g.First())
            .ToList();
    }

    private static Task<MeetingRecord?> GetAsync(long id, DbConnection connection, CancellationToken ct) =>
        connection.QuerySingleRowAsync("SELECT * FROM meetings WHERE id = @id", new { id }, Map, ct);

    private static Task RemoveOrphansAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        connection.ExecuteAsync(
            $"""
            DELETE FROM meetings
            WHERE origin = '{Extracted}' AND admin_locked = FALSE
              AND NOT EXISTS (SELECT 1 FROM meeting_sources s WHERE s.meeting_id = meetings.id)
            """,
            null, ct, tx);

    private static MeetingRecord Map(DbRow r)
    {
        var type = r.Text("type");
        return new MeetingRecord(
            r.Long("id"),
            r.Text("meeting_key"),
            type,
            r.Date("start_date"),
            r.Date("end_date"),
            r.NullableText("location"),
            r.NullableText("title"),
            r.Enum<MeetingOrigin>("origin"),
            r.Bool("cancelled"),
            r.Bool("admin_locked"),
            r.Timestamp("created_at"),
            r.Timestamp("updated_at"))
        {
            // Rows written before schema version 7 have no kind: it follows from the type.
            Kind = MeetingKinds.ParseKind(r.NullableText("kind")) ?? MeetingKinds.FromType(type),
            Precision = MeetingKinds.ParsePrecision(r.NullableText("date_precision")) ?? DatePrecision.Day,
            DateSource = r.NullableText("date_source"),
            MovedTo = r.NullableLong("moved_to"),
        };
    }
}
