using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Briefingbot.Briefings.Bench;

/// <summary>
/// A stand-in for the Bot Connector service on 127.0.0.1 (an ephemeral port) that enforces the Teams limits the way
/// the service does: more than <c>perTenant</c> sends per sliding second per tenant, or <c>perConversation</c> per
/// conversation, answer 429 with <c>Retry-After</c>. Conversations marked gone answer 403. It records every message
/// it accepted, so a benchmark or a crash test can count deliveries per conversation.
/// </summary>
public sealed class LoopbackTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly int _perTenant;
    private readonly int _perConversation;
    private readonly Lock _windowLock = new();
    private readonly Dictionary<string, Queue<long>> _tenantWindows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _conversationWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _gone = new(StringComparer.Ordinal);
    private readonly Lock _waitLock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _distinctWaiters = [];
    private int _accepted;
    private int _throttled;
    private int _requests;

    private LoopbackTeamsConnector(WebApplication app, TimeProvider time, int perTenant, int perConversation)
    {
        _app = app;
        _time = time;
        _perTenant = perTenant;
        _perConversation = perConversation;
    }

    /// <summary>The serviceUrl to put in conversation references, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    public int Accepted => Volatile.Read(ref _accepted);
    public int Throttled => Volatile.Read(ref _throttled);
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Messages accepted per conversation id.</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    /// <summary>Completes once at least <paramref name="count"/> messages were accepted (for tests: no polling).</summary>
    public Task WhenAcceptedAsync(int count)
    {
        lock (_waitLock)
        {
            if (Accepted >= count)
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Completes once messages for at least <paramref name="count"/> different conversations were accepted.</summary>
    public Task WhenConversationsAsync(int count)
    {
        lock (_waitLock)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _distinctWaiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Sends to this conversation answer 403 (bot removed).</summary>
    public void MarkGone(string conversationId) => _gone[conversationId] = true;

    public static async Task<LoopbackTeamsConnector> StartAsync(TimeProvider time, int perTenant = 50, int perConversation = 7, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new LoopbackTeamsConnector(app, time, perTenant, perConversation);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.HandleAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", connector.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    private async Task<IResult> HandleAsync(string conversationId, HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var tenant = body.RootElement.TryGetProperty("conversation", out var conversation)
            && conversation.TryGetProperty("tenantId", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (_gone.ContainsKey(conversationId))
        {
            return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: 403);
        }
        if (!Admit(tenant, conversationId))
        {
            Interlocked.Increment(ref _throttled);
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = new { code = "Throttled", message = "Too many requests." } }, statusCode: 429);
        }
        var count = _received.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        var accepted = Interlocked.Increment(ref _accepted);
        lock (_waitLock)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= accepted).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
            foreach (var waiter in _distinctWaiters.Where(w => w.Count <= _received.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _distinctWaiters.Remove(waiter);
            }
        }
        return Results.Json(new { id = $"{conversationId}|{count}" }, statusCode: 201);
    }

    /// <summary>Sliding one-second windows, exactly as counted by a strict service.</summary>
    private bool Admit(string tenant, string conversationId)
    {
        var now = _time.GetTimestamp();
        var second = _time.TimestampFrequency;
        lock (_windowLock)
        {
            var tenantWindow = Window(_tenantWindows, tenant, now, second);
            var conversationWindow = Window(_conversationWindows, conversationId, now, second);
            if (tenantWindow.Count >= _perTenant || conversationWindow.Count >= _perConversation)
            {
                return false;
            }
            tenantWindow.Enqueue(now);
            conversationWindow.Enqueue(now);
            return true;
        }
    }

    private static Queue<long> Window(Dictionary<string, Queue<long>> windows, string key, long now, long second)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            windows[key] = window = new Queue<long>();
        }
        while (window.Count > 0 && now - window.Peek() >= second)
        {
            window.Dequeue();
        }
        return window;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
