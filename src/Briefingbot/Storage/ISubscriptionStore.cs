namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default);
    Task UpsertAsync(Subscription subscription, CancellationToken ct = default);
    Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default);
}
