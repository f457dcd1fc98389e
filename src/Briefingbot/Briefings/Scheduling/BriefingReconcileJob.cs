using Quartz;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// Runs <see cref="BriefingScheduler.ReconcileAsync"/> every <see cref="BriefingOptions.ReconcileInterval"/>. One
/// trigger in the shared job store, so on a cluster one node at a time reconciles for all of them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BriefingReconcileJob(BriefingScheduler scheduler, ILogger<BriefingReconcileJob> logger) : IJob
{
    public static readonly JobKey Key = new("reconcile", BriefingScheduler.MaintenanceGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ReconcileAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; a failed run changes nothing that the next one cannot fix.
            Log.ReconcileFailed(logger, ex);
        }
    }
}
