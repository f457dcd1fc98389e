using System.Collections.Concurrent;
using Briefingbot.Storage;

namespace Briefingbot.Tests.Briefings.Fakes;

/// <summary>Hand-written store fake with the contract's semantics (until the SQLite store lands on main).</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<string, Subscription> _rows = new(StringComparer.Ordinal);

    public Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default) =>
        Task.FromResult(_rows.TryGetValue(conversationId, out var s) ? s : null);

    public Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Subscription>>(_rows.Values.Where(s => status is null || s.Status == status).OrderBy(s => s.ConversationId, StringComparer.Ordinal).ToList());

    public Task UpsertAsync(Subscription subscription, CancellationToken ct = default)
    {
        _rows[subscription.ConversationId] = subscription;
        return Task.CompletedTask;
    }

    public Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        _rows.AddOrUpdate(conversationId, _ => throw new KeyNotFoundException(conversationId), (_, s) => s with { Status = status, StatusReason = reason, UpdatedAt = at });
        return Task.CompletedTask;
    }
}
