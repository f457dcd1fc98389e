using Briefingbot.Chat.Search;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat;

/// <summary>
/// <see cref="IConversationState"/> in an <see cref="IMemoryCache"/>, for hosts without a store: bounded in size and
/// expiring, so it cannot grow without limit. One instance only: another instance would not know the last query.
/// </summary>
public sealed class MemoryConversationState(IMemoryCache cache, IOptions<ChatOptions> options) : IConversationState
{
    private readonly object _welcomeLock = new();

    private readonly object _searchLock = new();

    public Task<SearchRequest?> GetLastSearchAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.TryGetValue(Key("last", conversationId), out SearchRequest? request) ? request : null);

    public Task SetLastSearchAsync(string conversationId, SearchRequest request, CancellationToken cancellationToken = default)
    {
        cache.Set(Key("last", conversationId), request, new MemoryCacheEntryOptions
        {
            SlidingExpiration = options.Value.LastSearchLifetime,
            Size = 1,
        });
        return Task.CompletedTask;
    }

    public Task<bool> TryAdvanceLastSearchAsync(string conversationId, SearchRequest from, SearchRequest to, CancellationToken cancellationToken = default)
    {
        lock (_searchLock)
        {
            if (!cache.TryGetValue(Key("last", conversationId), out SearchRequest? current) || current?.ToJson() != from.ToJson())
            {
                return Task.FromResult(false);
            }
            SetLastSearchAsync(conversationId, to, cancellationToken);
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryMarkWelcomed(conversationId));

    public Task ForgetWelcomedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_welcomeLock)
        {
            cache.Remove(Key("welcomed", conversationId));
        }
        return Task.CompletedTask;
    }

    private bool TryMarkWelcomed(string conversationId)
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
