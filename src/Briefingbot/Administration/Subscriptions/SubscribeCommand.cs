using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;
using Briefingbot.Storage.Stores;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// <c>abonneer [onderwerp …]</c>: subscribes this conversation to the weekly briefing (default Monday 08:00
/// Europe/Amsterdam, all topics), or changes its topics, or re-activates a cancelled subscription.
/// </summary>
public sealed class SubscribeCommand(SubscriptionService service, SubscriptionReplies replies, ITopicStore topics, InstantAlertSubscriptions? instantAlerts = null) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["abonneer", "subscribe"];

    public string Usage => "`abonneer [onderwerp …]`: dit gesprek krijgt de weekbriefing (standaard maandag 08:00, alle onderwerpen). `abonneer direct` (uit met `abonneer direct uit`): binnen het uur een melding van elke nieuwe brief op de onderwerpen.";

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
        if (InstantAlertArguments.TryParse(context.Arguments, out var turnOn))
        {
            await InstantAlertsAsync(context, conversationId, turnOn, cancellationToken);
            return;
        }
        // "abonneer alle onderwerpen" asks for every topic, also when it turns an old subscription back on.
        var allAsked = context.Arguments.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.Equals("alle", StringComparison.OrdinalIgnoreCase));
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
            // Each unknown word as typed, cut short: a pasted paragraph is not echoed in full (a QA pass).
            var named = string.Join(", ", unknown.Take(5).Select(t => t.Length > 40 ? t[..40] + "…" : t)) + (unknown.Count > 5 ? ", …" : "");
            await replies.TextAsync(context, $"Onbekend onderwerp: {named} ({available}). Er is niets gewijzigd.", cancellationToken);
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
            if (!reactivate && existing.Topics.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(requested))
            {
                // The same topics again: nothing to save or audit (a QA pass: each repeat said "bijgewerkt" and wrote
                // an audit entry).
                await replies.ShowAsync(context, "Dit gesprek was al op deze onderwerpen geabonneerd. Er is niets gewijzigd.", existing, cancellationToken);
                return;
            }
            updated = existing with
            {
                // "abonneer" alone turns a cancelled or inactive subscription back on as it was: "opzeggen" promises
                // that its settings are kept (it put every topic back before).
                Topics = reactivate && requested.Count == 0 && !allAsked ? existing.Topics : requested,
                Status = reactivate ? SubscriptionStatus.Active : existing.Status,
                StatusReason = reactivate ? null : existing.StatusReason,
            };
            headline = reactivate ? "Dit gesprek is weer geabonneerd op de weekbriefing." : "De onderwerpen van het abonnement zijn bijgewerkt.";
            // The typed topics replace the old ones: say which went, and how to keep them (a QA pass typed `abonneer
            // Drones` after `abonneer drones oekraine` and lost oekraine without a word).
            var dropped = existing.Topics.Where(t => !updated.Topics.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            if (updated.Topics.Count > 0 && dropped.Count > 0)
            {
                var kept = string.Join(' ', updated.Topics.Concat(dropped));
                headline += $" Niet meer in je briefing: {string.Join(", ", dropped)}. Wil je {(dropped.Count == 1 ? "dat onderwerp" : "die onderwerpen")} houden, typ dan `abonneer {kept}`.";
            }
        }
        await service.SaveAsync(context, updated, "subscription.subscribe", $"abonnement: {SubscriptionCard.TopicsText(updated)}, {SubscriptionCard.ScheduleText(updated)}", cancellationToken);
        await replies.ShowAsync(context, headline, updated, cancellationToken);
    }

    /// <summary><c>abonneer direct</c> / <c>abonneer direct uit</c>: alerts within the hour of a matching new letter.</summary>
    private async Task InstantAlertsAsync(CommandContext context, string conversationId, bool turnOn, CancellationToken cancellationToken)
    {
        if (instantAlerts is null)
        {
            await replies.TextAsync(context, "Directe meldingen zijn op deze installatie niet beschikbaar (er is geen opslag ingesteld).", cancellationToken);
            return;
        }
        var existing = await service.GetAsync(conversationId, cancellationToken);
        if (!turnOn)
        {
            var wasOn = await instantAlerts.DisableAsync(conversationId, cancellationToken);
            if (existing is not null)
            {
                await service.SaveAsync(context, existing, "subscription.instant-alerts-off", "directe meldingen uit", cancellationToken);
            }
            await replies.TextAsync(context, wasOn
                ? "Directe meldingen staan uit. De weekbriefing blijft zoals ze was; met `abonneer direct` zet je de meldingen weer aan."
                : "Directe meldingen stonden al uit in dit gesprek. Met `abonneer direct` zet je ze aan.", cancellationToken);
            return;
        }

        // Alerts follow the weekly subscription's topics and status, so they need one: create the default when missing.
        var subscription = existing is null || existing.Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Inactive
            ? existing is null
                ? service.CreateDefault(context, [])
                : existing with { Status = SubscriptionStatus.Active, StatusReason = null }
            : existing;
        var added = await instantAlerts.EnableAsync(conversationId, Actor.From(context).Id, service.Now, cancellationToken);
        await service.SaveAsync(context, subscription, "subscription.instant-alerts-on", $"directe meldingen aan ({SubscriptionCard.TopicsText(subscription)})", cancellationToken);
        var topicsText = SubscriptionCard.TopicsText(subscription, await replies.ExistingTopicsAsync(cancellationToken));
        var paused = subscription.Status == SubscriptionStatus.Paused ? " Let op: het abonnement is gepauzeerd; zolang krijg je ook geen meldingen (typ `hervat`)." : "";
        var headline = added
            ? $"Directe meldingen staan aan: binnen het uur na binnenkomst van een nieuwe brief over {topicsText} krijgt dit gesprek een melding, één keer per brief. Zet ze uit met `abonneer direct uit`.{paused}"
            : $"Directe meldingen stonden al aan in dit gesprek (onderwerpen: {topicsText}). Zet ze uit met `abonneer direct uit`.{paused}";
        await replies.ShowAsync(context, headline, subscription, cancellationToken);
    }
}

/// <summary>Recognises <c>direct</c> (on) and <c>direct uit</c> / <c>direct stop</c> / <c>direct off</c> (off) as the arguments of <c>abonneer</c>.</summary>
public static class InstantAlertArguments
{
    public static bool TryParse(string arguments, out bool turnOn)
    {
        var parts = arguments.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        turnOn = true;
        if (parts.Length == 0 || !parts[0].Equals("direct", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (parts.Length == 1 || parts[1] is "aan" or "on")
        {
            return parts.Length <= 2;
        }
        turnOn = false;
        return parts.Length == 2 && parts[1].ToLowerInvariant() is "uit" or "stop" or "off";
    }
}
