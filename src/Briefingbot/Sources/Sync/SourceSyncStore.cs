using System.Data.Common;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Registers;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;

namespace Briefingbot.Sources.Sync;

/// <summary>What one feed page (or one retried document) writes, all in one transaction with the cursor.</summary>
public sealed class PageWrites
{
    public List<TkDossier> Dossiers { get; } = [];
    public List<DocumentWrite> Documents { get; } = [];
    public List<TkToezegging> Promises { get; } = [];
    public List<ActivityWrite> Activities { get; } = [];

    public int Count => Dossiers.Count + Documents.Count + Promises.Count + Activities.Count;
}

/// <summary>A document's row, and what happens to its letter: written (<see cref="Letter"/>), removed, or left alone.</summary>
public sealed record DocumentWrite(
    TkDocument Document, string State, string? Failure, bool CountAttempt, string? LetterFile, SyncedLetter? Letter, RawFile? File, bool RemoveLetter);

public sealed record SyncedLetter(string SourceFile, string ContentHash, string Text);

public sealed record RawFile(string? ContentType, string Origin, byte[] Content, string? Format);

/// <summary>An activity and, when it belongs in the meeting register, the meeting it becomes.</summary>
public sealed record ActivityWrite(TkActiviteit Activity, MeetingWrite? Meeting);

public sealed record MeetingWrite(string Key, string Type, DateOnly Date, string? Location, string? Title);

/// <summary>A document whose text is still owed (pending or failed), as stored.</summary>
public sealed record OwedDocument(TkDocument Document, string State, int Attempts, string? LetterFile);

/// <summary>A run of the sync as recorded for <c>bronnen status</c>.</summary>
public sealed record SourceRun(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, int Entries, int Letters, int Failures, string? Summary, string? Error);

/// <summary>Counts for the status view.</summary>
public sealed record SourceCounts(long Documents, long Letters, long FailedDocuments, long PendingDocuments, long Promises, long Activities, long Meetings);

