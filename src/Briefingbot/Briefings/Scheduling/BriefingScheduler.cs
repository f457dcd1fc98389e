using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Briefingbot.Administration;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// Keeps one Quartz cron trigger per active subscription (weekday + time in the subscription's IANA zone) in the
/// persistent job store, and applies schedule changes at once (<see cref="ISubscriptionScheduleNotifier"/>).
/// </summary>
public sealed class BriefingScheduler(
    ISchedulerFactory schedulerFactory,
    ISubscriptionStore subscriptions,
    TimeProvider time,
    IOptions<BriefingOptions> options,
    ILogger<BriefingScheduler> logger) : ISubscriptionScheduleNotifier
{
    public const string Group = "briefings";
    public const string MaintenanceGroup = "briefings-maintenance";
    /// <summary>Triggers written per Quartz store transaction by a reconcile (each holds the cluster-wide trigger lock).</summary>
    internal const int TriggersPerTransaction = 50;
    private static readonly TriggerKey SweepTrigger = new("sweep", MaintenanceGroup);
    private static readonly TriggerKey ReconcileTrigger = new("reconcile", MaintenanceGroup);

    /// <summary>
    /// Per conversation, the subscription version (its UpdatedAt) whose schedule this instance last saw in, or wrote
    /// to, the job store, and when. Triggers change only with their subscription, so while the version is the same
    /// and the trigger still exists a reconcile need not read the trigger again (see
    /// <see cref="BriefingOptions.ReconcileFullCheckInterval"/>).
    /// </summary>
    private readonly ConcurrentDictionary<string, (DateTimeOffset Version, DateTimeOffset ConfirmedAt)> _confirmed = new(StringComparer.Ordinal);

    public async Task SubscriptionChangedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await EnsureJobsAsync(scheduler, cancellationToken);
        var subscription = await subscriptions.GetAsync(conversationId, cancellationToken);
        await ApplyAsync(scheduler, conversationId, subscription, cancellationToken);
    }

    /// <summary>The trigger's next fire time, for "abonnement" and tests; null when not scheduled.</summary>
    public async Task<DateTimeOffset?> NextFireTimeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerKeyFor(conversationId), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>
    /// Makes the job store match the subscriptions: adds or fixes triggers of active subscriptions, removes those
    /// of paused, inactive, cancelled or deleted ones. Unchanged triggers are left alone, so their misfire state
    /// survives a restart. Runs at start-up and every <see cref="BriefingOptions.ReconcileInterval"/>
    /// (<see cref="BriefingReconcileJob"/>): on a cluster a subscription written outside this process (another
    /// tool, a restore, a trigger write that failed after the subscription was saved) still gets its trigger.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await EnsureJobsAsync(scheduler, cancellationToken);
        var all = await subscriptions.ListAsync(null, cancellationToken);
        var existing = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken))
            .Where(k => k.Name.StartsWith("sub-", StringComparison.Ordinal))
            .ToHashSet();
        var wanted = new HashSet<TriggerKey>();
        var changed = new List<(ITrigger Trigger, Subscription Subscription)>();
        var active = 0;
        var now = time.GetUtcNow();
        foreach (var subscription in all.Where(s => s.Status == SubscriptionStatus.Active))
        {
            active++;
            var key = TriggerKeyFor(subscription.ConversationId);
            wanted.Add(key);
            if (existing.Contains(key)
                && _confirmed.TryGetValue(subscription.ConversationId, out var confirmed)
                && confirmed.Version == subscription.UpdatedAt
                && now - confirmed.ConfirmedAt < options.Value.ReconcileFullCheckInterval)
            {
                continue;
            }
            var schedule = BriefingSchedule.For(subscription);
            if (existing.Contains(key)
                && await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger current
                && current.CronExpressionString == schedule.Cron
                && current.TimeZone.Id == schedule.TimeZone.Id)
            {
                _confirmed[subscription.ConversationId] = (subscription.UpdatedAt, now);
                continue;
            }
            // The list above may be seconds old by now (thousands of subscriptions): a subscription changed since
            // through the bot already has its new trigger, which must not be overwritten with the old schedule.
            var latest = await subscriptions.GetAsync(subscription.ConversationId, cancellationToken);
            if (latest is null || latest.UpdatedAt != subscription.UpdatedAt)
            {
                continue;
            }
            changed.Add((BuildTrigger(subscription.ConversationId, schedule), subscription));
        }
        if (changed.Count > 0)
        {
            // Few store operations for all new or changed triggers: at start-up with thousands of subscriptions (and
            // on a cluster, where every operation takes the database lock) this is what keeps the reconcile in
            // seconds. But in batches: one transaction for all of them would hold Quartz's TRIGGER_ACCESS row lock
            // so long (500 triggers: tens of seconds on a busy PostgreSQL) that the scheduler threads of every node,
            // waiting for it, ran into the 30 s command timeout ("TRIGGER_ACCESS not obtained").
            var job = await scheduler.GetJobDetail(BriefingJob.Key, cancellationToken) ?? throw new InvalidOperationException("Briefing job missing.");
            foreach (var batch in changed.Chunk(TriggersPerTransaction))
            {
                await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = batch.Select(c => c.Trigger).ToList() }, ScheduleJobOptions.Replacing, cancellationToken);
                foreach (var (_, subscription) in batch)
                {
                    _confirmed[subscription.ConversationId] = (subscription.UpdatedAt, now);
                }
            }
        }
        var stale = new List<TriggerKey>();
        foreach (var key in existing.Where(k => !wanted.Contains(k)))
        {
            // Likewise a subscription made through another node after the list was read already has its trigger.
            var conversationId = (await scheduler.GetTrigger(key, cancellationToken))?.JobDataMap.GetString(BriefingJob.ConversationIdKey);
            if (conversationId is null || await subscriptions.GetAsync(conversationId, cancellationToken) is not { Status: SubscriptionStatus.Active })
            {
                stale.Add(key);
                if (conversationId is not null)
                {
                    _confirmed.TryRemove(conversationId, out _);
                }
            }
        }
        foreach (var batch in stale.Chunk(TriggersPerTransaction))
        {
            await scheduler.UnscheduleJobs(batch, cancellationToken);
        }
        var result = new ReconcileResult(changed.Count, stale.Count, active);
        Log.Reconciled(logger, result.Scheduled, result.Removed, result.Active);
        return result;
    }

    internal static TriggerKey TriggerKeyFor(string conversationId)
    {
        // Conversation ids are long and full of ':' and '@'; a hash keeps trigger names short and uniform.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..32];
        return new TriggerKey($"sub-{hash}", Group);
    }

    private async Task ApplyAsync(IScheduler scheduler, string conversationId, Subscription? subscription, CancellationToken ct)
    {
        var key = TriggerKeyFor(conversationId);
        if (subscription is not { Status: SubscriptionStatus.Active })
        {
            _confirmed.TryRemove(conversationId, out _);
            if (await scheduler.UnscheduleJob(key, ct))
            {
                Log.Unscheduled(logger, conversationId, subscription?.Status.ToString() ?? "deleted");
            }
            return;
        }

        var schedule = BriefingSchedule.For(subscription);
        if (await scheduler.GetTrigger(key, ct) is ICronTrigger existing
            && existing.CronExpressionString == schedule.Cron
            && existing.TimeZone.Id == schedule.TimeZone.Id)
        {
            _confirmed[conversationId] = (subscription.UpdatedAt, time.GetUtcNow());
            return;
        }

        var trigger = BuildTrigger(conversationId, schedule);
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
        _confirmed[conversationId] = (subscription.UpdatedAt, time.GetUtcNow());
        Log.Scheduled(logger, conversationId, schedule.Cron, schedule.TimeZone.Id, trigger.NextFireTimeUtc);
    }

    private ITrigger BuildTrigger(string conversationId, BriefingSchedule schedule) =>
        TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyFor(conversationId))
            .ForJob(BriefingJob.Key)
            .UsingJobData(BriefingJob.ConversationIdKey, conversationId)
            .WithSchedule(CronScheduleBuilder.Create(schedule.Cron)
                .InTimeZone(schedule.TimeZone)
                // Fire once when a firing was missed (downtime); the ledger's period key decides whether a
                // briefing is still owed, so a week-long outage sends one briefing, not one per missed week.
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(time.GetUtcNow())
            .Build();

    /// <summary>A durable maintenance job that repeats every <paramref name="interval"/>, unless it is already there.</summary>
    private async Task EnsureRepeatingAsync<TJob>(IScheduler scheduler, JobKey jobKey, TriggerKey triggerKey, TimeSpan interval, CancellationToken ct)
        where TJob : IJob
    {
        if (await scheduler.Exists(triggerKey, ct))
        {
            return;
        }
        var job = JobBuilder.Create<TJob>().WithIdentity(jobKey).StoreDurably().Build();
        var every = TriggerBuilder.Create(time)
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .StartAt(time.GetUtcNow() + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, every, ScheduleJobOptions.Replacing, ct);
    }

    private async Task EnsureJobsAsync(IScheduler scheduler, CancellationToken ct)
    {
        // A missed sweep or reconcile is simply the next one: nothing accumulates.
        await EnsureRepeatingAsync<BriefingSweepJob>(scheduler, BriefingSweepJob.Key, SweepTrigger, options.Value.SweepInterval, ct);
        await EnsureRepeatingAsync<BriefingReconcileJob>(scheduler, BriefingReconcileJob.Key, ReconcileTrigger, options.Value.ReconcileInterval, ct);
        if (!await scheduler.Exists(BriefingJob.Key, ct))
        {
            var job = JobBuilder.Create<BriefingJob>()
                .WithIdentity(BriefingJob.Key)
                .StoreDurably()
                .RequestRecovery()
                .Build();
            await scheduler.AddJob(job, new AddJobOptions { Replace = true }, ct);
        }
    }
}
