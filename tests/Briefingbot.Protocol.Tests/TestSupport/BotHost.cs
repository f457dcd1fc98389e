using System.Net.Http.Headers;
using System.Text;
using Briefingbot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>
/// The protocol layer in a real Kestrel host on 127.0.0.1 with a free port: AddBotProtocol + MapBotProtocol, a
/// recording bot, a fake reference store, settings from memory. Only what a test passes differs from production wiring.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, RecordingBot bot, FakeConversationReferenceStore? store, CollectingLoggerProvider logs)
    {
        _app = app;
        Bot = bot;
        Store = store;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/") };
    }

    public RecordingBot Bot { get; }

    public FakeConversationReferenceStore? Store { get; }

    public CollectingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool withStore = true,
        string environment = "Development")
    {
        // Development by default: most tests run without an app id, which other environments refuse (fail closed).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        // Listen explicitly: settings cleared below cannot undo it, and port 0 picks a free port.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.Sources.Clear();
        // Replies with a free slot go out within the request; a generous budget keeps that true on a busy machine, so
        // tests can read the connector as soon as the POST returns (a test may set its own).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:Outbox:InlineSendBudget"] = "00:01:00" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);

        var bot = new RecordingBot();
        var store = withStore ? new FakeConversationReferenceStore() : null;
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddSingleton<IBot>(bot);
        if (store is not null)
        {
            builder.Services.AddSingleton<IConversationReferenceStore>(store);
        }
        builder.Services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider());
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapBotProtocol();
        await app.StartAsync();
        return new BotHost(app, bot, store, logs);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string json, string? bearerToken = null) =>
        PostAsync(Encoding.UTF8.GetBytes(json), bearerToken);

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? bearerToken = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages");
        request.Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
