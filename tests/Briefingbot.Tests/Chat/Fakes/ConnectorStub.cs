using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>
/// A stand-in for the Bot Connector service: a real Kestrel listener on 127.0.0.1 with a free port. The bot
/// POSTs its replies to the activity's serviceUrl; this records each one (by conversation) and answers {id}.
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private ConnectorStub(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Activities received, keyed by conversation id.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> Received { get; } = new();

    public static async Task<ConnectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpContext context, string conversationId) =>
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            stub.Received.GetOrAdd(conversationId, _ => new()).Enqueue(doc.RootElement.Clone());
            return Results.Json(new { id = "reply-" + Interlocked.Increment(ref stub._ids) });
        });
        await app.StartAsync();
        stub.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return stub;
    }

    public IReadOnlyList<JsonElement> Messages(string conversationId) =>
        Received.TryGetValue(conversationId, out var q) ? q.Where(a => a.GetProperty("type").GetString() == "message").ToList() : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
