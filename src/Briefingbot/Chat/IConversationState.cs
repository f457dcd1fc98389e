using Briefingbot.Chat.Search;

namespace Briefingbot.Chat;

/// <summary>
/// Small, short-lived UI state per conversation: the last search (so a typed "meer" knows what to page) and
/// whether the welcome was just sent (install events arrive in pairs). With a store it is shared by every instance
/// (<see cref="StoreConversationState"/>); without one it lives in memory (<see cref="MemoryConversationState"/>).
/// Losing it costs the user at most one retyped query or one extra greeting; card buttons carry their own state.
/// </summary>
public interface IConversationState
{
    Task<SearchRequest?> GetLastSearchAsync(string conversationId, CancellationToken cancellationToken = default);

    Task SetLastSearchAsync(string conversationId, SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the last search from <paramref name="from"/> to <paramref name="to"/> only if it is still
    /// <paramref name="from"/>: false when another turn moved it first (then read it again). True as well when the
    /// state cannot be reached: paging goes on without it.
    /// </summary>
    Task<bool> TryAdvanceLastSearchAsync(string conversationId, SearchRequest from, SearchRequest to, CancellationToken cancellationToken = default);

    /// <summary>True the first time for a conversation within the deduplication window; false after that.</summary>
    Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>The bot left the conversation: adding it again greets again, even within the deduplication window.</summary>
    Task ForgetWelcomedAsync(string conversationId, CancellationToken cancellationToken = default);
}
