using Briefingbot.Briefings.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace Briefingbot.Briefings.NewLetters;

/// <summary>Runs <see cref="LetterAlertDispatcher.RunAsync"/> every <see cref="BriefingOptions.AlertInterval"/> (one node at a time in a cluster).</summary>
[DisallowConcurrentExecution]
public sealed class LetterAlertJob(LetterAlertDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("letter-alerts", BriefingScheduler.MaintenanceGroup);
    public static readonly TriggerKey Trigger = new("letter-alerts", BriefingScheduler.MaintenanceGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.RunAsync(cancellationToken);
}

/// <summary>Puts the repeating <see cref="LetterAlertJob"/> trigger in the job store once the scheduler runs (kept across restarts).</summary>
internal sealed class LetterAlertScheduling(ISchedulerFactory factory, TimeProvider time, IOptions<BriefingOptions> options, ILogger<LetterAlertScheduling> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scheduler = await factory.GetScheduler(stoppingToken);
            var interval = options.Value.AlertInterval;
            var existing = await scheduler.GetTrigger(LetterAlertJob.Trigger, stoppingToken);
            if (existing is ISimpleTrigger simple && simple.RepeatInterval == interval)
            {
                return;
            }
            var job = JobBuilder.Create<LetterAlertJob>().WithIdentity(LetterAlertJob.Key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(LetterAlertJob.Trigger)
                .ForJob(LetterAlertJob.Key)
                .StartAt(time.GetUtcNow() + TimeSpan.FromMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.AlertSchedulingFailed(logger, ex);
        }
    }
}
