namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default);
    Task UpsertAsync(Subscription subscription, CancellationToken ct = default);
    Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Sets the status only when the subscription is in one of <paramref name="from"/>, in one step: true if this call
    /// changed it. Two events of one change (Teams sends two for one removal of the bot) then act once, also when they
    /// arrive together or at two instances.
    /// </summary>
    Task<bool> ChangeStatusAsync(string conversationId, IReadOnlyCollection<SubscriptionStatus> from, SubscriptionStatus to, string? reason, DateTimeOffset at, CancellationToken ct = default);
}
