using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Registers;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Letters;
using Briefingbot.Storage.Stores;
using Briefingbot.Tests.Cards;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Storage;

/// <summary>
/// A database replaced next to an index that stays (deleted, or the host switched from SQLite to PostgreSQL): the
/// ingest skips every unchanged letter, so the new database's registers and letter store stayed empty until a letter
/// changed (found while testing). The ingest now tells a database it never fed about every letter the index holds.
/// Real Lucene index, real SQLite databases, the real parser and extractors over the seed letters.
/// </summary>
public sealed class ReplacedDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("briefingbot-replaced-db-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private readonly string _corpus;

    public ReplacedDatabaseTests()
    {
        _corpus = Directory.CreateDirectory(Path.Combine(_directory, "corpus")).FullName;
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(NodeCardChecker.RepoRoot, "seeds"), "*.txt"))
        {
            File.Copy(seed, Path.Combine(_corpus, Path.GetFileName(seed)));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_new_database_next_to_a_kept_index_hears_about_every_letter_once()
    {
        int promisesInFirst, meetingsInFirst;
        using (var index = Index())
        {
            var first = Stores("first.db");
            await Ingestor(index, first).IngestDirectoryAsync(_corpus);
            promisesInFirst = (await first.Promises.ListAsync()).Count;
            meetingsInFirst = (await first.Meetings.ListAsync()).Count;
        }

        // The database is replaced; the index and the corpus stay, so every letter is unchanged for the ingest.
        var second = Stores("second.db");
        IngestProgress result;
        using (var index = Index())
        {
            result = await Ingestor(index, second).IngestDirectoryAsync(_corpus);
        }

        Assert.True(promisesInFirst > 0 && meetingsInFirst > 0);
        Assert.Equal(5, result.Unchanged);
        Assert.Equal(promisesInFirst, (await second.Promises.ListAsync()).Count);
        Assert.Equal(meetingsInFirst, (await second.Meetings.ListAsync()).Count);
        Assert.Equal(5, (await second.Letters.ListAsync()).Count);
    }

    [Fact]
    public async Task A_database_that_was_fed_is_not_fed_again_and_a_refused_letter_is_retried_alone()
    {
        using var index = Index();
        var stores = Stores("store.db");
        await Ingestor(index, stores).IngestDirectoryAsync(_corpus);

        // A later process on the same index and database: nothing to tell.
        var counting = new CountingObserver();
        await Ingestor(index, stores, counting).IngestDirectoryAsync(_corpus);
        Assert.Equal(0, counting.Ingested);

        // A new database whose store refuses one letter (twice: in the feed and in the replay right after it): that
        // letter waits in the outbox and the next process tells only it; the rest is not told again.
        var other = Stores("other.db");
        var failing = new CountingObserver { Failures = 2 };
        await Ingestor(index, other, failing).IngestDirectoryAsync(_corpus);
        Assert.Equal(6, failing.Ingested);

        var again = new CountingObserver();
        await Ingestor(index, other, again).IngestDirectoryAsync(_corpus);
        Assert.Equal([failing.Refused[0]], again.Told);
        var afterwards = new CountingObserver();
        await Ingestor(index, other, afterwards).IngestDirectoryAsync(_corpus);
        Assert.Equal(0, afterwards.Ingested);
    }

    private LetterIndex Index() => new(Path.Combine(_directory, "index"));

    private StoreSet Stores(string file)
    {
        var database = new SqliteStoreDatabase($"Data Source={file}", _directory, _time, NullLogger<SqliteStoreDatabase>.Instance);
        return new StoreSet(new PromiseRegister(database), new MeetingRegister(database), new LetterStore(database), new IndexFeedLedger(database, _time));
    }

    private LetterIngestor Ingestor(LetterIndex index, StoreSet stores, ILetterIngestObserver? extra = null)
    {
        List<ILetterIngestObserver> observers =
        [
            new RegisterIngestObserver(stores.Promises, stores.Meetings, _time, NullLogger<RegisterIngestObserver>.Instance),
            new LetterStoreIngestObserver(stores.Letters, _time, NullLogger<LetterStoreIngestObserver>.Instance),
        ];
        if (extra is not null)
        {
            observers.Add(extra);
        }
        return new LetterIngestor(index, new LetterParser(), new ExtractiveSummarizer(), new PromiseExtractor(), new MeetingExtractor(), observers, _time,
            feedLedger: stores.Ledger);
    }

    private sealed record StoreSet(PromiseRegister Promises, MeetingRegister Meetings, LetterStore Letters, IndexFeedLedger Ledger);

    private sealed class CountingObserver : ILetterIngestObserver
    {
        public List<string> Told { get; } = [];

        public List<string> Refused { get; } = [];

        public int Ingested => Told.Count + Refused.Count;

        /// <summary>How many times to refuse the first letter it hears of (a store that cannot take that letter yet).</summary>
        public int Failures { get; set; }

        public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken)
        {
            if (Failures > 0 && (Refused.Count == 0 || Refused[0] == letter.Id))
            {
                Failures--;
                Refused.Add(letter.Id);
                throw new InvalidOperationException("store briefly down");
            }
            Told.Add(letter.Id);
            return Task.CompletedTask;
        }

        public Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
