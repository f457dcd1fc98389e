using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// A client of the Playground's conversation WebSocket (<c>/_ws_conversation/v1/conversations/stream</c>), the
/// feed its web UI renders. Every message event is kept in arrival order; tests wait for the one they expect.
/// Connected once per fixture, before any message is sent: the Playground buffers events only while no client is
/// connected and hands the buffer to whichever client connects first.
/// </summary>
public sealed class ConversationStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundMessage> _messages = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;
    private Exception? _failure;

    public static async Task<ConversationStream> ConnectAsync(int playgroundPort, CancellationToken cancellationToken)
    {
        var stream = new ConversationStream();
        await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{playgroundPort}/_ws_conversation/v1/conversations/stream"), cancellationToken);
        stream._reader = Task.Run(stream.ReadLoopAsync, CancellationToken.None);
        return stream;
    }

    /// <summary>The sequence number the next message will get: pass it to <see cref="WaitForAsync"/> to see only later ones.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _messages.Count;
        }
    }

    public IReadOnlyList<PlaygroundMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>Waits (bounded) for the first message at or after <paramref name="fromSequence"/> that matches.</summary>
    public async Task<PlaygroundMessage> WaitForAsync(int fromSequence, Func<PlaygroundMessage, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var hit = _messages.Skip(fromSequence).FirstOrDefault(predicate);
                if (hit is not null)
                {
                    return hit;
                }
                if (_failure is not null)
                {
                    throw new InvalidOperationException($"The Playground's conversation feed failed while waiting for {what}.", _failure);
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = Snapshot().Skip(fromSequence).Select(m => "  " + m);
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0} s. Messages seen since:\n{string.Join('\n', seen)}");
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var json = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                frame.SetLength(0);
                Add(json);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException)
        {
            lock (_gate)
            {
                _failure = ex;
            }
        }
        finally
        {
            Pulse();
        }
    }

    private void Add(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var action = root.TryGetProperty("action", out var a) ? a.GetString() : null;
        if (action is not ("createMessage" or "updateMessage") || !root.TryGetProperty("message", out var message))
        {
            return; // typing indicators and anything else
        }
        lock (_gate)
        {
            _messages.Add(new PlaygroundMessage(
                _messages.Count,
                action,
                root.GetProperty("actionConversationId").GetString() ?? "",
                message.TryGetProperty("postConversationId", out var post) && post.ValueKind == JsonValueKind.String ? post.GetString() : null,
                message.TryGetProperty("messageId", out var id) ? id.ToString() : "",
                message.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var fromId) ? fromId.GetString() ?? "" : "",
                message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
                message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
                    ? [.. attachments.EnumerateArray().Select(e => e.Clone())]
                    : []));
        }
        Pulse();
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _socket.Dispose();
        _stop.Dispose();
    }
}
