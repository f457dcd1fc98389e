using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Dossiers.Ingest;

/// <summary>
/// Brings the index in line with a set of letters: new and changed files (by SHA-256 of the text) are parsed and
/// (re)indexed, files that disappeared are removed, unchanged ones are skipped without parsing. Work is committed
/// every <see cref="DossiersOptions.CommitEvery"/> letters, and observers hear about a letter only after the commit
/// that made it durable, so a crash never tells the registers about a letter the index lost.
/// The notifications are an outbox: each commit records, in the same Lucene commit (its user data), which letter
/// versions and removals the observers still have to hear about; an entry is dropped only once every observer took
/// it. A crash between commit and notification, or an observer that fails (a store that is briefly down), leaves the
/// entries pending, and the next run replays them first, in their original order, from the letter as the index holds
/// it. Observers are idempotent (upserts by key, same hash = no new version), so a replay ends as a clean run.
/// A file that cannot be read or parsed is logged and counted as failed; it never stops the run, and a letter that
/// was indexed before keeps its last good version.
/// </summary>
public sealed class LetterIngestor : ILetterIngestor
{
    private static readonly string[] LetterFields = [IndexFields.LetterId, IndexFields.SourceFile, IndexFields.ContentHash, IndexFields.SchemaVersion];

    /// <summary>Key of the pending notifications in the index's commit user data.</summary>
    internal const string PendingNotificationsKey = "briefingbot.pending-notifications";

    /// <summary>Key of the index's own id in its commit user data (see <see cref="IIndexFeedLedger"/>).</summary>
    internal const string IndexIdKey = "briefingbot.index-id";

    /// <summary>
    /// Crash tests only: with the environment variable <c>BRIEFINGBOT_FAILPOINT=ingest-after-commit</c> the ingest stops
    /// for good right after the first commit of a batch, before any observer hears of it, so that a test can kill the
    /// process exactly between commit and notification. Never set in production.
    /// </summary>
    private static readonly bool HangAfterCommit =
        Environment.GetEnvironmentVariable("BRIEFINGBOT_FAILPOINT") == FailpointAfterCommit;

    internal const string FailpointAfterCommit = "ingest-after-commit";

    // Letter id → what the observers still have to hear, in the order it happened (insertion order is kept: entries
    // are only appended or removed). Loaded from the last commit on first use; guarded by the index's ingest gate.
    private List<PendingNotification>? _pending;

    private readonly LetterIndex _index;
    private readonly ILetterParser _parser;
    private readonly ILetterSummarizer _summarizer;
    private readonly IPromiseExtractor _promises;
    private readonly IMeetingExtractor _meetings;
    private readonly IReadOnlyList<ILetterIngestObserver> _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _commitEvery;
    private readonly IIndexFeedLedger? _feedLedger;
    private bool _fed;

    public LetterIngestor(
        LetterIndex index,
        ILetterParser parser,
        ILetterSummarizer summarizer,
        IPromiseExtractor promises,
        IMeetingExtractor meetings,
        IEnumerable<ILetterIngestObserver> observers,
        TimeProvider time,
        int commitEvery = 50,
        ILogger<LetterIngestor>? logger = null,
        IIndexFeedLedger? feedLedger = null)
    {
        _index = index;
        _parser = parser;
        _summarizer = summarizer;
        _promises = promises;
        _meetings = meetings;
        _observers = observers.ToList();
        _time = time;
        _commitEvery = Math.Max(1, commitEvery);
        _logger = logger ?? NullLogger<LetterIngestor>.Instance;
        _feedLedger = feedLedger;
    }

    /// <summary>How often a log line reports progress on long runs.</summary>
    internal TimeSpan LogInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Log a progress line at least every this many letters.</summary>
    internal int LogEveryLetters { get; init; } = 100;

    public Task<IngestProgress> IngestDirectoryAsync(string corpusDirectory, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(corpusDirectory))
        {
            IndexLog.CorpusMissing(_logger, corpusDirectory);
            return Task.FromResult(new IngestProgress(0, 0, 0, 0, 0, 0, 0));
        }

