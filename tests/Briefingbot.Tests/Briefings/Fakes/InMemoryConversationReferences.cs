using System.Collections.Concurrent;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Tests.Briefings.Fakes;

public sealed class InMemoryConversationReferences : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _rows = new(StringComparer.Ordinal);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        _rows[reference.Conversation!.Id!] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(conversationId, out var r) ? r : null);

    public static ConversationReference For(string conversationId, string serviceUrl = "https://smba.example/", string channelId = "msteams") => new()
    {
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId, TenantId = "tenant-1" },
        Bot = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
    };
}
