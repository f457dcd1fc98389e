using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// At start-up, once the host is running: brings the Quartz triggers in line with the subscriptions, then sends
/// the briefings missed while the service was down (their period not yet over). Runs in the background so a slow
/// catch-up never delays the bot answering messages.
/// </summary>
public sealed class BriefingStartupService(
    BriefingScheduler scheduler,
    BriefingCatchUp catchUp,
    SchedulerStoreChoice store,
    IHostApplicationLifetime lifetime,
    ILogger<BriefingStartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken);
            await scheduler.ReconcileAsync(stoppingToken);
            await catchUp.RunAtStartupAsync(ownsAllClaims: !store.Clustered, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The sweep job retries what this pass could not do; the bot keeps answering messages.
            Log.SweepFailed(logger, ex);
        }
    }

    private async Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var cancel = ct.Register(() => started.TrySetCanceled(ct));
        await started.Task;
    }
}
