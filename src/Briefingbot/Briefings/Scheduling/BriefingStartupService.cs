using Briefingbot.Dossiers.Ingest;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// At start-up, once the host is running: brings the Quartz triggers in line with the subscriptions, then, once the
/// start-up ingest of the corpus is done (at most <see cref="BriefingOptions.StartupIngestWait"/>), sends the
/// briefings missed while the service was down (their period not yet over), so they hold the letters on disk. Runs in
/// the background so a slow catch-up never delays the bot answering messages.
/// </summary>
public sealed class BriefingStartupService(
    BriefingScheduler scheduler,
    BriefingCatchUp catchUp,
    SchedulerStoreChoice store,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    IOptions<BriefingOptions> options,
    ILogger<BriefingStartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken);
            await scheduler.ReconcileAsync(stoppingToken);
            await WaitForStartupIngestAsync(stoppingToken);
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

    /// <summary>
    /// The start-up ingest (it never throws: a failed one is logged and search answers from the last commit). Composed
    /// during it, a missed briefing listed only the letters indexed so far (a crash test on a busy machine saw every
    /// briefing of a 30-letter corpus composed from the first few).
    /// </summary>
    private async Task WaitForStartupIngestAsync(CancellationToken ct)
    {
        var ingests = services.GetServices<IHostedService>().OfType<LetterIndexHostedService>().Select(s => s.Ingest).ToList();
        if (ingests.Count == 0 || ingests.All(t => t.IsCompleted))
        {
            return;
        }
        Log.WaitingForStartupIngest(logger);
        try
        {
            await Task.WhenAll(ingests).WaitAsync(options.Value.StartupIngestWait, ct);
        }
        catch (TimeoutException)
        {
            Log.StartupIngestWaitOver(logger, options.Value.StartupIngestWait);
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