        var entries = Directory.EnumerateFiles(corpusDirectory)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => new Entry(Path.GetFileName(f), () => (CorpusFileReader.TryRead(f, out var problem), problem)))
            .ToList();
        IndexLog.IngestStarted(_logger, entries.Count, corpusDirectory);
        return RunAsync(entries, removeOthers: true, progress, cancellationToken);
    }

    public Task<IngestProgress> IngestAsync(IReadOnlyCollection<LetterSource> sources, bool removeOthers, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var entries = sources
            .Select(s => new Entry(s.SourceFile, () => CorpusFileReader.LooksLikeText(s.RawText) && s.RawText.Length > 0
                ? (s.RawText, null)
                : ((string?)null, "not text")))
            .ToList();
        return RunAsync(entries, removeOthers, progress, cancellationToken);
    }

    public async Task<IngestProgress> RemoveAsync(IReadOnlyCollection<string> sourceFiles, CancellationToken cancellationToken = default)
    {
        await _index.IngestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FeedNewStoresAsync(cancellationToken).ConfigureAwait(false);
            await ReplayPendingAsync(cancellationToken).ConfigureAwait(false);
            _index.Refresh();
            var existing = ReadExistingLetters();
            var removed = new List<string>();
            foreach (var sourceFile in sourceFiles.Distinct(StringComparer.Ordinal))
            {
                if (existing.TryGetValue(sourceFile, out var letter))
                {
                    _index.Writer.DeleteDocuments(new Term(IndexFields.LetterId, letter.LetterId));
                    removed.Add(letter.LetterId);
                }
            }
            if (removed.Count > 0)
            {
                await CommitBatchAsync([], removed, cancellationToken).ConfigureAwait(false);
            }
            await FlushPendingAsync().ConfigureAwait(false);
            return new IngestProgress(sourceFiles.Count, sourceFiles.Count, 0, 0, removed.Count, 0, 0);
        }
        finally
        {
            _index.IngestGate.Release();
        }
    }

    private async Task<IngestProgress> RunAsync(IReadOnlyList<Entry> entries, bool removeOthers, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        await _index.IngestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FeedNewStoresAsync(cancellationToken).ConfigureAwait(false);
            await ReplayPendingAsync(cancellationToken).ConfigureAwait(false);
            var result = await RunLockedAsync(entries, removeOthers, progress, cancellationToken).ConfigureAwait(false);
            await FlushPendingAsync().ConfigureAwait(false);
            return result;
        }
        finally
        {
            _index.IngestGate.Release();
        }
    }

    private async Task<IngestProgress> RunLockedAsync(IReadOnlyList<Entry> entries, bool removeOthers, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var writer = _index.Writer;
        _index.Refresh();
        var existing = ReadExistingLetters();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Letter>();
        var counts = new Counts { Total = entries.Count };
        var lastLog = _time.GetTimestamp();

        try
        {
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                seenFiles.Add(entry.SourceFile);
                ProcessEntry(entry, existing, writer, batch, counts);
                counts.Processed++;

                if (batch.Count >= _commitEvery)
                {
                    await CommitBatchAsync(batch, [], cancellationToken).ConfigureAwait(false);
                }

                var snapshot = counts.Snapshot();
                progress?.Report(snapshot);
                if (counts.Processed % LogEveryLetters == 0 || _time.GetElapsedTime(lastLog) >= LogInterval)
                {
                    lastLog = _time.GetTimestamp();
                    LogProgress(snapshot);
                }
            }

            var removed = new List<string>();
            if (removeOthers)
            {
                foreach (var (sourceFile, letter) in existing)
                {
                    if (!seenFiles.Contains(sourceFile))
                    {
                        writer.DeleteDocuments(new Term(IndexFields.LetterId, letter.LetterId));
                        removed.Add(letter.LetterId);
                        counts.Removed++;
                    }
                }
            }

            await CommitBatchAsync(batch, removed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Every letter in the batch was written completely (delete + add of its documents); commit them and
            // tell the observers so the index and the registers agree, then stop.
            await CommitBatchAsync(batch, [], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var result = counts.Snapshot();
        progress?.Report(result);
        IndexLog.IngestFinished(_logger, stopwatch.ElapsedMilliseconds, result.Processed, result.Total, result.Added, result.Changed, result.Removed, result.Unchanged, result.Failed);
        return result;
    }

    private void ProcessEntry(Entry entry, Dictionary<string, ExistingLetter> existing, IndexWriter writer, List<Letter> batch, Counts counts)
    {
        var (raw, problem) = entry.Read();
        if (raw is null)
        {
            IndexLog.LetterSkipped(_logger, entry.SourceFile, problem ?? "unreadable");
            counts.Failed++;
            return;
        }

        var hash = Sha256Hex(raw);
        existing.TryGetValue(entry.SourceFile, out var previous);
        if (previous is not null && previous.ContentHash == hash)
        {
            counts.Unchanged++;
            return;
        }

        try
        {
            var letter = _parser.Parse(entry.SourceFile, raw) with { ContentHash = hash };
            var summary = _summarizer.Summarize(letter);
            var documents = LetterDocuments.Create(letter, summary, _time.GetUtcNow()).ToList();
            if (previous is not null && previous.LetterId != letter.Id)
            {
                writer.DeleteDocuments(new Term(IndexFields.LetterId, previous.LetterId));
            }
            // Letter document and passages go in as one block: a letter is in the index completely or not at all.
            writer.UpdateDocuments(new Term(IndexFields.LetterId, letter.Id), documents);
            batch.Add(letter);
            if (previous is null)
            {
                counts.Added++;
            }
            else
            {
                counts.Changed++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser bug or odd content must not stop the ingest of the other letters.
            IndexLog.LetterFailed(_logger, entry.SourceFile, ex);
            counts.Failed++;
        }
    }

    private async Task CommitBatchAsync(List<Letter> batch, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        // The outbox goes into the same commit as the documents: either both are durable or neither.
        foreach (var letter in batch)
        {
            AddPending(new PendingNotification(letter.Id, Removed: false));
        }
        foreach (var letterId in removed)
        {
            AddPending(new PendingNotification(letterId, Removed: true));
        }
        WritePending();
        await _index.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (HangAfterCommit && batch.Count + removed.Count > 0)
        {
            IndexLog.FailpointReached(_logger, FailpointAfterCommit);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        foreach (var letter in batch)
        {
            if (await NotifyIngestedAsync(letter, cancellationToken).ConfigureAwait(false))
            {
                Acknowledge(letter.Id, removed: false);
            }
        }
        batch.Clear();
        foreach (var letterId in removed)
        {
            if (await NotifyRemovedAsync(letterId, cancellationToken).ConfigureAwait(false))
            {
                Acknowledge(letterId, removed: true);
            }
        }
        // Acknowledgements are written with the next commit (or the flush at the end of the run): a crash before
        // that only replays notifications the observers already took, which they absorb.
    }

    /// <summary>
    /// Once per process: when the stores were never fed from this index (a new or replaced database next to an index
    /// that stays), tells every observer about every letter the index holds, then records it in the ledger. A letter an
    /// observer refused goes into the outbox (retried as any pending notification); a crash before the ledger is
    /// written tells them all again at the next run (observers are idempotent). A ledger that cannot be read (the
    /// database briefly down) is tried again at the next run; the ingest goes on.
    /// </summary>
    private async Task FeedNewStoresAsync(CancellationToken cancellationToken)
    {
        if (_fed || _feedLedger is null || _observers.Count == 0)
        {
            return;
        }
        try
        {
            var indexId = await IndexIdAsync(cancellationToken).ConfigureAwait(false);
            if (await _feedLedger.HasFedAsync(indexId, cancellationToken).ConfigureAwait(false))
            {
                _fed = true;
                return;
            }

            _index.Refresh();
            var letterIds = ReadExistingLetters().Values.Select(l => l.LetterId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var stopwatch = Stopwatch.StartNew();
            if (letterIds.Count > 0)
            {
                IndexLog.FeedingNewStores(_logger, letterIds.Count);
            }
            var notTold = new List<string>();
            var lastLog = _time.GetTimestamp();
            for (var i = 0; i < letterIds.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var letter = ReadIndexedLetter(letterIds[i]);
                if (letter is not null && !await NotifyIngestedAsync(letter, cancellationToken).ConfigureAwait(false))
                {
                    notTold.Add(letter.Id);
                }
                if (_time.GetElapsedTime(lastLog) >= LogInterval)
                {
                    lastLog = _time.GetTimestamp();
                    IndexLog.FeedingNewStoresProgress(_logger, i + 1, letterIds.Count);
                }
            }
            if (notTold.Count > 0)
            {
                // The letters an observer refused go into the outbox, durable before the ledger says "fed": the next
                // runs retry those, not the whole index again.
                foreach (var letterId in notTold)
                {
                    AddPending(new PendingNotification(letterId, Removed: false));
                }
                WritePending();
                await _index.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            await _feedLedger.MarkFedAsync(indexId, cancellationToken).ConfigureAwait(false);
            _fed = true;
            if (letterIds.Count > 0)
            {
                IndexLog.FedNewStores(_logger, letterIds.Count, stopwatch.ElapsedMilliseconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            IndexLog.FeedLedgerFailed(_logger, ex);
        }
    }

    /// <summary>The index's own id, made and committed the first time it is asked for.</summary>
    private async Task<string> IndexIdAsync(CancellationToken cancellationToken)
    {
        if (_index.Writer.CommitData is { } data && data.TryGetValue(IndexIdKey, out var id) && !string.IsNullOrEmpty(id))
        {
            return id;
        }
        id = Guid.NewGuid().ToString("N");
        SetCommitValue(IndexIdKey, id);
        await _index.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Tells every observer again what a crash or an observer error left pending, oldest first.</summary>
    private async Task ReplayPendingAsync(CancellationToken cancellationToken)
    {
        var pending = Pending();
        if (pending.Count == 0)
        {
            return;
        }
        IndexLog.ReplayingNotifications(_logger, pending.Count);
        _index.Refresh();
        foreach (var entry in pending.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The letter as the index holds it now: the version a clean run would have told the observers last.
            var letter = entry.Removed ? null : ReadIndexedLetter(entry.LetterId);
            var told = letter is null
                ? await NotifyRemovedAsync(entry.LetterId, cancellationToken).ConfigureAwait(false)
                : await NotifyIngestedAsync(letter, cancellationToken).ConfigureAwait(false);
            if (told)
            {
                Acknowledge(entry.LetterId, entry.Removed);
            }
        }
        await FlushPendingAsync().ConfigureAwait(false);
    }

    /// <summary>Commits the outbox if acknowledgements changed it since the last commit.</summary>
    private async Task FlushPendingAsync()
    {
        if (_pending is null || Serialize(_pending) == CommittedPending())
        {
            return;
        }
        WritePending();
        await _index.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private List<PendingNotification> Pending() => _pending ??= Deserialize(CommittedPending());

    private string CommittedPending() =>
        _index.Writer.CommitData is { } data && data.TryGetValue(PendingNotificationsKey, out var value) ? value ?? "" : "";

    private void AddPending(PendingNotification entry)
    {
        var pending = Pending();
        pending.RemoveAll(p => p.LetterId == entry.LetterId);
        pending.Add(entry);
    }

    private void Acknowledge(string letterId, bool removed) =>
        Pending().RemoveAll(p => p.LetterId == letterId && p.Removed == removed);

    private void WritePending() => SetCommitValue(PendingNotificationsKey, Serialize(Pending()));

    /// <summary>Sets one value of the next commit's user data, keeping the others.</summary>
    private void SetCommitValue(string key, string value)
    {
        var data = new Dictionary<string, string>(_index.Writer.CommitData ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [key] = value,
        };
        _index.Writer.SetCommitData(data);
    }

    // One line per entry: "+id" ingested, "-id" removed (letter ids are file names without extension: no newlines).
    private static string Serialize(List<PendingNotification> pending) =>
        string.Join('\n', pending.Select(p => (p.Removed ? "-" : "+") + p.LetterId));

    private static List<PendingNotification> Deserialize(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Length > 1)
            .Select(line => new PendingNotification(line[1..], Removed: line[0] == '-'))
            .ToList();

    /// <summary>The letter with this id as stored in the index (parsed again from its stored text), or null.</summary>
    private Letter? ReadIndexedLetter(string letterId)
    {
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindLetter)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.LetterId, letterId)), Occur.MUST },
        };
        var hit = searcher.Search(query, 1).ScoreDocs.FirstOrDefault();
        if (hit is null)
        {
            return null;
        }
        var doc = searcher.Doc(hit.Doc);
        var sourceFile = doc.Get(IndexFields.SourceFile);
        var raw = doc.Get(IndexFields.RawText);
        if (sourceFile is null || raw is null)
        {
            return null;
        }
        try
        {
            return _parser.Parse(sourceFile, raw) with { ContentHash = doc.Get(IndexFields.ContentHash) ?? Sha256Hex(raw) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            IndexLog.ObserverFailed(_logger, letterId, ex);
            return null;
        }
    }

    private async Task<bool> NotifyRemovedAsync(string letterId, CancellationToken cancellationToken)
    {
        var told = true;
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnLetterRemovedAsync(letterId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IndexLog.ObserverFailed(_logger, letterId, ex);
                told = false;
            }
        }
        return told;
    }

    /// <summary>Tells every observer; true if all of them took it.</summary>
    private async Task<bool> NotifyIngestedAsync(Letter letter, CancellationToken cancellationToken)
    {
        if (_observers.Count == 0)
        {
            return true;
        }

        IReadOnlyList<ExtractedPromise> promises;
        IReadOnlyList<ExtractedMeeting> meetings;
        try
        {
            promises = _promises.Extract(letter);
            meetings = _meetings.Extract(letter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Deterministic: a clean run fails the same way, so the observers hear of the letter without extractions.
            IndexLog.ObserverFailed(_logger, letter.Id, ex);
            promises = [];
            meetings = [];
        }

        var told = true;
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnLetterIngestedAsync(letter, promises, meetings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IndexLog.ObserverFailed(_logger, letter.Id, ex);
                told = false;
            }
        }
        return told;
    }

    private Dictionary<string, ExistingLetter> ReadExistingLetters()
    {
        var result = new Dictionary<string, ExistingLetter>(StringComparer.Ordinal);
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        var fields = new HashSet<string>(LetterFields);
        var hits = searcher.Search(new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindLetter)), Math.Max(1, searcher.IndexReader.MaxDoc));
        foreach (var hit in hits.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc, fields);
            var id = doc.Get(IndexFields.LetterId);
            var file = doc.Get(IndexFields.SourceFile);
            if (id is not null && file is not null)
            {
                // A letter indexed under an older document schema counts as changed, so it is indexed again.
                var current = doc.Get(IndexFields.SchemaVersion) == IndexFields.CurrentSchema;
                result[file] = new ExistingLetter(id, current ? doc.Get(IndexFields.ContentHash) ?? string.Empty : string.Empty);
            }
        }
        return result;
    }

    private void LogProgress(IngestProgress p) =>
        IndexLog.IngestProgress(_logger, p.Processed, p.Total, p.Added, p.Changed, p.Removed, p.Unchanged, p.Failed);

    internal static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Entry(string SourceFile, Func<(string? Raw, string? Problem)> Read);

    private sealed record ExistingLetter(string LetterId, string ContentHash);

    private sealed record PendingNotification(string LetterId, bool Removed);

    private sealed class Counts
    {
        public int Processed, Total, Added, Changed, Removed, Unchanged, Failed;

        public IngestProgress Snapshot() => new(Processed, Total, Added, Changed, Removed, Unchanged, Failed);
    }
}
