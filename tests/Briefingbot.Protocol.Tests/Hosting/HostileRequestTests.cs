using System.Net;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Hosting;

/// <summary>1,000 malformed or hostile POSTs: every one answered 4xx or 200, never 5xx, and the host still answers after.</summary>
public sealed class HostileRequestTests
{
    [Fact]
    public async Task Thousand_hostile_posts_never_get_a_5xx_and_the_host_keeps_answering()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxRequestBodyBytes"] = "65536" });
        var payloads = new HostilePayloads(seed: 20260105, connector.BaseAddress.AbsoluteUri);
        var statusesByKind = new Dictionary<int, HashSet<int>>();

        for (var i = 0; i < 1000; i++)
        {
            var (kind, body) = payloads.Next();
            using var response = await host.PostAsync(body, chunked: i % 7 == 0);
            var status = (int)response.StatusCode;

            Assert.True(status is 200 or 400 or 413 or 501, $"request {i} (kind {kind}) got {status}");
            if (!statusesByKind.TryGetValue(kind, out var seen))
            {
                statusesByKind[kind] = seen = [];
            }
            seen.Add(status);
        }

        // The generator really exercised both sides: rejections and accepted turns.
        Assert.Equal(HostilePayloads.Kinds, statusesByKind.Count);
        Assert.Contains(400, statusesByKind.Values.SelectMany(s => s));
        Assert.Contains(413, statusesByKind[3]);
        Assert.Contains(200, statusesByKind[11]);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);

        using var after = await host.PostActivityAsync(Activities.Message("nog steeds daar?", connector.BaseAddress.AbsoluteUri).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("nog steeds daar?", host.Bot.Turns[^1].Text);
    }
}
