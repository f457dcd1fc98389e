using Quartz;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>Runs <see cref="BriefingCatchUp.SweepAsync"/> every <see cref="BriefingOptions.SweepInterval"/>.</summary>
[DisallowConcurrentExecution]
public sealed class BriefingSweepJob(BriefingCatchUp catchUp) : IJob
{
    public static readonly JobKey Key = new("sweep", BriefingScheduler.MaintenanceGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await catchUp.SweepAsync(cancellationToken);
}
