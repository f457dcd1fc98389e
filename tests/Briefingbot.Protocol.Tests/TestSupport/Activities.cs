using System.Text.Json.Nodes;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>Inbound activities as Teams sends them, as JSON the tests can bend.</summary>
public static class Activities
{
    public const string BotId = "28:bot-app-id";
    public const string BotName = "Briefingbot";
    public const string UserId = "29:user-1";
    public const string ConversationId = "19:abc@thread.tacv2;messageid=1";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static JsonObject Message(string text = "help", string serviceUrl = TeamsServiceUrl, string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["timestamp"] = "2026-01-05T10:00:00+00:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Anne de Vries", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "nl-NL",
    };

    public static JsonObject Of(string type, string serviceUrl = TeamsServiceUrl)
    {
        var activity = Message(serviceUrl: serviceUrl);
        activity["type"] = type;
        activity.Remove("text");
        activity.Remove("textFormat");
        return activity;
    }
}
