using System.Text.Json;
using System.Text.Json.Serialization;

namespace Briefingbot.Protocol.Schema;

/// <summary>
/// One Bot Framework activity (message, conversationUpdate, invoke, ...). Unknown JSON fields are kept in
/// <see cref="AdditionalProperties"/> so that an activity survives a read/write round trip unchanged.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("attachmentLayout")] public string? AttachmentLayout { get; set; }
    [JsonPropertyName("attachments")] public IList<Attachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public IList<Entity>? Entities { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("membersAdded")] public IList<ChannelAccount>? MembersAdded { get; set; }
    [JsonPropertyName("membersRemoved")] public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Fields this model does not know; written back as they came.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The well-known values of <see cref="Activity.Type"/>.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams.</summary>
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>The MIME type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("thumbnailUrl")] public string? ThumbnailUrl { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Metadata attached to an activity, e.g. a <c>mention</c>.</summary>
public sealed class Entity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    /// <summary>For mentions: the account mentioned.</summary>
    [JsonPropertyName("mentioned")] public ChannelAccount? Mentioned { get; set; }
    /// <summary>For mentions: the text that stands for the mention, e.g. <c>&lt;at&gt;Briefingbot&lt;/at&gt;</c>.</summary>
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>{ id }</c> body the connector answers with.</summary>
public sealed class ResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>What is needed to send to a conversation later, without an inbound activity (proactive messages).</summary>
public sealed class ConversationReference
{
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
}

/// <summary>The synchronous HTTP answer to an <c>invoke</c> activity.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; } = 200;
    public object? Body { get; set; }
}
