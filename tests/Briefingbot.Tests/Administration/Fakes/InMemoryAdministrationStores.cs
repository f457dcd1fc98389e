using Briefingbot.Storage;

namespace Briefingbot.Tests.Administration.Fakes;

// Hand-written in-memory stand-ins for the storage contract (the Briefings tests use them; the administration and
// register tests run on the real SQLite store). They keep the contract's
// documented semantics (return values, upsert by key) so the command tests exercise real behaviour.

public sealed class InMemoryAdminStore : IAdminStore
{
    private readonly Dictionary<string, string?> admins = new(StringComparer.OrdinalIgnoreCase);

    public Task<bool> IsAdminAsync(string aadObjectId, CancellationToken ct = default) => Task.FromResult(admins.ContainsKey(aadObjectId));

    public Task<IReadOnlyList<(string AadObjectId, string? Name)>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<(string, string?)>>(admins.Select(a => (a.Key, a.Value)).ToList());

    public Task<bool> AddAsync(string aadObjectId, string? name, string addedBy, CancellationToken ct = default) =>
        Task.FromResult(admins.TryAdd(aadObjectId, name));

    public Task<bool> RemoveAsync(string aadObjectId, CancellationToken ct = default) => Task.FromResult(admins.Remove(aadObjectId));
}

public sealed class InMemoryAuditLog(TimeProvider time) : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task AppendAsync(string actorAadObjectId, string? actorName, string action, string details, CancellationToken ct = default)
    {
        Entries.Add(new AuditEntry(Entries.Count + 1, time.GetUtcNow(), actorAadObjectId, actorName, action, details));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.OrderByDescending(e => e.Id).Take(count).ToList());
}

public sealed class InMemoryTopicStore : ITopicStore
{
    public Dictionary<string, Topic> Topics { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<Topic?> GetAsync(string name, CancellationToken ct = default) => Task.FromResult(Topics.GetValueOrDefault(name));

    public Task<IReadOnlyList<Topic>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Topic>>(Topics.Values.ToList());

    public Task UpsertAsync(Topic topic, CancellationToken ct = default)
    {
        Topics[topic.Name] = topic;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) => Task.FromResult(Topics.Remove(name));
}

public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default) =>
        Task.FromResult(Subscriptions.GetValueOrDefault(conversationId));

    public Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Subscription>>(Subscriptions.Values.Where(s => status is null || s.Status == status).ToList());

    public Task UpsertAsync(Subscription subscription, CancellationToken ct = default)
    {
        var team = subscription.TeamId ?? Subscriptions.GetValueOrDefault(subscription.ConversationId)?.TeamId;
        Subscriptions[subscription.ConversationId] = subscription with { TeamId = team };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListTeamConversationsAsync(string teamId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>(Subscriptions.Values
            .Where(s => s.TeamId == teamId || s.ConversationId == teamId)
            .Select(s => s.ConversationId).Order(StringComparer.Ordinal).ToList());

    public Task RememberTeamAsync(string conversationId, string teamId, CancellationToken ct = default)
    {
        if (Subscriptions.TryGetValue(conversationId, out var s) && s.TeamId is null)
        {
            Subscriptions[conversationId] = s with { TeamId = teamId };
        }
        return Task.CompletedTask;
    }

    public Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        if (Subscriptions.TryGetValue(conversationId, out var s))
        {
            Subscriptions[conversationId] = s with { Status = status, StatusReason = reason, UpdatedAt = at };
        }
        return Task.CompletedTask;
    }

    public Task<bool> ChangeStatusAsync(string conversationId, IReadOnlyCollection<SubscriptionStatus> from, SubscriptionStatus to, string? reason, DateTimeOffset at, CancellationToken ct = default)
    {
        lock (Subscriptions)
        {
            if (!Subscriptions.TryGetValue(conversationId, out var s) || !from.Contains(s.Status))
            {
                return Task.FromResult(false);
            }
            Subscriptions[conversationId] = s with { Status = to, StatusReason = reason, UpdatedAt = at };
            return Task.FromResult(true);
        }
    }
}
