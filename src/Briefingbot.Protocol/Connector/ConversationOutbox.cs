using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// Replies of inbound turns, so that an inbound request never waits for an outbound slot. A reply goes out at once
/// (within the request) when its conversation and tenant have a permit free and nothing of that conversation is
/// queued; otherwise it waits in the conversation's queue, which a background worker sends in order, paced. Queues
/// are bounded per conversation and in total; when a conversation's queue is full its new messages are not answered
/// and the user is told once (see <see cref="TryNotifyThrottledOnce"/>). On shutdown the queues are drained for up to
/// <see cref="OutboxOptions.DrainTimeout"/>; whatever is left then is logged as lost.
/// </summary>
internal sealed class ConversationOutbox(
    IOptions<BotProtocolOptions> options,
    OutboundPacer pacer,
    TimeProvider time,
    ILogger<ConversationOutbox> logger) : IHostedService, IDisposable
{
    /// <summary>The result of a reply that was queued: accepted for sending (HTTP 202 semantics), no activity id yet.</summary>
    public static ConnectorResult Queued { get; } = new(ConnectorOutcome.Ok, StatusCode: 202, Attempts: 0);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task<ConnectorResult>, byte> _inflight = new();
    private int _total;

    private OutboxOptions Limits => options.Value.Outbox;

    /// <summary>Replies waiting over all conversations.</summary>
    public int Count
    {
        get { lock (_lock) { return _total; } }
    }

    /// <summary>Whether a new message of <paramref name="conversationId"/> would overflow the queues (then it is not answered).</summary>
    public bool IsFull(string conversationId)
    {
        lock (_lock)
        {
            return _total >= Limits.TotalLimit
                || _lanes.TryGetValue(conversationId, out var lane) && lane.Items.Count >= Limits.PerConversationLimit;
        }
    }

    /// <summary>
    /// Sends now if a permit is free and nothing of the conversation waits; otherwise queues. <paramref name="optional"/>
    /// sends (typing) are dropped instead of queued. Queued sends run with the outbox's own lifetime, not the request's.
    /// </summary>
    public async Task<ConnectorResult> SendAsync(
        string conversationId, string? tenantId, Func<CancellationToken, Task<ConnectorResult>> send, bool optional, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_lanes.ContainsKey(conversationId))
            {
                return optional ? Skipped : Enqueue(conversationId, tenantId, send, holdsConversationPermit: false, force: false);
            }
        }

        switch (pacer.TryAcquireNow(conversationId, tenantId))
        {
            case ImmediateVerdict.Go:
                return await SendInlineAsync(conversationId, send, cancellationToken).ConfigureAwait(false);
            case ImmediateVerdict.NotNow when optional:
                return Skipped;
            case ImmediateVerdict.NotNow:
                lock (_lock)
                {
                    return Enqueue(conversationId, tenantId, send, holdsConversationPermit: false, force: false);
                }
            default:
                // The conversation's permit is already spent: the queued send waits for the tenant's only.
                lock (_lock)
                {
                    return Enqueue(conversationId, tenantId, send, holdsConversationPermit: true, force: false);
                }
        }
    }

    /// <summary>
    /// Sends within the request for at most <see cref="OutboxOptions.InlineSendBudget"/>: a connector that is slow or
    /// answers 429 (the client then waits for Retry-After) must not hold the request open. Past the budget the send
    /// carries on in the background (drained on shutdown like the queue) and the caller gets <see cref="Queued"/>.
    /// The send runs with the outbox's lifetime, not the request's: an acknowledged reply is not cancelled with it.
    /// </summary>
    private async Task<ConnectorResult> SendInlineAsync(string conversationId, Func<CancellationToken, Task<ConnectorResult>> send, CancellationToken cancellationToken)
    {
        var task = RunTrackedAsync(conversationId, send);
        if (task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(Limits.InlineSendBudget, time, budget.Token);
        var first = await Task.WhenAny(task, delay).ConfigureAwait(false);
        await budget.CancelAsync().ConfigureAwait(false);
        if (first == task)
        {
            return await task.ConfigureAwait(false);
        }
        Log.InlineSendContinues(logger, conversationId);
        return Queued;
    }

    private Task<ConnectorResult> RunTrackedAsync(string conversationId, Func<CancellationToken, Task<ConnectorResult>> send)
    {
        var task = RunAsync();
        if (!task.IsCompleted)
        {
            _inflight.TryAdd(task, 0);
            _ = task.ContinueWith(t => _inflight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return task;

        async Task<ConnectorResult> RunAsync()
        {
            try
            {
                return await send(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return new ConnectorResult(ConnectorOutcome.Failed, Error: "Shutdown before the reply was sent.", Attempts: 0);
            }
            catch (Exception ex)
            {
                Log.QueuedReplyCrashed(logger, conversationId, ex);
                return new ConnectorResult(ConnectorOutcome.Failed, Error: ex.GetType().Name, Attempts: 0);
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="notice"/> (the "too many messages" note) once per throttling episode of the conversation:
    /// again only after its queue has run empty. True when it was queued now.
    /// </summary>
    public bool TryNotifyThrottledOnce(string conversationId, string? tenantId, Func<CancellationToken, Task<ConnectorResult>> notice)
    {
        lock (_lock)
        {
            if (_lanes.TryGetValue(conversationId, out var lane) && lane.Notified)
            {
                return false;
            }
            Enqueue(conversationId, tenantId, notice, holdsConversationPermit: false, force: true);
            _lanes[conversationId].Notified = true;
            return true;
        }
    }

    private static ConnectorResult Skipped { get; } = new(ConnectorOutcome.Throttled, Error: "Skipped: the conversation has no outbound slot free.", Attempts: 0);

    // Under _lock.
    private ConnectorResult Enqueue(string conversationId, string? tenantId, Func<CancellationToken, Task<ConnectorResult>> send, bool holdsConversationPermit, bool force)
    {
        var limits = Limits;
        _lanes.TryGetValue(conversationId, out var lane);
        // A turn admitted just under the limit may add a few replies of its own; twice the limit is the hard cap.
        if (!force && (_total >= limits.TotalLimit + limits.PerConversationLimit || lane?.Items.Count >= 2 * limits.PerConversationLimit))
        {
            Log.OutboxFull(logger, conversationId);
            return new ConnectorResult(ConnectorOutcome.Throttled, Error: "Too many replies waiting for this conversation.", Attempts: 0);
        }
        if (lane is null)
        {
            lane = new Lane(tenantId);
            _lanes[conversationId] = lane;
        }
        lane.Items.Enqueue(new Item(send, holdsConversationPermit));
        _total++;
        if (lane.Worker is null)
        {
            Log.RepliesQueued(logger, conversationId);
            lane.Worker = Task.Run(() => DrainAsync(conversationId, lane));
        }
        return Queued;
    }

    private async Task DrainAsync(string conversationId, Lane lane)
    {
        var ct = _stopping.Token;
        while (true)
        {
            Item item;
            lock (_lock)
            {
                if (lane.Items.Count == 0)
                {
                    _lanes.Remove(conversationId);
                    return;
                }
                item = lane.Items.Peek();
            }

            try
            {
                var verdict = item.HoldsConversationPermit
                    ? await pacer.WaitForTenantAsync(lane.TenantId, ct).ConfigureAwait(false)
                    : await pacer.WaitAsync(conversationId, lane.TenantId, ct).ConfigureAwait(false);
                if (verdict != PacingVerdict.Go)
                {
                    // The pacer's own queue is full (a briefing fan-out fills the tenant's): try again shortly.
                    await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct).ConfigureAwait(false);
                    continue;
                }
                var result = await item.Send(ct).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    Log.QueuedReplyFailed(logger, conversationId, result.Outcome, result.Error);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutdown after the drain deadline: what is left is counted and logged by StopAsync.
                return;
            }
            catch (Exception ex)
            {
                Log.QueuedReplyCrashed(logger, conversationId, ex);
            }

            lock (_lock)
            {
                lane.Items.Dequeue();
                _total--;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what was acknowledged, for up to the drain timeout (bounded also by the host's own shutdown timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Limits.DrainTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            while (true)
            {
                Task[] workers;
                lock (_lock)
                {
                    workers = [.. _lanes.Values.Select(l => l.Worker).OfType<Task>(), .. _inflight.Keys];
                }
                if (workers.Length == 0)
                {
                    break;
                }
                await Task.WhenAll(workers).WaitAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Deadline reached.
        }
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                await _stopping.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: nothing left to cancel.
            }
        }
        var left = Count;
        if (left > 0)
        {
            Log.OutboxNotDrained(logger, left, Limits.DrainTimeout.TotalSeconds);
        }
    }

    public void Dispose()
    {
        // A test host may dispose the container before (or instead of) stopping it, and StopAsync may then still run:
        // both are made safe to call in any order and more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    private sealed record Item(Func<CancellationToken, Task<ConnectorResult>> Send, bool HoldsConversationPermit);

    private sealed class Lane(string? tenantId)
    {
        public string? TenantId { get; } = tenantId;
        public Queue<Item> Items { get; } = new();
        public Task? Worker { get; set; }
        public bool Notified { get; set; }
    }
}
