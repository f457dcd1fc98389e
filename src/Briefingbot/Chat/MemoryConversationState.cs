using Briefingbot.Chat.Search;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat;

/// <summary>
/// <see cref="IConversationState"/> in an <see cref="IMemoryCache"/>: ephemeral UI state only (see the interface),
/// bounded in size and expiring, so it cannot grow without limit. With several instances behind a load balancer a
/// typed "meer" may land on an instance that does not know the last query; the answer then asks for a new search.
/// </summary>
public sealed class MemoryConversationState(IMemoryCache cache, IOptions<ChatOptions> options) : IConversationState
{
    private readonly object _welcomeLock = new();

    public SearchRequest? GetLastSearch(string conversationId) =>
        cache.TryGetValue(Key("last", conversationId), out SearchRequest? request) ? request : null;

    public void SetLastSearch(string conversationId, SearchRequest request) =>
        cache.Set(Key("last", conversationId), request, new MemoryCacheEntryOptions
        {
            SlidingExpiration = options.Value.LastSearchLifetime,
            Size = 1,
        });

    public bool TryMarkWelcomed(string conversationId)
    {
        var key = Key("welcomed", conversationId);
        // Check-and-set under a lock: the installationUpdate and conversationUpdate of one install can arrive together.
        lock (_welcomeLock)
        {
            if (cache.TryGetValue(key, out _))
            {
                return false;
            }
            cache.Set(key, true, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = options.Value.WelcomeDeduplicationWindow,
                Size = 1,
            });
            return true;
        }
    }

    private static string Key(string kind, string conversationId) => $"chat:{kind}:{conversationId}";
}
