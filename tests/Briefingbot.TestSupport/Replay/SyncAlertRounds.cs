using Briefingbot.Briefings;
using Briefingbot.Briefings.Dispatch;
using Briefingbot.Briefings.NewLetters;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefingbot.TestSupport.Replay;

/// <summary>What the alert rounds after a sync sent: the letters alerted in the first round, and how many went out again in a second.</summary>
public sealed record AlertRounds(IReadOnlyList<string> Alerted, int Duplicates, int Repeated);

/// <summary>
/// The instant alerts (<c>abonneer direct</c>) a synced store leads to, for the crash check: before any sync a
/// conversation turns alerts on with no topic filter (so every new letter counts); after the sync two rounds of the real
/// <see cref="LetterAlertDispatcher"/> run on the workspace's store and index with a connector that only records.
/// The killed sync and the uninterrupted one must alert the same letters, each once, and a second round nothing.
/// </summary>
public static class SyncAlertRounds
{
    public const string ConversationId = "bench-sync-alerts";
    private const string TenantId = "bench-sync-tenant";

    /// <summary>Creates the store (migrations) and turns alerts on for <see cref="ConversationId"/>.</summary>
    public static async Task PrepareAsync(SyncWorkspace workspace, CancellationToken ct = default)
    {
        var database = workspace.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow();
        await new SubscriptionStore(database).UpsertAsync(new Subscription(ConversationId, TenantId, [], DayOfWeek.Monday, new TimeOnly(8, 0),
            "Europe/Amsterdam", SubscriptionStatus.Active, null, "bench-sync", now, now), ct);
        await new ConversationReferenceStore(database, TimeProvider.System).SaveAsync(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "http://127.0.0.1:9/",
            Conversation = new ConversationAccount { Id = ConversationId, TenantId = TenantId },
            Bot = new ChannelAccount { Id = "bench-bot", Name = "Briefingbot" },
        }, ct);
        await new InstantAlertSubscriptions(database).EnableAsync(ConversationId, "bench-sync", now, ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Two alert rounds on the workspace's store and index (after its last sync built the index).</summary>
    public static async Task<AlertRounds> RunAsync(SyncWorkspace workspace, CancellationToken ct = default)
    {
        var database = workspace.OpenDatabase();
        var options = Options.Create(new BriefingOptions { FanoutPerTenantPerSecond = 1000 });
        var messenger = new RecordingMessenger();
        using var index = new LetterIndex(workspace.IndexPath);
        using var pacer = new FanoutPacer(options);
        var dispatcher = new LetterAlertDispatcher(
            new InstantAlertSubscriptions(database), new LetterAlertLedger(database), new StoreLetterArrivals(database, options),
            new SubscriptionStore(database), new TopicStore(database), new LetterSearch(index, new LetterParser()),
            new ConversationReferenceStore(database, TimeProvider.System), messenger, new ProcessIdentity(TimeProvider.System), pacer,
            TimeProvider.System, options, NullLogger<LetterAlertDispatcher>.Instance);
        await dispatcher.RunAsync(ct);
        var first = messenger.Sent.ToList();
        await dispatcher.RunAsync(ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var alerted = first.Order(StringComparer.Ordinal).ToList();
        return new AlertRounds(alerted, alerted.Count - alerted.Distinct(StringComparer.Ordinal).Count(), messenger.Sent.Count - first.Count);
    }

    /// <summary>A connector that accepts everything and remembers which letter each alert was about (its card's title block).</summary>
    private sealed class RecordingMessenger : IProactiveMessenger
    {
        private readonly Lock _gate = new();

        public List<string> Sent { get; } = [];

        public Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                Sent.Add(activity.Text ?? activity.Summary ?? "");
                return Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok, "a" + Sent.Count));
            }
        }
    }
}
