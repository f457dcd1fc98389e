using Quartz;

namespace Briefingbot.Sources.Sync;

/// <summary>
/// The scheduled sync. On PostgreSQL the Quartz store is clustered, so one instance runs it at a time; the
/// conditional cursor update in <see cref="SourceSyncStore"/> keeps a manual CLI run from doubling a page anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SourceSyncJob(TweedeKamerSync sync, ILogger<SourceSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("tweedekamer-sync", "sources");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await sync.RunAsync(new SyncRequest(), progress: null, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The run is recorded as failed by the sync where it can be; the next trigger tries again.
            SourcesLog.JobFailed(logger, ex);
        }
    }
}
