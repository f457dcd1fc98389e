using System.Net;
using System.Text.Json.Nodes;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Turns;

/// <summary>What a turn sends, observed at a loopback connector.</summary>
public sealed class TurnContextTests : IAsyncLifetime
{
    private LoopbackServer _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity) => await _host.PostActivityAsync(activity.ToJsonString());

    [Fact]
    public async Task Reply_goes_to_the_inbound_activity_with_from_and_recipient_swapped()
    {
        ConnectorResult? result = null;
        _host.Bot.Behaviour = async (turn, ct) => result = await turn.SendActivityAsync(new Activity { Text = "pong" }, ct);

        using var response = await PostAsync(Activities.Message("ping", _connector.BaseAddress.AbsoluteUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sent-1", result!.ActivityId);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Activities.ConversationId)}/activities/1700000000001", request.PathAndQuery);
        var sent = FakeConnector.BodyOf(request);
        Assert.Equal("message", (string?)sent["type"]);
        Assert.Equal("pong", (string?)sent["text"]);
        Assert.Equal(Activities.BotId, (string?)sent["from"]!["id"]);
        Assert.Equal(Activities.UserId, (string?)sent["recipient"]!["id"]);
        Assert.Equal(Activities.ConversationId, (string?)sent["conversation"]!["id"]);
        Assert.Equal("1700000000001", (string?)sent["replyToId"]);
        Assert.False(sent.ContainsKey("summary"), "nulls are left out of what is sent");
    }

    [Fact]
    public async Task Typing_and_update_use_send_and_put()
    {
        _host.Bot.Behaviour = async (turn, ct) =>
        {
            await turn.SendTypingAsync(ct);
            await turn.UpdateActivityAsync(new Activity { Id = "card-1", Text = "bijgewerkt" }, ct);
        };

        using var response = await PostAsync(Activities.Message("ping", _connector.BaseAddress.AbsoluteUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = _connector.Requests;
        Assert.Equal("POST", requests[0].Method);
        Assert.EndsWith("/activities", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("typing", (string?)FakeConnector.BodyOf(requests[0])["type"]);
        Assert.Equal("PUT", requests[1].Method);
        Assert.EndsWith("/activities/card-1", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("bijgewerkt", (string?)FakeConnector.BodyOf(requests[1])["text"]);
    }

    [Fact]
    public async Task Bot_sees_the_text_without_its_own_mention()
    {
        var activity = Activities.Message("<at>Briefingbot</at> zoek drones", _connector.BaseAddress.AbsoluteUri);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Briefingbot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = Activities.BotName },
        });

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zoek drones", Assert.Single(_host.Bot.Turns).Text);
    }

    [Fact]
    public async Task Conversation_reference_names_everything_a_proactive_send_needs()
    {
        ConversationReference? reference = null;
        _host.Bot.Behaviour = (turn, _) =>
        {
            reference = turn.GetConversationReference();
            return Task.CompletedTask;
        };

        using var response = await PostAsync(Activities.Message("ping", _connector.BaseAddress.AbsoluteUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(reference);
        Assert.Equal(_connector.BaseAddress.AbsoluteUri, reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        // A reference names the channel, not the thread the message was in (proactive sends start a new post).
        Assert.Equal("19:abc@thread.tacv2", reference.Conversation!.Id);
        Assert.Equal(Activities.TenantId, reference.Conversation.TenantId);
        Assert.Equal(Activities.BotId, reference.Bot!.Id);
        Assert.Equal(Activities.UserId, reference.User!.Id);
        Assert.Equal("1700000000001", reference.ActivityId);
        Assert.Equal("nl-NL", reference.Locale);
    }
}
