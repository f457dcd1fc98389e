using System.Collections.Concurrent;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Tests.Briefings.Fakes;

/// <summary>Records proactive sends; answers with a scripted outcome per conversation (default Ok).</summary>
public sealed class RecordingMessenger : IProactiveMessenger
{
    private readonly ConcurrentQueue<(string ConversationId, Activity Activity)> _sent = new();
    private readonly ConcurrentDictionary<string, Queue<ConnectorResult>> _scripts = new(StringComparer.Ordinal);
    private readonly Lock _waitLock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _ids;

    public IReadOnlyList<(string ConversationId, Activity Activity)> Sent => _sent.ToList();

    public int CountFor(string conversationId) => _sent.Count(s => s.ConversationId == conversationId);

    /// <summary>The next sends to <paramref name="conversationId"/> answer these results, in order.</summary>
    public void Script(string conversationId, params ConnectorResult[] results) =>
        _scripts[conversationId] = new Queue<ConnectorResult>(results);

    /// <summary>Completes when at least <paramref name="count"/> sends were attempted (successful or not).</summary>
    public Task WhenSentAsync(int count)
    {
        lock (_waitLock)
        {
            if (_attempts >= count) return Task.CompletedTask;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, tcs));
            return tcs.Task;
        }
    }

    private int _attempts;

    /// <summary>Runs before each send (e.g. another node taking the claim over while this one sends).</summary>
    public Func<string, Task>? BeforeSend { get; set; }

    public async Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        var id = reference.Conversation!.Id!;
        if (BeforeSend is { } before)
        {
            await before(id);
        }
        ConnectorResult result;
        if (_scripts.TryGetValue(id, out var queue) && queue.TryDequeue(out var scripted))
        {
            result = scripted;
        }
        else
        {
            result = new ConnectorResult(ConnectorOutcome.Ok, $"act-{Interlocked.Increment(ref _ids)}", 201);
        }
        if (result.IsSuccess)
        {
            _sent.Enqueue((id, activity));
        }
        lock (_waitLock)
        {
            _attempts++;
            foreach (var w in _waiters.Where(w => w.Count <= _attempts).ToList())
            {
                w.Signal.TrySetResult();
                _waiters.Remove(w);
            }
        }
        return result;
    }
}
