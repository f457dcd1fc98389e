using Briefingbot.Dossiers.Promises;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>
/// The promise register: extraction supplies the facts, admins supply the status. Re-extraction refreshes the facts
/// and never touches status; a promise an admin has changed is never removed by extraction.
/// </summary>
public sealed class PromiseRegister(StoreDatabase database) : IPromiseRegister
{
    private ISqlDialect D => database.Dialect;

    public async Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> promises, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var nowText = DbValues.Timestamp(now);
        foreach (var promise in promises.DistinctBy(p => p.Key))
        {
            var values = new
            {
                promise.Key,
                LetterId = letterId,
                promise.Sentence,
                promise.Start,
                promise.End,
                promise.Actor,
                promise.What,
                promise.DeadlinePhrase,
                DueDate = DbValues.Date(promise.DueDate),
                promise.Confidence,
                LetterDate = DbValues.Date(letterDate),
                Now = nowText,
            };
            // Update first, insert only when new: an INSERT ... ON CONFLICT would draw a number from PostgreSQL's
            // identity sequence on every re-ingest and leave gaps; register numbers should stay small.
            var updated = await connection.ExecuteAsync(
                $"""
                UPDATE promises SET letter_id = @LetterId, sentence = @Sentence, start_offset = @Start, end_offset = @End,
                    actor = @Actor, what = @What, deadline_phrase = @DeadlinePhrase, due_date = {D.Date("@DueDate")},
                    confidence = @Confidence, letter_date = {D.Date("@LetterDate")}, updated_at = {D.Timestamp("@Now")}
                WHERE promise_key = @Key
                """,
                values, ct, tx);
            if (updated == 0)
            {
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO promises (promise_key, letter_id, sentence, start_offset, end_offset, actor, what,
                        deadline_phrase, due_date, confidence, letter_date, status, created_at, updated_at)
                    VALUES (@Key, @LetterId, @Sentence, @Start, @End, @Actor, @What, @DeadlinePhrase,
                        {D.Date("@DueDate")}, @Confidence, {D.Date("@LetterDate")}, '{nameof(PromiseStatus.Open)}',
                        {D.Timestamp("@Now")}, {D.Timestamp("@Now")})
                    ON CONFLICT (promise_key) DO NOTHING
                    """,
                    values, ct, tx);
            }
        }

        // Promises the letter no longer makes (it changed) go, unless an admin has decided about them.
        var keys = promises.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var existing = await connection.QueryRowsAsync(
            "SELECT number, promise_key FROM promises WHERE letter_id = @letterId AND admin_changed = FALSE",
            new { letterId }, r => (Number: r.Long("number"), Key: r.Text("promise_key")), ct, tx);
        foreach (var stale in existing.Where(e => !keys.Contains(e.Key)))
        {
            await connection.ExecuteAsync("DELETE FROM promises WHERE number = @Number", new { stale.Number }, ct, tx);
        }
        await tx.CommitAsync(ct);
    }

    public async Task RemoveLetterAsync(string letterId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "DELETE FROM promises WHERE letter_id = @letterId AND admin_changed = FALSE", new { letterId }, ct);
    }

    public async Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync("SELECT * FROM promises WHERE number = @number", new { number }, Map, ct);
    }

    public async Task<IReadOnlyList<PromiseRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync("SELECT * FROM promises ORDER BY number", null, Map, ct);
    }

    public async Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var values = new { number, status = status.ToString(), link, changedBy, now = DbValues.Timestamp(now) };
        var updated = await connection.ExecuteAsync(
            $"""
            UPDATE promises SET status = @status, fulfilled_by = @link, admin_changed = TRUE, updated_at = {D.Timestamp("@now")}
            WHERE number = @number
            """,
            values, ct, tx);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"Promise {number} is not in the register.");
        }
        await connection.ExecuteAsync(
            $"""
            INSERT INTO promise_status_history (number, status, link, changed_by, changed_at)
            VALUES (@number, @status, @link, @changedBy, {D.Timestamp("@now")})
            """,
            values, ct, tx);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM promise_status_history WHERE number = @number ORDER BY id",
            new { number },
            r => new PromiseStatusChange(
                r.Long("number"), r.Enum<PromiseStatus>("status"), r.NullableText("link"), r.Text("changed_by"), r.Timestamp("changed_at")),
            ct);
    }

    private static PromiseRecord Map(DbRow r) => new(
        r.Long("number"),
        r.Text("promise_key"),
        r.Text("letter_id"),
        r.Text("sentence"),
        r.Int("start_offset"),
        r.Int("end_offset"),
        r.NullableText("actor"),
        r.Text("what"),
        r.NullableText("deadline_phrase"),
        r.NullableDate("due_date"),
        r.Double("confidence"),
        r.NullableDate("letter_date"),
        r.Enum<PromiseStatus>("status"),
        r.NullableText("fulfilled_by"),
        r.Timestamp("created_at"),
        r.Timestamp("updated_at"));
}
