using System.CommandLine;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Cli;
using Briefingbot.TestSupport.Connector;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-inbound [--messages 400] [--clients 16]</c>: how long <c>POST /api/messages</c> takes under a flood, with
/// replies going to a loopback connector that enforces the Teams limits (429 + Retry-After) while the bot paces itself
/// with its default windows (7/1 s, 8/2 s, 60/30 s, 1800/h per conversation; 50/s per tenant). Two floods: all
/// messages into one conversation, and the same number spread over 50 conversations. Prints inbound p50/p99/max, and
/// how many replies reached the connector (the rest wait in the per-conversation outbox, or were refused with the
/// one-time "too many messages" note). The protocol stack is the real one; the bot answers every message with one
/// short reply, so the figures are about the inbound path, not about search.
/// </summary>
public sealed class BenchInboundCliCommand(TimeProvider time) : ICliCommand
{
    public Command CreateCommand()
    {
        var messagesOption = CliOptions.Int("--messages", 400, "Messages per flood");
        var clientsOption = CliOptions.Int("--clients", 16, "Concurrent clients posting");
        var command = new Command("bench-inbound", "Inbound POST /api/messages p50/p99 under a flood into one conversation and into 50 (target p99 <= 1 s)")
        {
            messagesOption, clientsOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(messagesOption), parse.GetValue(clientsOption), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(int messages, int clients, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connector = await LoopbackTeamsConnector.StartAsync(time, 50, 7, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench-inbound: {messages} messages per flood from {clients} concurrent clients; connector enforces 50/s per tenant and 7/s per conversation, the bot paces at the Teams limits"));
        var worst = TimeSpan.Zero;
        foreach (var conversations in new[] { 1, 50 })
        {
            var p99 = await FloodAsync(connector, messages, conversations, clients, output, cancellationToken);
            worst = p99 > worst ? p99 : worst;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"target inbound p99 <= 1000 ms: {(worst <= TimeSpan.FromSeconds(1) ? "met" : "NOT met")}"));
        return worst <= TimeSpan.FromSeconds(1) ? 0 : 1;
    }

    private async Task<TimeSpan> FloodAsync(LoopbackTeamsConnector connector, int messages, int conversations, int clients, TextWriter output, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:ExtraTrustedServiceUrlHosts:0"] = new Uri(connector.ServiceUrl).Host,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(time);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddSingleton<IBot, ReplyOnceBot>();
        await using var app = builder.Build();
        app.MapBotProtocol();
        await app.StartAsync(ct);
        var before = connector.Accepted;

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        // Warm-up (JIT, connections), not measured: one message into each of 32 other conversations.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async w =>
        {
            using var warm = new ByteArrayContent(Activity(connector.ServiceUrl, $"19:bench-warmup-{conversations}-{w}@thread.tacv2", -1 - w));
            warm.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), warm, ct);
        }));
        before = connector.Accepted;

        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var started = time.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var body = Activity(connector.ServiceUrl, $"19:bench-inbound-{conversations}-{i % conversations}@thread.tacv2", i);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var t0 = time.GetTimestamp();
                using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content, ct);
                latencies.Add(time.GetElapsedTime(t0).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = time.GetElapsedTime(started);
        var sentDuringFlood = connector.Accepted - before;
        await app.StopAsync(ct);
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            flood of {conversations,2} conversation(s): {messages} messages in {elapsed.TotalSeconds:F1} s; inbound p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms; non-2xx {failures}
              replies at the connector: {sentDuringFlood} during the flood, {connector.Accepted - before} after the shutdown drain; 429s so far {connector.Throttled}
            """));
        return TimeSpan.FromMilliseconds(P(0.99));
    }

    private static byte[] Activity(string serviceUrl, string conversationId, int i) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = "message",
        ["id"] = "m" + i.ToString(CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Bench" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "Briefingbot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["tenantId"] = "bench-tenant", ["conversationType"] = "channel" },
        ["text"] = "help",
    }.ToJsonString());

    /// <summary>Answers every message with one short reply, as a command does.</summary>
    private sealed class ReplyOnceBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.Activity.Type == ActivityTypes.Message
                ? turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "Antwoord" }, cancellationToken)
                : Task.CompletedTask;
    }
}
