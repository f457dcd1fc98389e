namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

/// <summary>
/// Small, expiring UI state per conversation, shared by every instance on the database: the last search (so a typed
/// "meer" pages it whichever instance receives it) and the welcome deduplication. Values are opaque text; an expired
/// value reads as absent and is cleaned up by later writes.
/// </summary>
public interface IConversationStateStore
{
    Task<string?> GetAsync(string conversationId, string kind, CancellationToken ct = default);
    /// <summary>Inserts or replaces the value; it lives <paramref name="lifetime"/> from now.</summary>
    Task SetAsync(string conversationId, string kind, string value, TimeSpan lifetime, CancellationToken ct = default);
    /// <summary>Sets the value only when there is none or it expired: true if this call set it, atomically across instances.</summary>
    Task<bool> TryAddAsync(string conversationId, string kind, string value, TimeSpan lifetime, CancellationToken ct = default);
    /// <summary>
    /// Replaces the value only while it is still <paramref name="expected"/> and not expired: true if this call replaced
    /// it (compare-and-set, atomic across instances; two "meer" at once then page on, not show one page twice).
    /// </summary>
    Task<bool> ReplaceAsync(string conversationId, string kind, string expected, string value, TimeSpan lifetime, CancellationToken ct = default);
}
