using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol;

/// <summary>How a call to the connector service ended.</summary>
public enum ConnectorOutcome
{
    /// <summary>2xx.</summary>
    Ok,
    /// <summary>403/404: the bot was removed or blocked, or the conversation no longer exists. Stop sending there.</summary>
    ConversationGone,
    /// <summary>Still 429 after the bounded retries.</summary>
    Throttled,
    /// <summary>Any other failure (5xx after retries, network error, 4xx).</summary>
    Failed,
}

/// <summary>The typed result of a connector call; never throws for HTTP failures.</summary>
public sealed record ConnectorResult(ConnectorOutcome Outcome, string? ActivityId = null, int? StatusCode = null, string? Error = null, int Attempts = 1)
{
    public bool IsSuccess => Outcome == ConnectorOutcome.Ok;
}

/// <summary>The Bot Connector REST API v3 (base = the conversation's serviceUrl).</summary>
public interface IConnectorClient
{
    Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);
    Task<ConnectorResult> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);
    /// <summary>POST /v3/conversations; the result's ActivityId carries the new conversation id.</summary>
    Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);
}

/// <summary>Body of POST /v3/conversations.</summary>
public sealed class ConversationParameters
{
    [System.Text.Json.Serialization.JsonPropertyName("isGroup")] public bool IsGroup { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("activity")] public Activity? Activity { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("channelData")] public System.Text.Json.JsonElement? ChannelData { get; set; }
}

/// <summary>Proactive sends with a stored conversation reference (briefings).</summary>
public interface IProactiveMessenger
{
    /// <summary>Sends <paramref name="activity"/> to the referenced conversation, paced per conversation and per tenant.</summary>
    Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default);
}
