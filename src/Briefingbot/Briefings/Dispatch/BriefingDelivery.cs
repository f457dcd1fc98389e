using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Dossiers.Diagnostics;
using Briefingbot.Kernel.Time;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Dispatch;

/// <summary>What became of one delivery attempt.</summary>
/// <remarks><see cref="ClaimLost"/>: another sender took the claim over while this one was sending; it stopped and left the row to the new owner.</remarks>
public enum DeliveryOutcome { Sent, NotDue, AlreadyClaimed, Gone, Failed, ClaimLost }

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
    ProcessIdentity instance,
    FanoutPacer pacer,
    TimeProvider time,
    IOptions<BriefingOptions> options,
    ILogger<BriefingDelivery> logger)
{
    private readonly BriefingOptions _options = options.Value;

    /// <summary>Delivers the briefing of the period <paramref name="moment"/> falls in, unless already claimed or sent.</summary>
    /// <param name="staleAfter">A claim older than this is taken over; default <see cref="BriefingOptions.ClaimTimeout"/>.</param>
    /// <param name="claimedBefore">
    /// A claim made at or before this instant is taken over too, however young (start-up on a single instance: claims
    /// of the dead process). A fixed instant, not an age: an age measured from each claim's own time would, later in a
    /// long catch-up, also cover claims this process made since (the sweep's), and send those briefings a second time.
    /// </param>
    public async Task<DeliveryOutcome> DeliverAsync(string conversationId, DateTimeOffset moment, TimeSpan? staleAfter = null, DateTimeOffset? claimedBefore = null, CancellationToken ct = default)
    {
        var subscription = await subscriptions.GetAsync(conversationId, ct);
        if (subscription is not { Status: SubscriptionStatus.Active })
        {
            return DeliveryOutcome.NotDue;
        }
        var schedule = BriefingSchedule.For(subscription);
        var periodStart = schedule.PeriodStart(moment);
        var periodKey = schedule.PeriodKey(periodStart);

        var claimAt = time.GetUtcNow();
        var stale = staleAfter ?? _options.ClaimTimeout;
        if (claimedBefore is { } before && claimAt - before < stale)
        {
            stale = claimAt - before;
        }
        var claim = await ledger.ClaimAsync(conversationId, periodKey, instance.Id, claimAt, stale, schedule.NextAfter(periodStart), ct);
        if (claim is null)
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
                return await MarkGoneAsync(claim, "Geen gespreksreferentie: de bot is niet (meer) geïnstalleerd in dit gesprek.", ct);
            }

            // A retry after some parts went out sends the rest of the rendering those parts came from: composed again,
            // the briefing may have changed (letters ingested, meetings registered) and split differently, and the
            // parts would no longer fit together (an item twice, one missing, "deel 2 van 2" after "deel 1 van 3").
            var messages = claim.PartsSent > 0 && Restore(claim.RenderedParts) is { } rendered ? rendered : null;
            if (messages is null)
            {
                var previous = await ledger.LastSentAsync(conversationId, ct);
                var since = schedule.ComposedAsOf(previous) ?? periodStart.AddDays(-7);
                var briefing = await composer.ComposeAsync(subscription, periodStart, since, ct);
                messages = renderer.Render(briefing, renderer.ChannelSupportsCards(reference.ChannelId));
                if (messages.Count > 1)
                {
                    Log.Split(logger, conversationId, messages.Count);
                }
            }
            var snapshot = messages.Count > 1 ? Snapshot(messages) : null;

            // Parts an earlier attempt sent are not sent again: resume at the first unsent part.
            var first = Math.Min(claim.PartsSent, messages.Count);
            if (first > 0)
            {
                Log.Resumed(logger, conversationId, periodKey, first + 1, messages.Count);
            }
            var partDeadline = _options.PartDeadline(messages.Count);
            string? firstActivityId = null;
            for (var i = first; i < messages.Count; i++)
            {
                await pacer.WaitAsync(reference.Conversation?.TenantId ?? subscription.TenantId, ct);
                var result = await SendPartAsync(reference, messages[i], partDeadline, ct);
                if (result.Outcome == ConnectorOutcome.ConversationGone)
                {
                    Log.ConversationGone(logger, conversationId, result.StatusCode);
                    return await MarkGoneAsync(claim,
                        $"De bot is verwijderd of geblokkeerd in dit gesprek (HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}).", ct);
                }
                if (!result.IsSuccess)
                {
                    var error = messages.Count > 1 ? $"deel {i + 1} van {messages.Count}: {Describe(result)}" : Describe(result);
                    Log.SendFailed(logger, conversationId, periodKey, claim.Attempt, result.Outcome.ToString(), result.StatusCode, result.Error);
                    Telemetry.BriefingFailed(result.Outcome == ConnectorOutcome.Throttled);
                    var now = time.GetUtcNow();
                    return await ledger.MarkFailedAsync(claim, DeliveryState.Failed, error, now, now + _options.Backoff(claim.Attempt), ct)
                        ? DeliveryOutcome.Failed
                        : ClaimLost(claim);
                }
                firstActivityId ??= result.ActivityId;
                if (i + 1 < messages.Count && !await ledger.MarkPartSentAsync(claim, i + 1, result.ActivityId, snapshot, ct))
                {
                    return ClaimLost(claim);
                }
            }

            if (!await ledger.MarkSentAsync(claim, firstActivityId, time.GetUtcNow(), ct))
            {
                return ClaimLost(claim);
            }
            Log.BriefingSent(logger, conversationId, periodKey, messages.Count);
            Telemetry.BriefingsSent.Add(1);
            return DeliveryOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.DeliveryCrashed(logger, ex, conversationId, periodKey);
            Telemetry.BriefingFailed(throttled: false);
            var now = time.GetUtcNow();
            return await ledger.MarkFailedAsync(claim, DeliveryState.Failed, $"Interne fout: {ex.GetType().Name}", now, now + _options.Backoff(claim.Attempt), CancellationToken.None)
                ? DeliveryOutcome.Failed
                : ClaimLost(claim);
        }
    }

    /// <summary>
    /// One part, within its deadline (<see cref="BriefingOptions.PartDeadline"/>): the messenger's retries stop there,
    /// so a whole send stays well inside the claim and no other sender takes it over while this one still sends.
    /// </summary>
    private async Task<ConnectorResult> SendPartAsync(Protocol.Schema.ConversationReference reference, Protocol.Schema.Activity message, TimeSpan deadline, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await messenger.SendAsync(reference, message, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The last attempt may have reached the service: like a timeout, this is in the in-flight window.
            return new ConnectorResult(ConnectorOutcome.Failed,
                Error: $"Geen antwoord binnen {deadline.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s (deadline per deel).");
        }
    }

    /// <summary>The parts as stored with the first part sent (before the messenger fills in sender and conversation).</summary>
    private static string Snapshot(IReadOnlyList<Protocol.Schema.Activity> messages) =>
        System.Text.Encoding.UTF8.GetString(Protocol.Schema.ProtocolJson.SerializeToUtf8Bytes(messages));

    /// <summary>The stored parts; null when there are none (rows from before migration 9) or they cannot be read.</summary>
    private static IReadOnlyList<Protocol.Schema.Activity>? Restore(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<Protocol.Schema.Activity>>(json, Protocol.Schema.ProtocolJson.Options) is { Count: > 0 } parts ? parts : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private DeliveryOutcome ClaimLost(DeliveryClaim claim)
    {
        Log.ClaimLost(logger, claim.ConversationId, claim.PeriodKey, claim.Attempt);
        return DeliveryOutcome.ClaimLost;
    }

    private async Task<DeliveryOutcome> MarkGoneAsync(DeliveryClaim claim, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!await ledger.MarkFailedAsync(claim, DeliveryState.Gone, reason, now, null, ct))
        {
            return ClaimLost(claim);
        }
        await subscriptions.SetStatusAsync(claim.ConversationId, SubscriptionStatus.Inactive, reason, now, ct);
        return DeliveryOutcome.Gone;
    }

    /// <summary>
    /// The failure as admins read it in <c>briefing status</c>: in Dutch, with the HTTP requests of this attempt called
    /// requests, not attempts (a QA pass: "Throttled (HTTP 429, 5 pogingen): Gave up after 5 attempts: HTTP 429 Too
    /// Many Requests" beside "3 pogingen" of the delivery). The connector's own English text is in the log.
    /// </summary>
    private static string Describe(ConnectorResult result)
    {
        var what = result.Outcome switch
        {
            ConnectorOutcome.Throttled => "De chatdienst liet te veel berichten tegelijk niet toe",
            ConnectorOutcome.ConversationGone => "Het gesprek is niet meer bereikbaar",
            _ => result.StatusCode is null ? "De chatdienst was niet bereikbaar" : "De chatdienst weigerde het bericht",
        };
        var details = new List<string>(2);
        if (result.StatusCode is { } code)
        {
            details.Add($"HTTP {code.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (result.Attempts > 0)
        {
            details.Add(result.Attempts == 1 ? "1 verzoek" : $"{result.Attempts} verzoeken");
        }
        return details.Count == 0 ? what : $"{what} ({string.Join(", ", details)})";
    }
}
