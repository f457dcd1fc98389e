using Briefingbot.Dossiers.Index;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Dossiers.Ingest;

/// <summary>
/// Opens the letter index when the host starts and, when configured, ingests the corpus folder in the background.
/// The web host must not wait for an ingest (a large corpus takes minutes), so the ingest runs on its own task:
/// searches before its first commit answer with what the index already holds. Stopping cancels the ingest, which
/// commits the letters it finished. The index itself (writer, searchers) is the <see cref="LetterIndex"/>
/// singleton, disposed by the container after this service has stopped.
/// </summary>
public sealed class LetterIndexHostedService(
    LetterIndex index,
    IServiceProvider services,
    DossiersPaths paths,
    IOptions<DossiersOptions> options,
    ILogger<LetterIndexHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private Task? _ingest;

    /// <summary>The background ingest started at start-up, if any (tests await it).</summary>
    public Task Ingest => _ingest ?? Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        index.EnsureOpen();
        if (options.Value.IngestOnStart)
        {
            _ingest = Task.Run(IngestCorpusAsync, CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    private async Task IngestCorpusAsync()
    {
        try
        {
            // Resolved here, not injected: building the ingest pipeline (parser, extractors, observers and their
            // stores) must not be able to stop the host from starting.
            var ingestor = services.GetRequiredService<ILetterIngestor>();
            if (options.Value.RemoveMissingOnStart)
            {
                await ingestor.IngestDirectoryAsync(paths.CorpusPath, progress: null, _stopping.Token).ConfigureAwait(false);
            }
            else
            {
                // Add and update only. The folder is the embedded corpus (a handful of letters), so reading it whole is fine.
                await ingestor.IngestAsync(ReadCorpus(paths.CorpusPath), removeOthers: false, progress: null, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down; the finished letters are committed.
        }
        catch (Exception ex)
        {
            // A failed start-up ingest must not take the bot down: search answers from the last commit.
            IndexLog.StartupIngestFailed(logger, ex);
        }
    }

    private static List<LetterSource> ReadCorpus(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                // An unreadable file becomes empty text, which the ingestor logs as skipped.
                .Select(f => new LetterSource(Path.GetFileName(f), CorpusFileReader.TryRead(f, out _) ?? string.Empty))
                .ToList();

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host that is torn down in a hurry (a test server's disposal) may dispose this service before stopping
        // it; the ingest was cancelled then already, and stopping must not fail on the disposed token source.
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                await _stopping.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }
        }
        if (_ingest is not null)
        {
            await _ingest.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
