using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Dispatch;

/// <summary>What became of one delivery attempt.</summary>
public enum DeliveryOutcome { Sent, NotDue, AlreadyClaimed, Gone, Failed }

/// <summary>
/// Sends one subscription's briefing for the period a moment falls in: claim (subscription, period) in the
/// ledger → compose → send → mark sent. The ledger row is the only guard against duplicates, whoever calls this
/// (the subscription's Quartz trigger, a misfire, the start-up catch-up, the retry sweep, another instance).
/// </summary>
/// <remarks>
/// The one window that can duplicate: a sender that dies after the connector accepted a message and before
/// <see cref="IDeliveryLedger.MarkSentAsync"/> leaves a claim that a later attempt takes over once it is stale, and
/// the Bot Connector has no idempotency key or way to ask "did this arrive?". The window is one HTTP round trip
/// plus one ledger write per in-flight delivery; see docs/adr-0001-briefing-scheduling.md.
/// </remarks>
public sealed class BriefingDelivery(
    ISubscriptionStore subscriptions,
    IDeliveryLedger ledger,
    IConversationReferenceStore references,
    IProactiveMessenger messenger,
    BriefingComposer composer,
    BriefingRenderer renderer,
    BriefingInstance instance,
    FanoutPacer pacer,
    TimeProvider time,
    IOptions<BriefingOptions> options,
    ILogger<BriefingDelivery> logger)
{
    private readonly BriefingOptions _options = options.Value;

    /// <summary>Delivers the briefing of the period <paramref name="moment"/> falls in, unless already claimed or sent.</summary>
    /// <param name="staleAfter">A claim older than this is taken over; default <see cref="BriefingOptions.ClaimTimeout"/>.</param>
    public async Task<DeliveryOutcome> DeliverAsync(string conversationId, DateTimeOffset moment, TimeSpan? staleAfter = null, CancellationToken ct = default)
    {
        var subscription = await subscriptions.GetAsync(conversationId, ct);
        if (subscription is not { Status: SubscriptionStatus.Active })
        {
            return DeliveryOutcome.NotDue;
        }
        var schedule = BriefingSchedule.For(subscription);
        var periodStart = schedule.PeriodStart(moment);
        var periodKey = schedule.PeriodKey(periodStart);

        if (!await ledger.TryClaimAsync(conversationId, periodKey, instance.Id, time.GetUtcNow(), staleAfter ?? _options.ClaimTimeout, ct))
        {
            Log.AlreadyClaimed(logger, conversationId, periodKey);
            return DeliveryOutcome.AlreadyClaimed;
        }

        try
        {
            var reference = await references.GetAsync(conversationId, ct);
            if (reference is null)
            {
                Log.NoReference(logger, conversationId);
                await MarkGoneAsync(conversationId, periodKey, "Geen gespreksreferentie: de bot is niet (meer) geïnstalleerd in dit gesprek.", ct);
                return DeliveryOutcome.Gone;
            }

            var previous = await ledger.LastSentAsync(conversationId, ct);
            var since = previous?.CompletedAt ?? periodStart.AddDays(-7);
            var briefing = await composer.ComposeAsync(subscription, periodStart, since, ct);
            var messages = renderer.Render(briefing, BriefingRenderer.ChannelSupportsCards(reference.ChannelId));
            if (messages.Count > 1)
            {
                Log.Split(logger, conversationId, messages.Count);
            }

            string? firstActivityId = null;
            for (var i = 0; i < messages.Count; i++)
            {
                await pacer.WaitAsync(reference.Conversation?.TenantId ?? subscription.TenantId, ct);
                var result = await messenger.SendAsync(reference, messages[i], ct);
                if (result.Outcome == ConnectorOutcome.ConversationGone)
                {
                    Log.ConversationGone(logger, conversationId, result.StatusCode);
                    await MarkGoneAsync(conversationId, periodKey,
                        $"De bot is verwijderd of geblokkeerd in dit gesprek (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}).", ct);
                    return DeliveryOutcome.Gone;
                }
                if (!result.IsSuccess)
                {
                    var error = messages.Count > 1 ? $"deel {i + 1} van {messages.Count}: {Describe(result)}" : Describe(result);
                    var attempt = (await ledger.GetAsync(conversationId, periodKey, ct))?.Attempts ?? 1;
                    Log.SendFailed(logger, conversationId, periodKey, attempt, result.Outcome.ToString(), result.StatusCode, result.Error);
                    await ledger.MarkFailedAsync(conversationId, periodKey, DeliveryState.Failed, error, time.GetUtcNow(), ct);
                    return DeliveryOutcome.Failed;
                }
                firstActivityId ??= result.ActivityId;
            }

            await ledger.MarkSentAsync(conversationId, periodKey, firstActivityId, time.GetUtcNow(), ct);
            Log.BriefingSent(logger, conversationId, periodKey, messages.Count);
            return DeliveryOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.DeliveryCrashed(logger, ex, conversationId, periodKey);
            await ledger.MarkFailedAsync(conversationId, periodKey, DeliveryState.Failed, $"Interne fout: {ex.GetType().Name}", time.GetUtcNow(), CancellationToken.None);
            return DeliveryOutcome.Failed;
        }
    }

    private async Task MarkGoneAsync(string conversationId, string periodKey, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await ledger.MarkFailedAsync(conversationId, periodKey, DeliveryState.Gone, reason, now, ct);
        await subscriptions.SetStatusAsync(conversationId, SubscriptionStatus.Inactive, reason, now, ct);
    }

    private static string Describe(ConnectorResult result) =>
        $"{result.Outcome} (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, {(result.Attempts == 1 ? "1 poging" : $"{result.Attempts} pogingen")}){(result.Error is { Length: > 0 } e ? ": " + e : "")}";
}
