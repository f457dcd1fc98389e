using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Tests.Schema;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1700000000001",
          "timestamp": "2026-01-05T10:00:00+00:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Anne", "aadObjectId": "aad-1", "userRole": "user" },
          "recipient": { "id": "28:bot", "name": "Briefingbot" },
          "conversation": { "id": "19:abc@thread.tacv2", "conversationType": "channel", "tenantId": "t1", "isGroup": true, "extra": [1, 2] },
          "text": "<at>Briefingbot</at> help",
          "textFormat": "plain",
          "locale": "nl-NL",
          "entities": [ { "type": "mention", "text": "<at>Briefingbot</at>", "mentioned": { "id": "28:bot", "name": "Briefingbot" } },
                        { "type": "clientInfo", "locale": "nl-NL", "country": "NL", "platform": "Web", "timezone": "Europe/Amsterdam" } ],
          "attachments": [ { "contentType": "text/html", "content": "<div>help</div>", "futureAttachmentField": { "a": null } } ],
          "channelData": { "tenant": { "id": "t1" }, "team": { "id": "19:team", "name": "Defensie" }, "channel": { "id": "19:chan" } },
          "futureTopLevel": { "nested": [true, false, { "deep": "value" }] },
          "anotherNumber": 12.5
        }
        """;

    [Fact]
    public void Unknown_fields_survive_a_round_trip_at_every_level()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        var written = JsonNode.Parse(ProtocolJson.SerializeToUtf8Bytes(activity));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), written), written!.ToJsonString());
    }

    [Fact]
    public void Known_fields_are_read_into_the_model()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("19:abc@thread.tacv2", activity.Conversation!.Id);
        Assert.Equal("t1", activity.Conversation.TenantId);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("28:bot", activity.Entities![0].Mentioned!.Id);
        Assert.Equal("Defensie", activity.ChannelData!.Value.GetProperty("team").GetProperty("name").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), activity.Timestamp);
    }

    [Fact]
    public void Writing_uses_camel_case_and_leaves_nulls_out()
    {
        var json = JsonNode.Parse(ProtocolJson.SerializeToUtf8Bytes(new Activity { Type = "message", ReplyToId = "1", Text = null }))!.AsObject();

        Assert.Equal(["type", "replyToId"], json.Select(p => p.Key));
    }

    [Fact]
    public void Dutch_text_is_written_as_utf8_not_escaped()
    {
        var json = System.Text.Encoding.UTF8.GetString(ProtocolJson.SerializeToUtf8Bytes(new Activity { Text = "Eén toezegging is geïnformeerd \"nu\"" }));

        Assert.Contains("Eén toezegging is geïnformeerd", json, StringComparison.Ordinal);
        Assert.Contains("\\\"nu\\\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_matches_names_case_insensitively()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"message","SERVICEURL":"https://x/","Conversation":{"ID":"c"}}""", ProtocolJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("https://x/", activity.ServiceUrl);
        Assert.Equal("c", activity.Conversation!.Id);
    }

    [Theory]
    [InlineData("""{"type":"message","text":42}""")]
    [InlineData("""{"type":"message","conversation":{"isGroup":"yes"}}""")]
    [InlineData("""{"type":"message","conversation":{"isGroup":"true"}}""")]
    [InlineData("""{"type":"message","entities":{}}""")]
    public void Wrong_json_types_are_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options));
    }

    [Fact]
    public void Nesting_beyond_64_levels_is_refused()
    {
        var deep = "{\"type\":\"message\",\"value\":" + new string('[', 100) + new string(']', 100) + "}";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Activity>(deep, ProtocolJson.Options));
    }
}
