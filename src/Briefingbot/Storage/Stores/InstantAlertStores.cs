using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>A conversation that asked for an alert within the hour of a matching new letter (<c>abonneer direct</c>).</summary>
public sealed record InstantAlertSubscription(string ConversationId, DateTimeOffset EnabledAt, string EnabledBy);

/// <summary>Which conversations get instant alerts (table <c>instant_alert_subscriptions</c>, migration 5).</summary>
public sealed class InstantAlertSubscriptions(StoreDatabase database)
{
    private ISqlDialect D => database.Dialect;

    /// <summary>Turns alerts on; false when they were already on (the original moment is kept).</summary>
    public async Task<bool> EnableAsync(string conversationId, string enabledBy, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"""
            INSERT INTO instant_alert_subscriptions (conversation_id, enabled_at, enabled_by)
            VALUES (@conversationId, {D.Timestamp("@now")}, @enabledBy)
            ON CONFLICT (conversation_id) DO NOTHING
            """,
            new { conversationId, enabledBy, now = DbValues.Timestamp(now) }, ct) == 1;
    }

    /// <summary>Turns alerts off; false when they were not on.</summary>
    public async Task<bool> DisableAsync(string conversationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            "DELETE FROM instant_alert_subscriptions WHERE conversation_id = @conversationId", new { conversationId }, ct) == 1;
    }

    public async Task<InstantAlertSubscription?> GetAsync(string conversationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            "SELECT * FROM instant_alert_subscriptions WHERE conversation_id = @conversationId", new { conversationId }, Map, ct);
    }

    public async Task<IReadOnlyList<InstantAlertSubscription>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync("SELECT * FROM instant_alert_subscriptions ORDER BY conversation_id", null, Map, ct);
    }

    private static InstantAlertSubscription Map(DbRow r) => new(r.Text("conversation_id"), r.Timestamp("enabled_at"), r.Text("enabled_by"));
}

/// <summary>What became of one (conversation, letter) alert.</summary>
public enum LetterAlertState { Claimed, Sent, Failed, Gone }

/// <summary>One row of the alert ledger.</summary>
public sealed record LetterAlertRecord(
    string ConversationId, string LetterId, LetterAlertState State, int Attempts, string ClaimToken,
    DateTimeOffset ClaimedAt, DateTimeOffset? CompletedAt, string? ActivityId, string? Error);

/// <summary>
/// The at-most-once guard of instant alerts: a row per (conversation, letter), claimed with a unique token before
/// sending and marked sent after, only by the holder of that token (fenced). A claim is one atomic
/// INSERT … ON CONFLICT DO UPDATE … WHERE, so of any number of concurrent senders (retries, restarts, other instances)
/// exactly one gets it. Unlike the weekly briefing, a claim left behind by a sender that died mid-send is never taken
/// over: the Bot Connector cannot tell whether that message arrived, and a missing alert is better than a second one
/// (the letter still appears in the weekly briefing). Only a send that definitely failed is retried, up to the limit.
/// </summary>
public sealed class LetterAlertLedger(StoreDatabase database)
{
    private const string Claimed = nameof(LetterAlertState.Claimed);
    private const string Sent = nameof(LetterAlertState.Sent);
    private const string Failed = nameof(LetterAlertState.Failed);

    private ISqlDialect D => database.Dialect;

    public async Task<bool> TryClaimAsync(string conversationId, string letterId, string claimToken, DateTimeOffset now, int maxAttempts, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var affected = await connection.ExecuteAsync(
            $"""
            INSERT INTO letter_alerts (conversation_id, letter_id, state, attempts, claim_token, claimed_at)
            VALUES (@conversationId, @letterId, '{Claimed}', 1, @claimToken, {D.Timestamp("@now")})
            ON CONFLICT (conversation_id, letter_id) DO UPDATE SET
                state = '{Claimed}',
                attempts = letter_alerts.attempts + 1,
                claim_token = excluded.claim_token,
                claimed_at = excluded.claimed_at,
                completed_at = NULL,
                error = NULL
            WHERE letter_alerts.state = '{Failed}' AND letter_alerts.attempts < @maxAttempts
            """,
            new { conversationId, letterId, claimToken, now = DbValues.Timestamp(now), maxAttempts }, ct);
        return affected == 1;
    }

    /// <summary>Marks the alert sent, only for the claim holder; false when the claim is no longer this token's.</summary>
    public async Task<bool> MarkSentAsync(string conversationId, string letterId, string claimToken, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"""
            UPDATE letter_alerts SET state = '{Sent}', completed_at = {D.Timestamp("@now")}, activity_id = @activityId, error = NULL
            WHERE conversation_id = @conversationId AND letter_id = @letterId AND claim_token = @claimToken AND state = '{Claimed}'
            """,
            new { conversationId, letterId, claimToken, activityId, now = DbValues.Timestamp(now) }, ct) == 1;
    }

    /// <summary>Marks the claim Failed (retried later) or Gone (final), only for the claim holder.</summary>
    public async Task<bool> MarkFailedAsync(string conversationId, string letterId, string claimToken, LetterAlertState state, string error, DateTimeOffset now, CancellationToken ct = default)
    {
        if (state is not (LetterAlertState.Failed or LetterAlertState.Gone))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "An alert can only be marked Failed or Gone.");
        }
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(
            $"""
            UPDATE letter_alerts SET state = @state, completed_at = {D.Timestamp("@now")}, error = @error
            WHERE conversation_id = @conversationId AND letter_id = @letterId AND claim_token = @claimToken AND state = '{Claimed}'
            """,
            new { conversationId, letterId, claimToken, state = state.ToString(), error, now = DbValues.Timestamp(now) }, ct) == 1;
    }

    public async Task<IReadOnlyList<LetterAlertRecord>> ListAsync(string? conversationId = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM letter_alerts WHERE @conversationId IS NULL OR conversation_id = @conversationId ORDER BY conversation_id, letter_id",
            new { conversationId }, Map, ct);
    }

    private static LetterAlertRecord Map(DbRow r) => new(
        r.Text("conversation_id"), r.Text("letter_id"), r.Enum<LetterAlertState>("state"), r.Int("attempts"), r.Text("claim_token"),
        r.Timestamp("claimed_at"), r.NullableTimestamp("completed_at"), r.NullableText("activity_id"), r.NullableText("error"));
}
