using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Briefingbot.TestSupport.Connector;

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
    private int _failed;
    private int _inProgress;
    private readonly Lock _faultLock = new();
    private Random? _faults;
    private double _failureRate;
    private TimeSpan _hangFor;
    private readonly ConcurrentDictionary<(string Conversation, int Part), int> _parts = new();
    private readonly ConcurrentDictionary<string, int> _partCounts = new(StringComparer.Ordinal);
    private TaskCompletionSource? _idle;
    private readonly ConcurrentQueue<string> _events = new();

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

    /// <summary>Sends answered with an injected failure (500, 502, or no answer within the client's timeout, then 504).</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>
    /// From now on a share <paramref name="rate"/> of the sends that pass the limits fail without being delivered: a
    /// third each answer 500, 502, or hang for <paramref name="hangFor"/> (past the client's attempt timeout) and then
    /// 504. Decided by a random sequence from <paramref name="seed"/>.
    /// </summary>
    public void InjectFailures(double rate, TimeSpan hangFor, int seed)
    {
        lock (_faultLock)
        {
            _failureRate = rate;
            _hangFor = hangFor;
            _faults = new Random(seed);
        }
    }

    /// <summary>
    /// Accepted messages per (conversation, part): a multi-part briefing's part i is labelled "deel i van N"; a
    /// message without the label is part 1.
    /// </summary>
    public IReadOnlyDictionary<(string Conversation, int Part), int> Parts => _parts;

    /// <summary>Every accepted or failed send, in order, with the time (for explaining a crash test's duplicates).</summary>
    public IReadOnlyCollection<string> Events => _events;

    /// <summary>Adds a line to <see cref="Events"/> (e.g. "kill 3").</summary>
    public void Mark(string what) => _events.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_time.GetUtcNow():HH:mm:ss.fff} {what}"));

    /// <summary>The part count N of the latest accepted message per conversation.</summary>
    public IReadOnlyDictionary<string, int> PartCounts => _partCounts;

    /// <summary>Completes when no request is being handled (after a kill: everything on the wire was counted).</summary>
    public Task WhenIdleAsync()
    {
        lock (_waitLock)
        {
            if (Volatile.Read(ref _inProgress) == 0)
            {
                return Task.CompletedTask;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

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

    /// <summary>Completes once every conversation in <paramref name="conversationIds"/> has every part of its latest briefing.</summary>
    public async Task WhenCompleteAsync(IReadOnlyCollection<string> conversationIds)
    {
        while (true)
        {
            var accepted = Accepted;
            if (conversationIds.All(id => _partCounts.TryGetValue(id, out var n) && Enumerable.Range(1, n).All(p => _parts.ContainsKey((id, p)))))
            {
                return;
            }
            await WhenAcceptedAsync(accepted + 1);
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
        Interlocked.Increment(ref _inProgress);
        try
        {
            return await HandleCountedAsync(conversationId, request);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inProgress) == 0)
            {
                lock (_waitLock)
                {
                    _idle?.TrySetResult();
                    _idle = null;
                }
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex PartLabel = new(@"deel (\d+) van (\d+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private async Task<IResult> HandleCountedAsync(string conversationId, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        using var body = JsonDocument.Parse(raw);
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
        int fault;
        TimeSpan hangFor;
        lock (_faultLock)
        {
            fault = _faults is not null && _faults.NextDouble() < _failureRate ? _faults.Next(3) : -1;
            hangFor = _hangFor;
        }
        if (fault >= 0)
        {
            _events.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_time.GetUtcNow():HH:mm:ss.fff} {conversationId} fault {(fault == 2 ? "hang+504" : fault == 0 ? "500" : "502")}"));
            Interlocked.Increment(ref _failed);
            if (fault == 2)
            {
                try
                {
                    await Task.Delay(hangFor, _time, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up (or died): nothing was delivered.
                }
                return Results.Json(new { error = new { code = "GatewayTimeout", message = "The backend did not answer in time." } }, statusCode: 504);
            }
            return Results.Json(new { error = new { code = "ServiceError", message = "Injected failure." } }, statusCode: fault == 0 ? 500 : 502);
        }
        var label = PartLabel.Match(raw);
        var part = label.Success ? int.Parse(label.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        _partCounts[conversationId] = label.Success ? int.Parse(label.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        _parts.AddOrUpdate((conversationId, part), 1, (_, n) => n + 1);
        _events.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_time.GetUtcNow():HH:mm:ss.fff} {conversationId} accepted {(label.Success ? label.Value : "single part")}"));
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
