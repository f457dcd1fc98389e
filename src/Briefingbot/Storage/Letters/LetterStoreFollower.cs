using Briefingbot.Dossiers.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Storage.Letters;

/// <summary>
/// Keeps this instance's index in step with the shared letter store: catches up on start (from version 0: the
/// ingest skips letters whose hash it already has), then polls for newer versions every
/// <see cref="StorageOptions.FollowInterval"/>. A failed round does not advance, so it is retried at the next poll.
/// </summary>
internal sealed class LetterStoreFollower(
    ILetterStore store,
    ILetterIngestor ingestor,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<LetterStoreFollower> logger) : BackgroundService
{
    internal const int PageSize = 100;

    private long _version;

    /// <summary>The highest store version fed to the index.</summary>
    public long Version => Interlocked.Read(ref _version);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FollowInterval;
        logger.LetterFollowerStarted(interval);
        using var timer = new PeriodicTimer(interval, timeProvider);
        do
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LetterFollowFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Feeds every change after <see cref="Version"/> to the ingest, page by page.</summary>
    internal async Task CatchUpAsync(CancellationToken ct)
    {
        int changed = 0, removed = 0;
        while (true)
        {
            var changes = await store.ChangesSinceAsync(Version, PageSize, ct);
            if (changes.Count == 0)
            {
                break;
            }

            // Versions are unique per letter, so a page names each letter at most once.
            var live = changes.Where(c => !c.Deleted).Select(c => new LetterSource(c.SourceFile, c.RawText)).ToList();
            var deleted = changes.Where(c => c.Deleted).Select(c => c.SourceFile).ToList();
            if (live.Count > 0)
            {
                await ingestor.IngestAsync(live, removeOthers: false, cancellationToken: ct);
            }
            if (deleted.Count > 0)
            {
                try
                {
                    await ingestor.RemoveAsync(deleted, ct);
                }
                catch (NotSupportedException)
                {
                    // An ingestor without single-letter removal: retrying cannot help, and stopping here would re-read
                    // this page forever and never reach later changes. Move on; the letters stay in this index.
                    logger.LetterRemovalUnsupported(deleted.Count, ingestor.GetType().Name);
                }
            }

            changed += live.Count;
            removed += deleted.Count;
            Interlocked.Exchange(ref _version, changes[^1].Version);
            if (changes.Count < PageSize)
            {
                break;
            }
        }
        if (changed + removed > 0)
        {
            logger.LettersFollowed(changed, removed, Version);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
