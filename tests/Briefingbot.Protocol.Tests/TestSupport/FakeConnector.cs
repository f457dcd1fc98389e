using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>A loopback Bot Connector that accepts every write with a fresh id; tests read what the bot sent.</summary>
public static class FakeConnector
{
    public static Task<LoopbackServer> StartAsync() =>
        LoopbackServer.StartAsync(async (context, request) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"sent-{{request.Number}}"}""");
        });

    public static JsonObject BodyOf(RecordedRequest request) => JsonNode.Parse(request.Body)!.AsObject();
}
