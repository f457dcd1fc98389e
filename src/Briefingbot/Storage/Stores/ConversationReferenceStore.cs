using System.Text.Json;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage.Database;

namespace Briefingbot.Storage.Stores;

/// <summary>
/// Conversation references, durable so proactive briefings survive a restart. The whole reference is kept as JSON
/// (round-trips fields this model does not know); the key fields sit beside it for queries and operators.
/// </summary>
public sealed class ConversationReferenceStore(StoreDatabase database, TimeProvider timeProvider) : IConversationReferenceStore
{
    private ISqlDialect D => database.Dialect;

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            throw new ArgumentException("A conversation reference without a conversation id cannot be stored.", nameof(reference));
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO conversation_references (conversation_id, channel_id, service_url, tenant_id, bot_id, reference_json, updated_at)
            VALUES (@conversationId, @channelId, @serviceUrl, @tenantId, @botId, {D.Json("@json")}, {D.Timestamp("@now")})
            ON CONFLICT (conversation_id) DO UPDATE SET
                channel_id = excluded.channel_id, service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                bot_id = excluded.bot_id, reference_json = excluded.reference_json, updated_at = excluded.updated_at
            """,
            new
            {
                conversationId,
                channelId = reference.ChannelId,
                serviceUrl = reference.ServiceUrl,
                tenantId = reference.Conversation?.TenantId,
                botId = reference.Bot?.Id,
                json = JsonSerializer.Serialize(reference),
                now = DbValues.Timestamp(timeProvider.GetUtcNow()),
            },
            cancellationToken);
    }

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.ScalarAsync<string>(
            "SELECT reference_json FROM conversation_references WHERE conversation_id = @conversationId",
            new { conversationId }, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ConversationReference>(json);
    }
}
