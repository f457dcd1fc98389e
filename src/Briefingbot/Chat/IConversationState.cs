using Briefingbot.Chat.Search;

namespace Briefingbot.Chat;

/// <summary>
/// Small, short-lived UI state per conversation: the last search (so a typed "meer" knows what to page) and
/// whether the welcome was just sent (install events arrive in pairs). Losing it on a restart costs the user at
/// most one retyped query or one extra greeting, so it need not be durable; card buttons carry their own state.
/// </summary>
public interface IConversationState
{
    SearchRequest? GetLastSearch(string conversationId);

    void SetLastSearch(string conversationId, SearchRequest request);

    /// <summary>True the first time for a conversation within the deduplication window; false after that.</summary>
    bool TryMarkWelcomed(string conversationId);
}
