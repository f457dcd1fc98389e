namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(string conversationId, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> ListAsync(SubscriptionStatus? status = null, CancellationToken ct = default);
    Task UpsertAsync(Subscription subscription, CancellationToken ct = default);
    Task SetStatusAsync(string conversationId, SubscriptionStatus status, string? reason, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Sets the status only when the subscription is in one of <paramref name="from"/>, in one step: true if this call
    /// changed it. Two events of one change (Teams sends two for one removal of the bot) then act once, also when they
    /// arrive together or at two instances.
    /// </summary>
    Task<bool> ChangeStatusAsync(string conversationId, IReadOnlyCollection<SubscriptionStatus> from, SubscriptionStatus to, string? reason, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// The conversations whose subscription was made or changed in a channel of <paramref name="teamId"/> (a Teams
    /// team id), in any status. The team's General channel has the team's id as its own conversation id.
    /// </summary>
    Task<IReadOnlyList<string>> ListTeamConversationsAsync(string teamId, CancellationToken ct = default);

    /// <summary>
    /// Records the team of a subscription that does not know it yet (one written before team ids were kept); does
    /// nothing when there is no subscription or it already names a team.
    /// </summary>
    Task RememberTeamAsync(string conversationId, string teamId, CancellationToken ct = default);
}
