using Briefingbot.Chat;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// <c>abonneer [onderwerp …]</c>: subscribes this conversation to the weekly briefing (default Monday 08:00
/// Europe/Amsterdam, all topics), or changes its topics, or re-activates a cancelled subscription.
/// </summary>
public sealed class SubscribeCommand(SubscriptionService service, SubscriptionReplies replies, ITopicStore topics) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["abonneer", "subscribe"];

    public string Usage => "`abonneer [onderwerp …]`: dit gesprek krijgt de weekbriefing (standaard maandag 08:00, alle onderwerpen).";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            await replies.NoConversationAsync(context, cancellationToken);
            return;
        }
        if (!await service.MayChangeAsync(context, cancellationToken))
        {
            await replies.RefusedAsync(context, cancellationToken);
            return;
        }
        var requested = context.Arguments
            .Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant())
            .Where(t => t is not ("op" or "en" or "alle" or "onderwerpen"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = (await topics.ListAsync(cancellationToken)).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = requested.Where(t => !known.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            var available = known.Count == 0 ? "er zijn nog geen onderwerpen" : "bekend zijn: " + string.Join(", ", known.Order(StringComparer.Ordinal));
            await replies.TextAsync(context, $"Onbekend onderwerp: {string.Join(", ", unknown)} ({available}). Er is niets gewijzigd.", cancellationToken);
            return;
        }

        var existing = await service.GetAsync(conversationId, cancellationToken);
        Subscription updated;
        string headline;
        if (existing is null)
        {
            updated = service.CreateDefault(context, requested);
            headline = "Dit gesprek is geabonneerd op de weekbriefing.";
        }
        else
        {
            var reactivate = existing.Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Inactive;
            updated = existing with
            {
                Topics = requested,
                Status = reactivate ? SubscriptionStatus.Active : existing.Status,
                StatusReason = reactivate ? null : existing.StatusReason,
            };
            headline = reactivate ? "Dit gesprek is weer geabonneerd op de weekbriefing." : "De onderwerpen van het abonnement zijn bijgewerkt.";
        }
        await service.SaveAsync(context, updated, "subscription.subscribe", $"abonnement: {SubscriptionCard.TopicsText(updated)}, {SubscriptionCard.ScheduleText(updated)}", cancellationToken);
        await replies.ShowAsync(context, headline, updated, cancellationToken);
    }
}
