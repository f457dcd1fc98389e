using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Protocol.Tests.Connector;

/// <summary>Proactive sends with a stored reference, paced per conversation and per tenant.</summary>
public sealed class ProactiveMessengerTests
{
    private static ConversationReference Reference(Uri serviceUrl, string conversationId = "19:c1", string tenantId = "t1") => new()
    {
        ServiceUrl = serviceUrl.AbsoluteUri,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId },
        Bot = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
        Locale = "nl-NL",
    };

    [Fact]
    public async Task Send_fills_the_activity_from_the_reference()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>());

        var result = await services.GetRequiredService<IProactiveMessenger>().SendAsync(Reference(connector.BaseAddress), new Activity { Text = "Weekbriefing" });

        Assert.True(result.IsSuccess);
        var request = Assert.Single(connector.Requests);
        Assert.Equal("/v3/conversations/19%3Ac1/activities", request.PathAndQuery);
        var sent = FakeConnector.BodyOf(request);
        Assert.Equal("message", (string?)sent["type"]);
        Assert.Equal("28:bot", (string?)sent["from"]!["id"]);
        Assert.Equal("19:c1", (string?)sent["conversation"]!["id"]);
        Assert.Equal("nl-NL", (string?)sent["locale"]);
    }

    [Fact]
    public async Task Sends_to_one_conversation_are_paced_to_the_configured_limit()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>
        {
            ["Bot:Pacing:PerConversation:0:PermitLimit"] = "2",
            ["Bot:Pacing:PerConversation:0:Window"] = "00:00:01",
        });
        var messenger = services.GetRequiredService<IProactiveMessenger>();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => messenger.SendAsync(Reference(connector.BaseAddress), new Activity { Text = $"bericht {i}" })));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var requests = connector.Requests.OrderBy(r => r.Timestamp).ToList();
        Assert.Equal(5, requests.Count);
        // Two per second: the fifth send cannot start before two windows have passed.
        Assert.True(requests[4].ElapsedSince(requests[0]) >= TimeSpan.FromMilliseconds(1800),
            $"fifth send after {requests[4].ElapsedSince(requests[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Other_conversations_are_not_held_up_by_a_busy_one()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>
        {
            ["Bot:Pacing:PerConversation:0:PermitLimit"] = "1",
            ["Bot:Pacing:PerConversation:0:Window"] = "01:00:00",
            ["Bot:Pacing:QueueLimit"] = "0",
        });
        var messenger = services.GetRequiredService<IProactiveMessenger>();

        var first = await messenger.SendAsync(Reference(connector.BaseAddress, "19:busy"), new Activity { Text = "1" });
        var refused = await messenger.SendAsync(Reference(connector.BaseAddress, "19:busy"), new Activity { Text = "2" });
        var other = await messenger.SendAsync(Reference(connector.BaseAddress, "19:quiet"), new Activity { Text = "3" });

        Assert.True(first.IsSuccess);
        Assert.Equal(ConnectorOutcome.Throttled, refused.Outcome);
        Assert.Equal(0, refused.Attempts);
        Assert.True(other.IsSuccess);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task Tenant_limit_applies_across_conversations()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>
        {
            ["Bot:Pacing:PerTenant:0:PermitLimit"] = "2",
            ["Bot:Pacing:PerTenant:0:Window"] = "01:00:00",
            ["Bot:Pacing:QueueLimit"] = "0",
        });
        var messenger = services.GetRequiredService<IProactiveMessenger>();

        var results = new List<ConnectorResult>();
        foreach (var conversation in new[] { "19:a", "19:b", "19:c" })
        {
            results.Add(await messenger.SendAsync(Reference(connector.BaseAddress, conversation, "tenant-x"), new Activity { Text = "x" }));
        }
        var otherTenant = await messenger.SendAsync(Reference(connector.BaseAddress, "19:d", "tenant-y"), new Activity { Text = "y" });

        Assert.Equal([ConnectorOutcome.Ok, ConnectorOutcome.Ok, ConnectorOutcome.Throttled], results.Select(r => r.Outcome));
        Assert.True(otherTenant.IsSuccess);
    }

    [Fact]
    public async Task Reference_without_service_url_fails_without_throwing()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>());

        var result = await services.GetRequiredService<IProactiveMessenger>().SendAsync(
            new ConversationReference { Conversation = new ConversationAccount { Id = "c" } }, new Activity { Text = "x" });

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
    }
}
