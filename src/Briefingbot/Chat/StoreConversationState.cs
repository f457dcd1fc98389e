using Briefingbot.Chat.Search;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat;

/// <summary>
/// <see cref="IConversationState"/> in the shared store, so every instance behind a load balancer sees the same
/// state: a typed "meer" pages the last search whichever instance receives it, and the two install events of one
/// installation greet once even when two instances receive them (an atomic insert decides). State is a convenience:
/// when the store fails the turn goes on without it (no "meer", at worst a second greeting), and the failure is logged.
/// </summary>
public sealed class StoreConversationState(IConversationStateStore store, IOptions<ChatOptions> options, ILogger<StoreConversationState> logger) : IConversationState
{
    private const string LastSearch = "last-search";
    private const string Welcomed = "welcomed";

    public async Task<SearchRequest?> GetLastSearchAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await store.GetAsync(conversationId, LastSearch, cancellationToken).ConfigureAwait(false);
            return SearchRequest.TryParse(json, out var request) ? request : null;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.ConversationStateFailed(LastSearch, conversationId, ex);
            return null;
        }
    }

    public async Task SetLastSearchAsync(string conversationId, SearchRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.SetAsync(conversationId, LastSearch, request.ToJson(), options.Value.LastSearchLifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.ConversationStateFailed(LastSearch, conversationId, ex);
        }
    }

    public async Task<bool> TryAdvanceLastSearchAsync(string conversationId, SearchRequest from, SearchRequest to, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.ReplaceAsync(conversationId, LastSearch, from.ToJson(), to.ToJson(), options.Value.LastSearchLifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.ConversationStateFailed(LastSearch, conversationId, ex);
            return true;
        }
    }

    public async Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.TryAddAsync(conversationId, Welcomed, "1", options.Value.WelcomeDeduplicationWindow, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.ConversationStateFailed(Welcomed, conversationId, ex);
            return true; // a second greeting is better than none
        }
    }

    public async Task ForgetWelcomedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        try
        {
            // Expired at once: the next TryAddAsync of an install sets it again (the store has no delete of its own).
            await store.SetAsync(conversationId, Welcomed, "0", TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            logger.ConversationStateFailed(Welcomed, conversationId, ex);
        }
    }

    private static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OutOfMemoryException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
