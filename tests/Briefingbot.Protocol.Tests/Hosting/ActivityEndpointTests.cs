using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Hosting;

/// <summary>POST /api/messages in development mode (no app id): parsing, dispatch, invokes and the turn-error policy.</summary>
public sealed class ActivityEndpointTests : IAsyncLifetime
{
    private const string Apology = "Er ging iets mis bij het verwerken van je bericht. Probeer het opnieuw.";
    private LoopbackServer _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxRequestBodyBytes"] = "65536" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string ServiceUrl => _connector.BaseAddress.AbsoluteUri;

    [Fact]
    public async Task Message_is_dispatched_to_the_bot_and_acknowledged()
    {
        using var response = await _host.PostActivityAsync(Activities.Message("zoek drones", ServiceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zoek drones", Assert.Single(_host.Bot.Turns).Text);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("""{"type":"message","text":42}""")]
    [InlineData("""{"type":"message","conversation":"a string"}""")]
    [InlineData("""{"type":["message"]}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_body_is_400(string body)
    {
        using var response = await _host.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BadRequest", (string?)error["error"]!["code"]);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task Message_without_conversation_or_service_url_is_400(string field)
    {
        var activity = Activities.Message(serviceUrl: ServiceUrl);
        activity.Remove(field);

        using var response = await _host.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    /// <summary>
    /// An activity is JSON: a body declared as text or a form is refused with 415 and no turn runs; JSON with a charset,
    /// a "+json" type or no content type at all is read (a QA pass: text/plain was parsed as an activity).
    /// </summary>
    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/activity+json", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task Only_a_JSON_body_is_read(string? contentType, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Activities.Message("hallo", ServiceUrl).ToJsonString())),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, _host.Bot.Turns.Count);
    }

    /// <summary>
    /// A serviceUrl replies cannot be sent to is refused at the door: not http(s), or with a query or fragment, which
    /// the connector will not send to (a QA pass: "…?x=1#f" got 200 and every reply was dropped).
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://127.0.0.1:5392/sub/path?x=1#f")]
    [InlineData("http://127.0.0.1:5392/#f")]
    public async Task Message_with_a_service_url_replies_cannot_go_to_is_400(string serviceUrl)
    {
        using var response = await _host.PostActivityAsync(Activities.Message(serviceUrl: serviceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task Other_activity_types_get_200(string type)
    {
        using var response = await _host.PostActivityAsync(Activities.Of(type, ServiceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_type_without_a_conversation_is_acknowledged_but_not_dispatched()
    {
        using var response = await _host.PostActivityAsync("""{"type":"event","name":"ping"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_and_the_host_keeps_answering()
    {
        var huge = Activities.Message(new string('x', 70_000), ServiceUrl).ToJsonString();

        using (var declared = await _host.PostActivityAsync(huge))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
            Assert.Contains("RequestTooLarge", await declared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var chunked = await _host.PostAsync(Encoding.UTF8.GetBytes(huge), chunked: true))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        }
        Assert.Empty(_host.Bot.Turns);

        using var normal = await _host.PostActivityAsync(Activities.Message("help", ServiceUrl).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Fact]
    public async Task Invoke_answer_is_the_http_response()
    {
        _host.Bot.Behaviour = (turn, _) =>
        {
            turn.InvokeResponse = new InvokeResponse
            {
                Status = 200,
                Body = new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Bijgewerkt" },
            };
            return Task.CompletedTask;
        };
        var invoke = Activities.Of("invoke", ServiceUrl);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "refresh" } };

        using var response = await _host.PostActivityAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Bijgewerkt", body.RootElement.GetProperty("value").GetString());
        Assert.Equal("refresh", Assert.Single(_host.Bot.Turns).Value!.Value.GetProperty("action").GetProperty("verb").GetString());
    }

    [Fact]
    public async Task Invoke_the_bot_does_not_answer_is_501()
    {
        var invoke = Activities.Of("invoke", ServiceUrl);
        invoke["name"] = "composeExtension/unknownThing";

        using var response = await _host.PostActivityAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task Bot_failure_on_a_message_sends_a_dutch_apology_and_returns_200()
    {
        _host.Bot.Behaviour = (_, _) => throw new InvalidOperationException("database exploded at SecretPlace.cs:42");

        using var response = await _host.PostActivityAsync(Activities.Message("zoek drones", ServiceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var responseText = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("exploded", responseText, StringComparison.Ordinal);
        var apology = FakeConnector.BodyOf(Assert.Single(_connector.Requests));
        Assert.Equal(Apology, (string?)apology["text"]);
        Assert.Contains(_host.Logs.Entries, e => e.EventId == 120 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Bot_failure_on_an_invoke_answers_with_an_error_body_not_a_500()
    {
        _host.Bot.Behaviour = (_, _) => throw new InvalidOperationException("boom");
        var invoke = Activities.Of("invoke", ServiceUrl);
        invoke["name"] = "adaptiveCard/action";

        using var response = await _host.PostActivityAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(Apology, body.RootElement.GetProperty("value").GetProperty("message").GetString());
        Assert.DoesNotContain("boom", body.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_failure_on_a_conversation_update_is_logged_and_acknowledged_without_a_message()
    {
        _host.Bot.Behaviour = (_, _) => throw new InvalidOperationException("boom");

        using var response = await _host.PostActivityAsync(Activities.Of("conversationUpdate", ServiceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Contains(_host.Logs.Entries, e => e.EventId == 120);
    }

    [Fact]
    public async Task Unknown_fields_reach_the_bot()
    {
        var activity = Activities.Message("help", ServiceUrl);
        activity["futureField"] = new JsonObject { ["nested"] = true };

        using var response = await _host.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(_host.Bot.Turns).AdditionalProperties!["futureField"].GetProperty("nested").GetBoolean());
    }
}
