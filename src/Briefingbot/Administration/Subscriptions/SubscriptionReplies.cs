using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>The answers the subscription commands share.</summary>
public sealed class SubscriptionReplies(
    ReplySender replies, SubscriptionService service, Storage.Stores.InstantAlertSubscriptions? instantAlerts = null, ITopicStore? topics = null)
{
    public async Task ShowAsync(CommandContext context, string headline, Subscription subscription, CancellationToken cancellationToken)
    {
        bool? alerts = instantAlerts is null ? null : await instantAlerts.GetAsync(subscription.ConversationId, cancellationToken).ConfigureAwait(false) is not null;
        var (data, markdown) = SubscriptionCard.Build(headline, subscription, service.Now, alerts, await ExistingTopicsAsync(cancellationToken).ConfigureAwait(false));
        await replies.SendCardAsync(context, SubscriptionCard.Template, data, markdown, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the topics that exist now (case-insensitive); null without a topic store.</summary>
    public async Task<IReadOnlySet<string>?> ExistingTopicsAsync(CancellationToken cancellationToken) =>
        topics is null ? null
        : (await topics.ListAsync(cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task TextAsync(CommandContext context, string markdown, CancellationToken cancellationToken) =>
        replies.SendTextAsync(context, markdown, cancellationToken);

    public Task NotSubscribedAsync(CommandContext context, CancellationToken cancellationToken) =>
        replies.SendTextAsync(context, "Dit gesprek heeft geen abonnement. Typ `abonneer` voor de weekbriefing (standaard maandag 08:00, alle onderwerpen).", cancellationToken);

    public Task RefusedAsync(CommandContext context, CancellationToken cancellationToken) =>
        replies.SendTextAsync(context,
            "Alleen beheerders kunnen het abonnement van een kanaal of groepsgesprek wijzigen. Vraag een beheerder om dit voor je te doen; met `beheerders` zie je wie dat zijn.",
            cancellationToken);

    public Task NoConversationAsync(CommandContext context, CancellationToken cancellationToken) =>
        replies.SendTextAsync(context, "Ik weet niet uit welk gesprek dit bericht komt, dus ik kan geen abonnement wijzigen.", cancellationToken);
}
