using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Storage;

// The storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.
// Conversation references: Briefingbot.Protocol.IConversationReferenceStore (also implemented by the providers).

public interface IAdminStore
{
    Task<bool> IsAdminAsync(string aadObjectId, CancellationToken ct = default);
    Task<IReadOnlyList<(string AadObjectId, string? Name)>> ListAsync(CancellationToken ct = default);
    /// <summary>Returns false if already an admin.</summary>
    Task<bool> AddAsync(string aadObjectId, string? name, string addedBy, CancellationToken ct = default);
    /// <summary>Returns false if not an admin.</summary>
    Task<bool> RemoveAsync(string aadObjectId, CancellationToken ct = default);
}

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
}

public interface IAuditLog
{
    Task AppendAsync(string actorAadObjectId, string? actorName, string action, string details, CancellationToken ct = default);
    Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken ct = default);
}

public interface ITopicStore
{
    Task<Topic?> GetAsync(string name, CancellationToken ct = default);
    Task<IReadOnlyList<Topic>> ListAsync(CancellationToken ct = default);
    /// <summary>Insert or replace by name.</summary>
    Task UpsertAsync(Topic topic, CancellationToken ct = default);
    Task<bool> DeleteAsync(string name, CancellationToken ct = default);
}

public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default);
    Task UpsertAsync(Subscription subscription, CancellationToken ct = default);
    Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default);
}

/// <summary>The delivery ledger: at most one briefing per (subscription, period).</summary>
/// <remarks>
/// Completing a delivery is fenced by its claim: <see cref="MarkPartSentAsync"/>, <see cref="MarkSentAsync"/> and
/// <see cref="MarkFailedAsync"/> change the row only while it is still Claimed by the same claimer and attempt, and
/// say whether they did. A slow sender whose claim was taken over can therefore never overwrite the new owner's row.
/// </remarks>
public interface IDeliveryLedger
{
    /// <summary>
    /// Atomically claims (conversation, period) for sending. A claim is returned if this caller may send: no row yet,
    /// or a previous claim is older than <paramref name="staleAfter"/> and not Sent/Gone (a crashed sender), or Failed
    /// with attempts left. The claim carries the attempt number (its fencing token) and the parts already sent.
    /// </summary>
    /// <param name="periodEnd">When the period ends (the next scheduled time): after it the sweep leaves the row alone.</param>
    Task<DeliveryClaim?> ClaimAsync(string conversationId, string periodKey, string claimedBy, DateTimeOffset now, TimeSpan staleAfter, DateTimeOffset? periodEnd = null, CancellationToken ct = default);
    /// <summary>
    /// Records that the first <paramref name="partsSent"/> parts of a multi-part briefing went out, and the parts as
    /// rendered (<paramref name="renderedParts"/>, kept until the row is Sent): a retry sends the rest of that same
    /// rendering, so parts never shift when the content changed in between. False: the claim was lost.
    /// </summary>
    Task<bool> MarkPartSentAsync(DeliveryClaim claim, int partsSent, string? activityId, string? renderedParts = null, CancellationToken ct = default);
    /// <summary>False: the claim was lost (taken over by another sender) and nothing was changed.</summary>
    Task<bool> MarkSentAsync(DeliveryClaim claim, string? activityId, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Marks Failed (retried by the sweep from <paramref name="retryAt"/>) or Gone. False: the claim was lost.</summary>
    Task<bool> MarkFailedAsync(DeliveryClaim claim, DeliveryState state, string error, DateTimeOffset now, DateTimeOffset? retryAt = null, CancellationToken ct = default);
    Task<Delivery?> GetAsync(string conversationId, string periodKey, CancellationToken ct = default);
    Task<IReadOnlyList<Delivery>> ListAsync(DeliveryState? state = null, int limit = 100, CancellationToken ct = default);
    /// <summary>
    /// What the sweep should look at, filtered in the database, oldest claim first, at most <paramref name="limit"/>:
    /// Failed rows with attempts left whose retry time has come, and Claimed rows claimed at or before
    /// <paramref name="staleBefore"/>; both only while their period has not ended and their subscription is active.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ListDueAsync(DateTimeOffset now, DateTimeOffset staleBefore, int limit, CancellationToken ct = default);
    /// <summary>The latest Sent delivery of a conversation (for "letters since the previous briefing").</summary>
    Task<Delivery?> LastSentAsync(string conversationId, CancellationToken ct = default);
}

public interface IPromiseRegister
{
    /// <summary>Inserts new promises (by key) and refreshes extracted fields; never changes an admin-set status. Returns numbers.</summary>
    Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> promises, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Removes extracted promises of a removed letter unless an admin changed them.</summary>
    Task RemoveLetterAsync(string letterId, CancellationToken ct = default);
    Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default);
    Task<IReadOnlyList<PromiseRecord>> ListAsync(CancellationToken ct = default);
    Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default);
}

public interface IMeetingRegister
{
    /// <summary>Merges extracted meetings by key, adding the letter as a source; never overwrites admin-locked rows.</summary>
    Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> meetings, DateTimeOffset now, CancellationToken ct = default);
    Task RemoveLetterAsync(string letterId, CancellationToken ct = default);
    /// <summary>Adds or changes a meeting as an admin or import (sets AdminLocked for Admin origin).</summary>
    Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>
    /// Adds or changes a meeting with its kind and date precision (same rules as the other overload: Admin locks, an
    /// import changes unlocked rows only). Example, a committee debate from the Tweede Kamer's open data:
    /// <c>UpsertAsync(MeetingEntry.OnDay(MeetingKind.TkCommitteeDebate, "Commissiedebat NAVO", day), MeetingOrigin.Imported, now)</c>;
    /// a summit known by its month: <c>MeetingEntry.InMonth(MeetingKind.NatoSummit, MeetingTypes.NavoTop, 2026, 7)</c>.
    /// The default implementation (for stores that predate kinds) keeps only type, dates, location and title.
    /// </summary>
    Task<MeetingRecord> UpsertAsync(MeetingEntry entry, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default) =>
        UpsertAsync(entry.Type, entry.Normalised.Start, entry.Normalised.End, entry.Location, entry.Title, origin, now, ct);
    Task<MeetingRecord?> GetAsync(long id, CancellationToken ct = default);
    Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default);
    Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default);
}

/// <summary>Letters in the shared store (scale-out). Version is a store-wide increasing number for change following.</summary>
public interface ILetterStore
{
    Task<bool> UpsertAsync(string sourceFile, string contentHash, string rawText, DateTimeOffset now, CancellationToken ct = default);
    Task<bool> MarkDeletedAsync(string sourceFile, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<StoredLetter>> ChangesSinceAsync(long version, int limit, CancellationToken ct = default);
    Task<IReadOnlyList<StoredLetter>> ListAsync(CancellationToken ct = default);
}
