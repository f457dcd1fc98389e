using System.Net;
using System.Text.Json;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Protocol.Tests.Connector;

/// <summary>The connector client against a real HTTP server on loopback that plays the Bot Connector service.</summary>
public sealed class ConnectorClientTests
{
    private const string ConversationId = "a:1Xy;messageid=5";

    private static Dictionary<string, string?> Settings(string? appId = null, string? trustedHost = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = appId is null ? null : "secret",
            // Short backoff keeps the 503 test fast; Retry-After is honoured regardless.
            ["Bot:Retry:BaseDelay"] = "00:00:00.010",
            ["Bot:Retry:MaxDelay"] = "00:00:05",
        };
        if (trustedHost is not null)
        {
            settings["Bot:ExtraTrustedServiceUrlHosts:0"] = trustedHost;
        }
        return settings;
    }

    private static IConnectorClient Client(ServiceProvider services) => services.GetRequiredService<IConnectorClient>();

    private static Task Answer(HttpContext context, int status, string? body = null, Action<IHeaderDictionary>? headers = null)
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response.Headers);
        if (body is null)
        {
            return Task.CompletedTask;
        }
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task Throttled_reply_waits_for_retry_after_and_then_succeeds()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) => request.Number == 1
            ? Answer(context, 429, """{"error":{"code":"Throttled","message":"slow down"}}""", h => h.RetryAfter = "1")
            : Answer(context, 200, """{"id":"reply-7"}"""));
        // Backoff alone would retry after ~10 ms here: only Retry-After can explain a wait of a second.
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).ReplyToActivityAsync(server.BaseAddress.AbsoluteUri, ConversationId, "act-1", new Activity { Type = "message", Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Ok, result.Outcome);
        Assert.Equal("reply-7", result.ActivityId);
        Assert.Equal(2, result.Attempts);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ElapsedSince(requests[0]) >= TimeSpan.FromMilliseconds(950),
            $"retried after {requests[1].ElapsedSince(requests[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_retry_waits_in_the_tenants_window_like_a_new_send()
    {
        // The tenant may have one send an hour; the service throttles the first one and says "retry now". Without
        // pacing its retries the client would send again at once, past the budget: a retry storm in miniature.
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 429, null, h => h.RetryAfter = "0"));
        var settings = Settings();
        settings["Bot:Pacing:PerTenant:0:PermitLimit"] = "1";
        settings["Bot:Pacing:PerTenant:0:Window"] = "01:00:00";
        settings["Bot:Pacing:QueueLimit"] = "0";
        await using var services = ProtocolServices.Build(settings);
        var reference = new ConversationReference
        {
            ServiceUrl = server.BaseAddress.AbsoluteUri,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "19:c1", TenantId = "tenant-1" },
        };

        var result = await services.GetRequiredService<IProactiveMessenger>().SendAsync(reference, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Single(server.Requests);
        Assert.Contains("No retry: too many messages waiting", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_beyond_the_cap_ends_as_throttled_without_waiting()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 429, null, h => h.RetryAfter = "120"));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("exceeds the cap", result.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Five_503s_in_a_row_give_up_with_a_clear_error()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 503));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Type = "message", Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(5, result.Attempts);
        Assert.Equal(503, result.StatusCode);
        Assert.Contains("Gave up after 5 attempts", result.Error, StringComparison.Ordinal);
        Assert.Equal(5, server.Requests.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        await using var server = await LoopbackServer.StartAsync((context, request) =>
            request.Number == 1 ? Answer(context, status) : Answer(context, 201, """{"id":"x"}"""));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_post_the_service_may_have_accepted_is_retried_once_only(int status)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, status));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal((2, status), (result.Attempts, result.StatusCode));
        Assert.Contains("may have accepted", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_post_that_timed_out_is_retried_once_only()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on this attempt.
            }
        });
        var settings = Settings();
        settings["Bot:Retry:AttemptTimeout"] = "00:00:00.200";
        await using var services = ProtocolServices.Build(settings);

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("may have accepted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotent_update_is_retried_after_502_up_to_the_attempt_limit()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 502));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).UpdateActivityAsync(server.BaseAddress.AbsoluteUri, ConversationId, "act-1", new Activity { Text = "hoi" });

        Assert.Equal(5, result.Attempts);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Bad_request_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 400, """{"error":{"code":"BadArgument","message":"Activity is invalid"}}"""));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("BadArgument", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    public async Task A_redirect_is_not_followed_so_the_message_stays_with_the_service(int status)
    {
        // A security review: a trusted service URL that answered 307 had the reply re-posted to the redirect target.
        await using var elsewhere = await LoopbackServer.StartAsync((context, _) => Answer(context, 200, """{"id":"stolen"}"""));
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, status, null, h => h.Location = elsewhere.BaseAddress.AbsoluteUri + "v3/x"));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "vertrouwelijk" });

        Assert.NotEqual(ConnectorOutcome.Ok, result.Outcome);
        Assert.Empty(elsewhere.Requests);
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed"}}""")]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""")]
    public async Task Forbidden_or_not_found_means_the_conversation_is_gone(int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, status, body));
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Unreachable_service_is_a_failed_result_not_an_exception()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync("http://127.0.0.1:1/", ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(5, result.Attempts);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task Invalid_service_url_fails_without_sending(string serviceUrl)
    {
        await using var services = ProtocolServices.Build(Settings());

        var result = await Client(services).SendToConversationAsync(serviceUrl, ConversationId, new Activity { Text = "hoi" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(0, result.Attempts);
    }

    [Fact]
    public async Task Token_goes_to_a_trusted_service_url_only()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 200, """{"id":"1"}"""));
        var tokens = new FixedTokenProvider();
        // "localhost" is the trusted name; "127.0.0.1" reaches the very same server under an untrusted name.
        await using var services = ProtocolServices.Build(Settings(appId: "app-id", trustedHost: "localhost"), tokens);
        var trustedUrl = $"http://localhost:{server.BaseAddress.Port}/";
        var untrustedUrl = $"http://127.0.0.1:{server.BaseAddress.Port}/";

        var trusted = await Client(services).ReplyToActivityAsync(trustedUrl, ConversationId, "act-1", new Activity { Text = "hoi" });
        var untrusted = await Client(services).ReplyToActivityAsync(untrustedUrl, ConversationId, "act-1", new Activity { Text = "hoi" });

        Assert.True(trusted.IsSuccess);
        Assert.True(untrusted.IsSuccess);
        var requests = server.Requests;
        Assert.Equal($"Bearer {tokens.Token}", requests[0].Authorization);
        Assert.Null(requests[1].Authorization);
        Assert.Equal(1, tokens.Calls);
    }

    [Fact]
    public async Task Development_mode_sends_no_token_even_to_trusted_hosts()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 200, """{"id":"1"}"""));
        var tokens = new FixedTokenProvider();
        await using var services = ProtocolServices.Build(Settings(appId: null, trustedHost: "127.0.0.1"), tokens);

        var result = await Client(services).SendToConversationAsync(server.BaseAddress.AbsoluteUri, ConversationId, new Activity { Text = "hoi" });

        Assert.True(result.IsSuccess);
        Assert.Null(Assert.Single(server.Requests).Authorization);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task Operations_use_the_v3_routes_with_escaped_ids()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Answer(context, 200, """{"id":"new-id"}"""));
        await using var services = ProtocolServices.Build(Settings());
        var client = Client(services);
        var url = server.BaseAddress.AbsoluteUri + "amer"; // Teams serviceUrls carry a path, sometimes without trailing slash.

        await client.ReplyToActivityAsync(url, ConversationId, "act:1", new Activity { Text = "a" });
        await client.SendToConversationAsync(url, ConversationId, new Activity { Text = "b" });
        await client.UpdateActivityAsync(url, ConversationId, "act-2", new Activity { Id = "act-2", Text = "c" });
        await client.DeleteActivityAsync(url, ConversationId, "act-2");
        var created = await client.CreateConversationAsync(url, new ConversationParameters { IsGroup = false, TenantId = "t1", Members = [new ChannelAccount { Id = "29:u" }] });

        var escaped = Uri.EscapeDataString(ConversationId);
        Assert.Equal(
            [
                $"POST /amer/v3/conversations/{escaped}/activities/act%3A1",
                $"POST /amer/v3/conversations/{escaped}/activities",
                $"PUT /amer/v3/conversations/{escaped}/activities/act-2",
                $"DELETE /amer/v3/conversations/{escaped}/activities/act-2",
                "POST /amer/v3/conversations",
            ],
            server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("new-id", created.ActivityId);
        using var body = JsonDocument.Parse(server.Requests[4].Body);
        Assert.Equal("t1", body.RootElement.GetProperty("tenantId").GetString());
        Assert.False(body.RootElement.GetProperty("isGroup").GetBoolean());
        Assert.Equal(string.Empty, server.Requests[3].Body);
    }
}
