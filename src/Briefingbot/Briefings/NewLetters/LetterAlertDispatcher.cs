using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Dispatch;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Briefingbot.Storage.Stores;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.NewLetters;

/// <summary>What one alert round did.</summary>
public sealed record LetterAlertRun(int Subscriptions, int Candidates, int Sent, int Failed, int Skipped);

/// <summary>
/// Sends instant alerts (<c>abonneer direct</c>): every letter that entered the corpus since a conversation turned
/// alerts on (and within <see cref="BriefingOptions.AlertLookback"/>), matching the conversation's topics, goes out
/// once as an alert card. Per (conversation, letter): claim in <see cref="LetterAlertLedger"/> → send → mark sent,
/// fenced by the claim token; a retry, a restart or a second instance finds the claim and sends nothing.
/// </summary>
public sealed class LetterAlertDispatcher(
    InstantAlertSubscriptions alertSubscriptions,
    LetterAlertLedger ledger,
    ILetterArrivals arrivals,
    ISubscriptionStore subscriptions,
    ITopicStore topics,
    ILetterSearch search,
    IConversationReferenceStore references,
    IProactiveMessenger messenger,
    ProcessIdentity instance,
    FanoutPacer pacer,
    TimeProvider time,
    IOptions<BriefingOptions> options,
    ILogger<LetterAlertDispatcher> logger,
    CardRenderer? cards = null,
    IOptions<Chat.ChatOptions>? chat = null)
{
    private const int MaxHitsPerTopic = 500;
    private readonly BriefingOptions _options = options.Value;

    public async Task<LetterAlertRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var wanted = await alertSubscriptions.ListAsync(ct);
        if (wanted.Count == 0)
        {
            return new LetterAlertRun(0, 0, 0, 0, 0);
        }
        var windowStart = now - _options.AlertLookback;
        var arrived = await arrivals.ArrivedAsync(windowStart, now, ct);
        if (arrived.Count == 0)
        {
            return new LetterAlertRun(wanted.Count, 0, 0, 0, 0);
        }

        var allTopics = await topics.ListAsync(ct);
        var hitsByQuery = new Dictionary<string, IReadOnlyList<LetterHit>?>(StringComparer.Ordinal);
        int candidates = 0, sent = 0, failed = 0, skipped = 0;
        foreach (var want in wanted)
        {
            var subscription = await subscriptions.GetAsync(want.ConversationId, ct);
            if (subscription is not { Status: SubscriptionStatus.Active })
            {
                continue; // paused, cancelled or gone: no alerts either
            }
            // Only letters that arrived after alerts were turned on: turning them on is no flood of the past two days.
            var fresh = arrived.Where(a => a.FirstSeenAt > want.EnabledAt).Select(a => a.LetterId).ToHashSet(StringComparer.Ordinal);
            if (fresh.Count == 0)
            {
                continue;
            }
            foreach (var alert in await MatchAsync(subscription, allTopics, fresh, windowStart, hitsByQuery, ct))
            {
                candidates++;
                switch (await SendAsync(want.ConversationId, alert, ct))
                {
                    case DeliveryOutcome.Sent: sent++; break;
                    case DeliveryOutcome.AlreadyClaimed: skipped++; break;
                    default: failed++; break;
                }
            }
        }
        var run = new LetterAlertRun(wanted.Count, candidates, sent, failed, skipped);
        if (sent + failed > 0)
        {
            Log.AlertRound(logger, run.Subscriptions, run.Candidates, run.Sent, run.Failed, run.Skipped);
        }
        return run;
    }

    /// <summary>The fresh letters on the subscription's topics (all topics when it names none; every letter when none exist).</summary>
    private async Task<List<LetterAlert>> MatchAsync(
        Subscription subscription, IReadOnlyList<Topic> allTopics, HashSet<string> fresh, DateTimeOffset windowStart,
        Dictionary<string, IReadOnlyList<LetterHit>?> hitsByQuery, CancellationToken ct)
    {
        IReadOnlyList<Topic>? chosen = subscription.Topics.Count == 0
            ? allTopics
            : allTopics.Where(t => subscription.Topics.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
        {
            chosen = null; // as in the briefing: no (remaining) topics = no filter
        }

        var found = new Dictionary<string, (List<string> Topics, string? Passage)>(StringComparer.Ordinal);
        if (chosen is null)
        {
            foreach (var id in fresh)
            {
                found[id] = ([], null);
            }
        }
        else
        {
            foreach (var topic in chosen)
            {
                if (!hitsByQuery.TryGetValue(topic.Query, out var hits))
                {
                    // Letters that arrived in the window were ingested into this index in it too: a cheap first cut.
                    var response = await search.SearchAsync(topic.Query, new SearchFilters { IngestedAfter = windowStart, PageSize = MaxHitsPerTopic, Unit = SearchUnit.Letters }, 0, ct);
                    hitsByQuery[topic.Query] = hits = response.Relaxation is null ? response.Hits : null;
                }
                foreach (var hit in hits?.Where(h => fresh.Contains(h.LetterId)) ?? [])
                {
                    if (!found.TryGetValue(hit.LetterId, out var entry))
                    {
                        found[hit.LetterId] = entry = ([], BriefingComposer.BestPassage(hit));
                    }
                    entry.Topics.Add(topic.Name);
                }
            }
        }

        var alerts = new List<LetterAlert>();
        foreach (var (id, (matched, passage)) in found.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (await search.GetLetterAsync(id, ct) is not { } letter)
            {
                continue;
            }
            var text = passage ?? (await search.GetSummaryAsync(id, ct) is { Length: > 0 } summary ? summary : null);
            alerts.Add(new LetterAlert(id, letter.Title ?? id, letter.DocumentType, letter.Date, letter.Dossier, letter.DocumentNumber,
                letter.SourceUrl, text, matched));
        }
        return alerts;
    }

    private async Task<DeliveryOutcome> SendAsync(string conversationId, LetterAlert alert, CancellationToken ct)
    {
        var token = $"{instance.Id}:{Guid.NewGuid():N}";
        if (!await ledger.TryClaimAsync(conversationId, alert.LetterId, token, time.GetUtcNow(), _options.MaxAttempts, ct))
        {
            return DeliveryOutcome.AlreadyClaimed;
        }
        try
        {
            var reference = await references.GetAsync(conversationId, ct);
            if (reference is null)
            {
                await ledger.MarkFailedAsync(conversationId, alert.LetterId, token, LetterAlertState.Gone, "Geen gespreksreferentie.", time.GetUtcNow(), ct);
                return DeliveryOutcome.Gone;
            }
            var activity = LetterAlertCard.Render(alert, cards, Chat.ChatOptions.SupportsCards(chat, reference.ChannelId));
            await pacer.WaitAsync(reference.Conversation?.TenantId, ct);
            var result = await messenger.SendAsync(reference, activity, ct);
            if (result.Outcome == ConnectorOutcome.ConversationGone)
            {
                await ledger.MarkFailedAsync(conversationId, alert.LetterId, token, LetterAlertState.Gone, $"HTTP {result.StatusCode}", time.GetUtcNow(), ct);
                return DeliveryOutcome.Gone;
            }
            if (!result.IsSuccess)
            {
                Log.AlertFailed(logger, conversationId, alert.LetterId, result.Outcome.ToString(), result.StatusCode);
                await ledger.MarkFailedAsync(conversationId, alert.LetterId, token, LetterAlertState.Failed, $"{result.Outcome} (HTTP {result.StatusCode})", time.GetUtcNow(), ct);
                return DeliveryOutcome.Failed;
            }
            await ledger.MarkSentAsync(conversationId, alert.LetterId, token, result.ActivityId, time.GetUtcNow(), ct);
            return DeliveryOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.AlertCrashed(logger, ex, conversationId, alert.LetterId);
            await ledger.MarkFailedAsync(conversationId, alert.LetterId, token, LetterAlertState.Failed, $"Interne fout: {ex.GetType().Name}", time.GetUtcNow(), CancellationToken.None);
            return DeliveryOutcome.Failed;
        }
    }
}
