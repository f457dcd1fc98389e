using Briefingbot.Storage;

namespace Briefingbot.Tests.Briefings.Fakes;

/// <summary>The ledger contract in memory: atomic claims, stale takeover, attempts counted per claim.</summary>
public sealed class InMemoryDeliveryLedger(int maxAttempts = 3) : IDeliveryLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), Delivery> _rows = [];

    public IReadOnlyList<Delivery> All
    {
        get { lock (_lock) { return _rows.Values.ToList(); } }
    }

    public Task<bool> TryClaimAsync(string conversationId, string periodKey, string claimedBy, DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var key = (conversationId, periodKey);
            if (!_rows.TryGetValue(key, out var row))
            {
                _rows[key] = new Delivery(conversationId, periodKey, DeliveryState.Claimed, 1, claimedBy, now, null, null, null);
                return Task.FromResult(true);
            }
            var may = row.State switch
            {
                DeliveryState.Claimed => row.ClaimedAt <= now - staleAfter, // as the SQL ledger: claimed_at <= staleBefore
                DeliveryState.Failed => row.Attempts < maxAttempts,
                _ => false,
            };
            if (may)
            {
                _rows[key] = row with { State = DeliveryState.Claimed, Attempts = row.Attempts + 1, ClaimedBy = claimedBy, ClaimedAt = now, Error = row.Error };
            }
            return Task.FromResult(may);
        }
    }

    public Task MarkSentAsync(string conversationId, string periodKey, string? activityId, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var key = (conversationId, periodKey);
            _rows[key] = _rows[key] with { State = DeliveryState.Sent, CompletedAt = now, ActivityId = activityId, Error = null };
        }
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(string conversationId, string periodKey, DeliveryState state, string error, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var key = (conversationId, periodKey);
            _rows[key] = _rows[key] with { State = state, CompletedAt = now, Error = error };
        }
        return Task.CompletedTask;
    }

    public Task<Delivery?> GetAsync(string conversationId, string periodKey, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue((conversationId, periodKey), out var row) ? row : null);
        }
    }

    public Task<IReadOnlyList<Delivery>> ListAsync(DeliveryState? state = null, int limit = 100, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Delivery>>(_rows.Values.Where(r => state is null || r.State == state)
                .OrderByDescending(r => r.CompletedAt ?? r.ClaimedAt).Take(limit).ToList());
        }
    }

    public Task<Delivery?> LastSentAsync(string conversationId, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Values.Where(r => r.ConversationId == conversationId && r.State == DeliveryState.Sent)
                .OrderByDescending(r => r.CompletedAt).FirstOrDefault());
        }
    }
}
