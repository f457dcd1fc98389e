using System.Threading.Channels;
using Briefingbot.Dossiers.Ingest;

namespace Briefingbot.Tests.Storage;

/// <summary>A hand-written ingestor that records what it is fed and signals each call.</summary>
internal sealed class RecordingLetterIngestor : ILetterIngestor
{
    private readonly Channel<string> _calls = Channel.CreateUnbounded<string>();

    public List<LetterSource> Ingested { get; } = [];

    public List<string> Removed { get; } = [];

    /// <summary>Behaves like an ingestor written before RemoveAsync existed (the interface's default).</summary>
    public bool RemovalUnsupported { get; init; }

    /// <summary>When set, the next call throws it (once).</summary>
    public Exception? FailNext { get; set; }

    public Task<IngestProgress> IngestDirectoryAsync(string corpusDirectory, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IngestProgress> IngestAsync(IReadOnlyCollection<LetterSource> sources, bool removeOthers, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Assert.False(removeOthers, "The follower must never remove letters it was not told about.");
        ThrowIfFailing();
        lock (Ingested)
        {
            Ingested.AddRange(sources);
        }
        _calls.Writer.TryWrite("ingest:" + string.Join(",", sources.Select(s => s.SourceFile)));
        return Task.FromResult(new IngestProgress(sources.Count, sources.Count, sources.Count, 0, 0, 0, 0));
    }

    public Task<IngestProgress> RemoveAsync(IReadOnlyCollection<string> sourceFiles, CancellationToken cancellationToken = default)
    {
        if (RemovalUnsupported)
        {
            throw new NotSupportedException("no single-letter removal");
        }
        ThrowIfFailing();
        lock (Ingested)
        {
            Removed.AddRange(sourceFiles);
        }
        _calls.Writer.TryWrite("remove:" + string.Join(",", sourceFiles));
        return Task.FromResult(new IngestProgress(sourceFiles.Count, sourceFiles.Count, 0, 0, sourceFiles.Count, 0, 0));
    }

    /// <summary>The next call, or a failure after a generous bound (never a sleep: returns as soon as the call happens).</summary>
    public async Task<string> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    public bool HasPendingCall => _calls.Reader.TryPeek(out _);

    private void ThrowIfFailing()
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }
    }
}