/// <summary>A category's cursor.</summary>
public sealed record SourceCursor(string Category, string? Skiptoken, long Entries, DateTimeOffset? CaughtUpAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The sync's tables (migration 4) and its writes into the shared tables (letters, promises, meetings). The heart of
/// it is <see cref="CommitPageAsync"/>: a page's entities and the cursor that moves past them commit together, so a
/// crash before the commit re-reads the page and a crash after it never sees the page again. The cursor update is
/// conditional on the cursor still being where this run read it: a second syncer (another instance, a CLI run)
/// that got there first makes this commit roll back instead of writing the page twice.
/// </summary>
public sealed class SourceSyncStore(StoreDatabase database, TimeProvider time)
{
    public const string OfficialPromiseKeyPrefix = "tk:";
    private const string Imported = nameof(MeetingOrigin.Imported);

    private ISqlDialect D => database.Dialect;

    public async Task<SourceCursor?> GetCursorAsync(string category, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync("SELECT * FROM source_cursors WHERE category = @category", new { category }, MapCursor, ct);
    }

    public async Task<IReadOnlyList<SourceCursor>> CursorsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync("SELECT * FROM source_cursors ORDER BY category", null, MapCursor, ct);
    }

    /// <summary>Creates a category's cursor at its start point unless one exists. True if this call created it.</summary>
    public async Task<bool> InitCursorAsync(string category, string? skiptoken, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"INSERT INTO source_cursors (category, skiptoken, entries, updated_at) VALUES (@category, @skiptoken, 0, {D.Timestamp("@now")}) ON CONFLICT (category) DO NOTHING",
            new { category, skiptoken, now = Now() }, ct) == 1;
    }

    /// <summary>
    /// Writes a page and moves the cursor from <paramref name="fromSkiptoken"/> to <paramref name="toSkiptoken"/> in one
    /// transaction. False (nothing written) if the cursor is no longer at <paramref name="fromSkiptoken"/>.
    /// </summary>
    public async Task<bool> CommitPageAsync(string category, string? fromSkiptoken, string? toSkiptoken, int entries, bool caughtUp, PageWrites writes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Claim the cursor first: on PostgreSQL the row lock makes a concurrent syncer wait and then fail the check.
        var moved = await connection.ExecuteAsync(
            $"""
            UPDATE source_cursors SET skiptoken = @toSkiptoken, entries = entries + @entries, updated_at = {D.Timestamp("@now")},
                caught_up_at = CASE WHEN @caughtUp THEN {D.Timestamp("@now")} ELSE caught_up_at END
            WHERE category = @category AND (skiptoken = @fromSkiptoken OR (skiptoken IS NULL AND @fromSkiptoken IS NULL))
            """,
            new { category, fromSkiptoken, toSkiptoken, entries, caughtUp, now = Now() }, ct, tx);
        if (moved != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await WriteAsync(connection, tx, writes, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Writes entities outside the feed order (a retried document, a dossier fetched by id).</summary>
    public async Task WriteAsync(PageWrites writes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await WriteAsync(connection, tx, writes, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<TkDossier?> GetDossierAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            "SELECT * FROM source_dossiers WHERE id = @id", new { id },
            r => new TkDossier(r.Text("id"), r.Bool("deleted"), null, r.NullableText("nummer"), r.NullableText("toevoeging"), r.NullableText("titel")), ct);
    }

    /// <summary>Documents whose text is owed (failed or pending), fewest attempts first.</summary>
    public async Task<IReadOnlyList<OwedDocument>> OwedDocumentsAsync(int limit, DateTimeOffset updatedBefore, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            $"SELECT * FROM source_documents WHERE state IN ('failed', 'pending') AND updated_at < {D.Timestamp("@before")} ORDER BY attempts, updated_at, id LIMIT @limit",
            new { limit, before = DbValues.Timestamp(updatedBefore) },
            r => new OwedDocument(
                new TkDocument(r.Text("id"), false, null, r.NullableText("soort"), r.NullableText("titel"), null, null, r.NullableDate("datum"),
                    r.NullableText("document_nummer"), r.NullableText("volgnummer"), null, r.NullableText("dossier_id"), r.NullableText("content_type"), null),
                r.Text("state"), r.Int("attempts"), r.NullableText("letter_file")),
            ct);
    }

    public async Task<string?> LetterFileOfAsync(string documentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ScalarAsync<string?>("SELECT letter_file FROM source_documents WHERE id = @documentId", new { documentId }, ct);
    }

    /// <summary>
    /// Records a new run. A run of the same source still marked running did not finish: its process was stopped (a kill,
    /// a crash, a restart) and one process runs one sync at a time, so it is marked interrupted (a QA pass: after a kill -9
    /// it stayed "bezig (of afgebroken)" for good). Should another process still be running it, its own finish overwrites
    /// the mark.
    /// </summary>
    public async Task<long> StartRunAsync(string source, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"UPDATE source_runs SET outcome = 'interrupted', finished_at = {D.Timestamp("@now")} WHERE source = @source AND outcome = 'running'",
            new { source, now = Now() }, ct);
        return await connection.ScalarAsync<long>(
            $"INSERT INTO source_runs (source, started_at, outcome) VALUES (@source, {D.Timestamp("@now")}, 'running') RETURNING id",
            new { source, now = Now() }, ct);
    }

    public async Task FinishRunAsync(long id, string outcome, int entries, int letters, int failures, string? summary, string? error, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            UPDATE source_runs SET finished_at = {D.Timestamp("@now")}, outcome = @outcome, entries = @entries, letters = @letters,
                failures = @failures, summary = @summary, error = @error
            WHERE id = @id
            """,
            new { id, outcome, entries, letters, failures, summary, error, now = Now() }, ct);
    }

    public async Task<IReadOnlyList<SourceRun>> LatestRunsAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM source_runs ORDER BY id DESC LIMIT @count", new { count },
            r => new SourceRun(r.Long("id"), r.Timestamp("started_at"), r.NullableTimestamp("finished_at"), r.Text("outcome"), r.Int("entries"),
                r.Int("letters"), r.Int("failures"), r.NullableText("summary"), r.NullableText("error")), ct);
    }

    public async Task<IReadOnlyList<(string Id, string? Title, string? Failure, int Attempts)>> FailedDocumentsAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT id, titel, failure, attempts FROM source_documents WHERE state = 'failed' ORDER BY updated_at DESC, id LIMIT @count", new { count },
            r => (r.Text("id"), r.NullableText("titel"), r.NullableText("failure"), r.Int("attempts")), ct);
    }

    /// <summary>
    /// Per official promise ("letter" id <c>tk-toezegging-&lt;nummer&gt;</c>) what it is about beyond its own text: the
    /// kind, onderwerp and lead committee of the activity (debate) where it was made, when that activity is known.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> PromiseSubjectsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryRowsAsync(
            """
            SELECT p.nummer, a.soort, a.onderwerp, a.voortouwnaam FROM source_promises p
            JOIN source_activities a ON a.id = p.activiteit_id
            WHERE p.deleted = FALSE AND p.nummer IS NOT NULL
            """, null,
            r => (Nummer: r.Text("nummer"), Subject: string.Join(", ", new[] { r.NullableText("soort"), r.NullableText("onderwerp"), r.NullableText("voortouwnaam") }
                .Where(v => !string.IsNullOrWhiteSpace(v)))), ct);
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (nummer, subject) in rows.Where(r => r.Subject.Length > 0))
        {
            subjects[OfficialPromises.LetterIdPrefix + nummer] = subject;
        }
        return subjects;
    }

    public async Task<SourceCounts> CountsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        async Task<long> Count(string sql) => await connection.ScalarAsync<long>(sql, null, ct);
        return new SourceCounts(
            await Count("SELECT COUNT(*) FROM source_documents WHERE state <> 'deleted'"),
            await Count("SELECT COUNT(*) FROM source_documents WHERE state = 'synced'"),
            await Count("SELECT COUNT(*) FROM source_documents WHERE state = 'failed'"),
            await Count("SELECT COUNT(*) FROM source_documents WHERE state = 'pending'"),
            await Count("SELECT COUNT(*) FROM source_promises WHERE deleted = FALSE"),
            await Count("SELECT COUNT(*) FROM source_activities WHERE deleted = FALSE"),
            await Count("SELECT COUNT(*) FROM source_activities WHERE deleted = FALSE AND meeting_key IS NOT NULL"));
    }

    private async Task WriteAsync(DbConnection c, DbTransaction tx, PageWrites writes, CancellationToken ct)
    {
        var now = Now();
        foreach (var d in writes.Dossiers)
        {
            await c.ExecuteAsync(
                $"""
                INSERT INTO source_dossiers (id, nummer, toevoeging, titel, deleted, updated_at)
                VALUES (@Id, @Nummer, @Toevoeging, @Titel, @Deleted, {D.Timestamp("@now")})
                ON CONFLICT (id) DO UPDATE SET nummer = excluded.nummer, toevoeging = excluded.toevoeging, titel = excluded.titel,
                    deleted = excluded.deleted, updated_at = excluded.updated_at
                """,
                new { d.Id, d.Nummer, d.Toevoeging, d.Titel, d.Deleted, now }, ct, tx);
        }
        foreach (var w in writes.Documents)
        {
            await WriteDocumentAsync(c, tx, w, now, ct);
        }
        foreach (var p in writes.Promises)
        {
            await WritePromiseAsync(c, tx, p, now, ct);
        }
        foreach (var a in writes.Activities)
        {
            await WriteActivityAsync(c, tx, a, now, ct);
        }
    }

    private async Task WriteDocumentAsync(DbConnection c, DbTransaction tx, DocumentWrite w, string now, CancellationToken ct)
    {
        var d = w.Document;
        await c.ExecuteAsync(
            $"""
            INSERT INTO source_documents (id, document_nummer, soort, titel, datum, dossier_id, volgnummer, content_type, state, failure,
                attempts, letter_file, text_format, updated_at)
            VALUES (@Id, @DocumentNummer, @Soort, @Titel, {D.Date("@Datum")}, @Dossier, @Volgnummer, @ContentType, @State, @Failure,
                @Attempts, @LetterFile, @Format, {D.Timestamp("@now")})
            ON CONFLICT (id) DO UPDATE SET document_nummer = COALESCE(excluded.document_nummer, source_documents.document_nummer),
                soort = COALESCE(excluded.soort, source_documents.soort), titel = COALESCE(excluded.titel, source_documents.titel),
                datum = COALESCE(excluded.datum, source_documents.datum), dossier_id = COALESCE(excluded.dossier_id, source_documents.dossier_id),
                volgnummer = COALESCE(excluded.volgnummer, source_documents.volgnummer),
                content_type = COALESCE(excluded.content_type, source_documents.content_type),
                state = excluded.state, failure = excluded.failure,
                attempts = CASE WHEN @CountAttempt THEN source_documents.attempts + 1 ELSE excluded.attempts END,
                letter_file = COALESCE(excluded.letter_file, source_documents.letter_file),
                text_format = COALESCE(excluded.text_format, source_documents.text_format), updated_at = excluded.updated_at
            """,
            new
            {
                d.Id, d.DocumentNummer, d.Soort, Titel = d.CiteerTitel ?? d.Titel ?? d.Onderwerp, Datum = DbValues.Date(d.Datum),
                Dossier = d.KamerstukdossierId, d.Volgnummer, d.ContentType, w.State, w.Failure,
                Attempts = w.CountAttempt ? 1 : 0, w.CountAttempt, w.LetterFile, Format = w.File?.Format, now,
            }, ct, tx);
        if (w.File is { } file)
        {
            await c.ExecuteAsync(
                $"""
                INSERT INTO source_files (document_id, content_type, origin, content, fetched_at)
                VALUES (@Id, @ContentType, @Origin, @Content, {D.Timestamp("@now")})
                ON CONFLICT (document_id) DO UPDATE SET content_type = excluded.content_type, origin = excluded.origin,
                    content = excluded.content, fetched_at = excluded.fetched_at
                """,
                new { d.Id, file.ContentType, file.Origin, file.Content, now }, ct, tx);
        }
        if (w.Letter is { } letter)
        {
            await UpsertLetterAsync(c, tx, letter, now, ct);
        }
        if (w.RemoveLetter && w.LetterFile is { } removed)
        {
            await DeleteLetterAsync(c, tx, removed, now, ct);
        }
    }

    // The letter store's semantics (LetterStore), inside this transaction: an unchanged hash takes no new version;
    // every change takes the next store-wide version, serialised on PostgreSQL so followers never miss one.
    private async Task UpsertLetterAsync(DbConnection c, DbTransaction tx, SyncedLetter letter, string now, CancellationToken ct)
    {
        if (D.SerializeLetterVersionsSql is { } serialize)
        {
            await c.ExecuteAsync(serialize, null, ct, tx);
        }
        var current = await c.QuerySingleRowAsync(
            "SELECT content_hash, deleted FROM letters WHERE source_file = @SourceFile", new { letter.SourceFile },
            r => new Tuple<string, bool>(r.Text("content_hash"), r.Bool("deleted")), ct, tx);
        if (current is not null && current.Item1 == letter.ContentHash && !current.Item2)
        {
            return;
        }
        var version = await c.ScalarAsync<long>(D.NextLetterVersionSql, null, ct, tx);
        await c.ExecuteAsync(
            $"""
            INSERT INTO letters (source_file, content_hash, raw_text, version, deleted, updated_at)
            VALUES (@SourceFile, @ContentHash, @Text, @version, FALSE, {D.Timestamp("@now")})
            ON CONFLICT (source_file) DO UPDATE SET content_hash = excluded.content_hash, raw_text = excluded.raw_text,
                version = excluded.version, deleted = FALSE, updated_at = excluded.updated_at
            """,
            new { letter.SourceFile, letter.ContentHash, letter.Text, version, now }, ct, tx);
    }

    private async Task DeleteLetterAsync(DbConnection c, DbTransaction tx, string sourceFile, string now, CancellationToken ct)
    {
        if (D.SerializeLetterVersionsSql is { } serialize)
        {
            await c.ExecuteAsync(serialize, null, ct, tx);
        }
        var live = await c.ScalarAsync<long>("SELECT COUNT(*) FROM letters WHERE source_file = @sourceFile AND deleted = FALSE", new { sourceFile }, ct, tx);
        if (live == 0)
        {
            return;
        }
        var version = await c.ScalarAsync<long>(D.NextLetterVersionSql, null, ct, tx);
        await c.ExecuteAsync(
            $"UPDATE letters SET deleted = TRUE, version = @version, updated_at = {D.Timestamp("@now")} WHERE source_file = @sourceFile",
            new { sourceFile, version, now }, ct, tx);
    }

    private async Task WritePromiseAsync(DbConnection c, DbTransaction tx, TkToezegging p, string now, CancellationToken ct)
    {
        await c.ExecuteAsync(
            $"""
            INSERT INTO source_promises (id, nummer, tekst, naam, functie, ministerie, status, aanmaakdatum, datum_nakoming,
                kamerbrief_nakoming, activiteit_id, deleted, updated_at)
            VALUES (@Id, @Nummer, @Tekst, @Naam, @Functie, @Ministerie, @Status, {D.Date("@Aanmaak")}, {D.Date("@Nakoming")},
                @KamerbriefNakoming, @ActiviteitId, @Deleted, {D.Timestamp("@now")})
            ON CONFLICT (id) DO UPDATE SET nummer = COALESCE(excluded.nummer, source_promises.nummer), tekst = excluded.tekst,
                naam = excluded.naam, functie = excluded.functie, ministerie = excluded.ministerie, status = excluded.status,
                aanmaakdatum = excluded.aanmaakdatum, datum_nakoming = excluded.datum_nakoming,
                kamerbrief_nakoming = excluded.kamerbrief_nakoming, activiteit_id = excluded.activiteit_id,
                deleted = excluded.deleted, updated_at = excluded.updated_at
            """,
            new
            {
                p.Id, p.Nummer, p.Tekst, p.Naam, p.Functie, p.Ministerie, p.Status, Aanmaak = DbValues.Date(p.Aanmaakdatum),
                Nakoming = DbValues.Date(p.DatumNakoming), p.KamerbriefNakoming, p.ActiviteitId, p.Deleted, now,
            }, ct, tx);

        // The register row. A deleted entity (which may come without its number) is found through source_promises.
        var nummer = p.Nummer ?? await c.ScalarAsync<string?>("SELECT nummer FROM source_promises WHERE id = @Id", new { p.Id }, ct, tx);
        if (nummer is null)
        {
            return;
        }
        var key = OfficialPromiseKeyPrefix + nummer;
        if (p.Deleted)
        {
            await c.ExecuteAsync("DELETE FROM promises WHERE promise_key = @key AND admin_changed = FALSE", new { key }, ct, tx);
            return;
        }
        var textless = string.IsNullOrWhiteSpace(p.Tekst);
        var row = OfficialPromises.ToRegisterRow(p with { Nummer = nummer });
        var values = new
        {
            Key = key, row.LetterId, row.Sentence, row.Actor, row.What, row.DeadlinePhrase, DueDate = DbValues.Date(row.DueDate),
            LetterDate = DbValues.Date(row.MadeOn), Status = row.Status.ToString(), now, Textless = textless,
        };
        // The register's status follows the official one until an admin decides otherwise (admin_changed). An update
        // without its text is a broken entry, not a deletion: the promise keeps its text and number, the rest is
        // updated (a QA pass: it was deleted, and came back under a new number once the text was in the feed again);
        // a new one without text has nothing to show and waits for its text.
        var updated = await c.ExecuteAsync(
            $"""
            UPDATE promises SET letter_id = @LetterId, sentence = CASE WHEN @Textless THEN sentence ELSE @Sentence END, start_offset = 0, end_offset = 0,
                actor = @Actor, what = CASE WHEN @Textless THEN what ELSE @What END,
                deadline_phrase = @DeadlinePhrase, due_date = {D.Date("@DueDate")}, confidence = 1, letter_date = {D.Date("@LetterDate")},
                status = CASE WHEN admin_changed THEN status ELSE @Status END, updated_at = {D.Timestamp("@now")}
            WHERE promise_key = @Key
            """,
            values, ct, tx);
        if (updated == 0 && !textless)
        {
            await c.ExecuteAsync(
                $"""
                INSERT INTO promises (promise_key, letter_id, sentence, start_offset, end_offset, actor, what, deadline_phrase, due_date,
                    confidence, letter_date, status, created_at, updated_at)
                VALUES (@Key, @LetterId, @Sentence, 0, 0, @Actor, @What, @DeadlinePhrase, {D.Date("@DueDate")}, 1,
                    {D.Date("@LetterDate")}, @Status, {D.Timestamp("@now")}, {D.Timestamp("@now")})
                ON CONFLICT (promise_key) DO NOTHING
                """,
                values, ct, tx);
        }
    }

    private async Task WriteActivityAsync(DbConnection c, DbTransaction tx, ActivityWrite w, string now, CancellationToken ct)
    {
        var a = w.Activity;
        var previousKey = await c.ScalarAsync<string?>("SELECT meeting_key FROM source_activities WHERE id = @Id", new { a.Id }, ct, tx);
        await c.ExecuteAsync(
            $"""
            INSERT INTO source_activities (id, nummer, soort, onderwerp, datum, aanvangstijd, eindtijd, status, voortouwnaam, meeting_key, deleted, updated_at)
            VALUES (@Id, @Nummer, @Soort, @Onderwerp, {D.Date("@Datum")}, @Aanvang, @Einde, @Status, @Voortouwnaam, @MeetingKey, @Deleted, {D.Timestamp("@now")})
            ON CONFLICT (id) DO UPDATE SET nummer = COALESCE(excluded.nummer, source_activities.nummer), soort = excluded.soort,
                onderwerp = excluded.onderwerp, datum = excluded.datum, aanvangstijd = excluded.aanvangstijd, eindtijd = excluded.eindtijd,
                status = excluded.status, voortouwnaam = excluded.voortouwnaam, meeting_key = excluded.meeting_key,
                deleted = excluded.deleted, updated_at = excluded.updated_at
            """,
            new
            {
                a.Id, a.Nummer, a.Soort, a.Onderwerp, Datum = DbValues.Date(a.Datum), Aanvang = a.Aanvang?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Einde = a.Einde?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), a.Status, a.Voortouwnaam,
                MeetingKey = w.Meeting?.Key, a.Deleted, now,
            }, ct, tx);

        if (previousKey is not null && previousKey != w.Meeting?.Key)
        {
            // Moved, cancelled, deleted or no longer followed: the imported row goes unless an admin took it over.
            await c.ExecuteAsync(
                $"DELETE FROM meetings WHERE meeting_key = @previousKey AND origin = '{Imported}' AND admin_locked = FALSE",
                new { previousKey }, ct, tx);
        }
        if (w.Meeting is { } m)
        {
            var values = new { m.Key, m.Type, Date = DbValues.Date(m.Date), m.Location, m.Title, now };
            var updated = await c.ExecuteAsync(
                $"""
                UPDATE meetings SET start_date = {D.Date("@Date")}, end_date = {D.Date("@Date")}, location = @Location, title = @Title,
                    updated_at = {D.Timestamp("@now")}
                WHERE meeting_key = @Key AND admin_locked = FALSE
                """,
                values, ct, tx);
            if (updated == 0)
            {
                await c.ExecuteAsync(
                    $"""
                    INSERT INTO meetings (meeting_key, type, start_date, end_date, location, title, origin, created_at, updated_at)
                    VALUES (@Key, @Type, {D.Date("@Date")}, {D.Date("@Date")}, @Location, @Title, '{Imported}', {D.Timestamp("@now")}, {D.Timestamp("@now")})
                    ON CONFLICT (meeting_key) DO NOTHING
                    """,
                    values, ct, tx);
            }
        }
    }

    private string Now() => DbValues.Timestamp(time.GetUtcNow());

    private static SourceCursor MapCursor(DbRow r) =>
        new(r.Text("category"), r.NullableText("skiptoken"), r.Long("entries"), r.NullableTimestamp("caught_up_at"), r.Timestamp("updated_at"));
}
