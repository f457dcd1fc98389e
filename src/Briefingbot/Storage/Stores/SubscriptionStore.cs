using System.Text.Json;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>One subscription per conversation; topics are kept as a JSON array of names.</summary>
public sealed class SubscriptionStore(StoreDatabase database) : ISubscriptionStore
{
    private ISqlDialect D => database.Dialect;

    public async Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleRowAsync(
            "SELECT * FROM subscriptions WHERE conversation_id = @conversationId", new { conversationId }, Map, ct);
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT * FROM subscriptions WHERE @status IS NULL OR status = @status ORDER BY conversation_id",
            new { status = status?.ToString() }, Map, ct);
    }

    public async Task UpsertAsync(Subscription subscription, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.ConversationId);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO subscriptions (conversation_id, tenant_id, topics, day_of_week, time_of_day, time_zone, status,
                                       status_reason, created_by, created_at, updated_at, team_id)
            VALUES (@ConversationId, @TenantId, {D.Json("@Topics")}, @DayOfWeek, {D.Time("@TimeOfDay")}, @TimeZone, @Status,
                    @StatusReason, @CreatedBy, {D.Timestamp("@CreatedAt")}, {D.Timestamp("@UpdatedAt")}, @TeamId)
            ON CONFLICT (conversation_id) DO UPDATE SET
                tenant_id = excluded.tenant_id,
                topics = excluded.topics,
                day_of_week = excluded.day_of_week,
                time_of_day = excluded.time_of_day,
                time_zone = excluded.time_zone,
                status = excluded.status,
                status_reason = excluded.status_reason,
                updated_at = excluded.updated_at,
                team_id = COALESCE(excluded.team_id, subscriptions.team_id)
            """,
            new
            {
                subscription.ConversationId,
                subscription.TenantId,
                Topics = JsonSerializer.Serialize(subscription.Topics),
                DayOfWeek = (int)subscription.DayOfWeek,
                TimeOfDay = DbValues.Time(subscription.TimeOfDay),
                subscription.TimeZone,
                Status = subscription.Status.ToString(),
                subscription.StatusReason,
                subscription.CreatedBy,
                CreatedAt = DbValues.Timestamp(subscription.CreatedAt),
                UpdatedAt = DbValues.Timestamp(subscription.UpdatedAt),
                subscription.TeamId,
            },
            ct);
    }

    public async Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            $"""
            UPDATE subscriptions SET status = @status, status_reason = @reason, updated_at = {D.Timestamp("@at")}
            WHERE conversation_id = @conversationId
            """,
            new { conversationId, status = status.ToString(), reason, at = DbValues.Timestamp(at) }, ct);
    }

    public async Task<bool> ChangeStatusAsync(string conversationId, IReadOnlyCollection<SubscriptionStatus> from, SubscriptionStatus to, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        if (from.Count == 0)
        {
            return false;
        }
        // The statuses are enum names, never user text: written into the statement as literals.
        var allowed = string.Join(", ", from.Select(s => $"'{s}'"));
        await using var connection = await database.OpenAsync(ct);
        var changed = await connection.ExecuteAsync(
            $"""
            UPDATE subscriptions SET status = @status, status_reason = @reason, updated_at = {D.Timestamp("@at")}
            WHERE conversation_id = @conversationId AND status IN ({allowed})
            """,
            new { conversationId, status = to.ToString(), reason, at = DbValues.Timestamp(at) }, ct);
        return changed > 0;
    }

    public async Task<IReadOnlyList<string>> ListTeamConversationsAsync(string teamId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryRowsAsync(
            "SELECT conversation_id FROM subscriptions WHERE team_id = @teamId OR conversation_id = @teamId ORDER BY conversation_id",
            new { teamId }, r => r.Text("conversation_id"), ct);
    }

    public async Task RememberTeamAsync(string conversationId, string teamId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE subscriptions SET team_id = @teamId WHERE conversation_id = @conversationId AND team_id IS NULL",
            new { conversationId, teamId }, ct);
    }

    private static Subscription Map(DbRow r) => new(
        r.Text("conversation_id"),
        r.NullableText("tenant_id"),
        JsonSerializer.Deserialize<string[]>(r.Text("topics")) ?? [],
        (DayOfWeek)r.Int("day_of_week"),
        r.Time("time_of_day"),
        r.Text("time_zone"),
        r.Enum<SubscriptionStatus>("status"),
        r.NullableText("status_reason"),
        r.Text("created_by"),
        r.Timestamp("created_at"),
        r.Timestamp("updated_at"),
        r.NullableText("team_id"));
}
