using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>A hand-written store that keeps what was saved, in order.</summary>
public sealed class FakeConversationReferenceStore : IConversationReferenceStore
{
    private readonly List<ConversationReference> _saved = [];

    public IReadOnlyList<ConversationReference> Saved
    {
        get { lock (_saved) { return [.. _saved]; } }
    }

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        lock (_saved)
        {
            _saved.Add(reference);
        }
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_saved)
        {
            return Task.FromResult(_saved.LastOrDefault(r => r.Conversation?.Id == conversationId));
        }
    }
}
