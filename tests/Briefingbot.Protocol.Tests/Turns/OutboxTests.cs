using System.Net;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Turns;

/// <summary>
/// Issue 16 item 4: a message is acknowledged without waiting for an outbound slot; replies that find none wait in the
/// conversation's bounded queue, a throttled conversation is told once, and shutdown sends what was acknowledged.
/// </summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Replies_without_a_free_slot_are_queued_the_user_is_told_once_and_shutdown_sends_them_all()
    {
        await using var connector = await FakeConnector.StartAsync();
        var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            // One send per 5 s per conversation, one reply may wait.
            ["Bot:Pacing:PerConversation:0:PermitLimit"] = "1",
            ["Bot:Pacing:PerConversation:0:Window"] = "00:00:05",
            ["Bot:Outbox:DrainTimeout"] = "00:01:00",
            ["Bot:Outbox:PerConversationLimit"] = "1",
            ["Bot:Outbox:TotalLimit"] = "10",
        });
        var results = new List<ConnectorResult>();
        host.Bot.Behaviour = async (turn, ct) =>
        {
            var result = await turn.SendActivityAsync(new Activity { Text = "antwoord op " + turn.Activity.Text }, ct);
            lock (results)
            {
                results.Add(result);
            }
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var response = await host.PostActivityAsync(Activities.Message("m" + i, connector.BaseAddress.AbsoluteUri).ToJsonString());
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // m1 went out within its request; m2 was queued (202, no id); m3 and m4 found the queue full and ran no turn.
        Assert.Equal(2, host.Bot.Turns.Count);
        Assert.Equal([200, 202], results.Select(r => r.StatusCode ?? 0));
        var sentBeforeShutdown = connector.Requests.Count;
        Assert.True(sentBeforeShutdown <= 2, $"{sentBeforeShutdown} sent before shutdown");

        await host.DisposeAsync();

        var texts = connector.Requests.Select(r => (string?)FakeConnector.BodyOf(r)["text"]).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Equal("antwoord op m1", texts[0]);
        Assert.Contains("antwoord op m2", texts);
        // The throttling note, once for m3 and m4 together.
        Assert.Single(texts, t => t!.StartsWith("Je stuurt meer berichten", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.EventId == 142);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 141);
    }
}
