using Briefingbot.Dossiers.Letters;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Letters;
using Briefingbot.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Storage;

/// <summary>Letters in the shared store: the ingest observer writes them, the follower feeds them to the index.</summary>
public sealed class LetterStoreFollowerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly string _directory = Directory.CreateTempSubdirectory("briefingbot-follow-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private readonly LetterStore _store;
    private readonly RecordingLetterIngestor _ingestor = new();

    public LetterStoreFollowerTests()
    {
        var database = new SqliteStoreDatabase("Data Source=store.db", _directory, _time, NullLogger<SqliteStoreDatabase>.Instance);
        _store = new LetterStore(database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Observer_writes_ingested_letters_and_marks_removed_ones_deleted()
    {
        var observer = new LetterStoreIngestObserver(_store, _time, NullLogger<LetterStoreIngestObserver>.Instance);
        await observer.OnLetterIngestedAsync(Letter("000_28c287220feeccd7.txt", "h1", "Den Haag, 11 april 2025"), [], [], CancellationToken.None);
        await observer.OnLetterIngestedAsync(Letter("001_e472fb248c5230f8.txt", "h2", "Den Haag, 28 augustus 2025"), [], [], CancellationToken.None);
        // Fed back by a follower: same hash, no new version, no echo to the other instances.
        await observer.OnLetterIngestedAsync(Letter("000_28c287220feeccd7.txt", "h1", "Den Haag, 11 april 2025"), [], [], CancellationToken.None);

        await observer.OnLetterRemovedAsync("000_28c287220feeccd7", CancellationToken.None);
        await observer.OnLetterRemovedAsync("999_unknown", CancellationToken.None);

        var changes = await _store.ChangesSinceAsync(0, 10);
        Assert.Equal(
            [("001_e472fb248c5230f8.txt", false, 2L), ("000_28c287220feeccd7.txt", true, 3L)],
            changes.Select(c => (c.SourceFile, c.Deleted, c.Version)));
        Assert.Equal("Den Haag, 28 augustus 2025", (await _store.ListAsync()).Single().RawText);
    }

    [Fact]
    public async Task Catch_up_feeds_every_change_page_by_page_and_then_only_newer_ones()
    {
        for (var i = 0; i < LetterStoreFollower.PageSize + 5; i++)
        {
            await _store.UpsertAsync($"{i:000}.txt", $"h{i}", $"tekst {i}", _time.GetUtcNow());
        }
        await _store.MarkDeletedAsync("003.txt", _time.GetUtcNow());
        var follower = Follower();

        await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(LetterStoreFollower.PageSize + 4, _ingestor.Ingested.Count);
        Assert.DoesNotContain(_ingestor.Ingested, l => l.SourceFile == "003.txt");
        Assert.Equal(["003.txt"], _ingestor.Removed);
        Assert.Equal("tekst 7", _ingestor.Ingested.Single(l => l.SourceFile == "007.txt").RawText);

        _ingestor.Ingested.Clear();
        await _store.UpsertAsync("007.txt", "h7b", "tekst 7, gewijzigd", _time.GetUtcNow());
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.Equal([new("007.txt", "tekst 7, gewijzigd")], _ingestor.Ingested);
    }

    [Fact]
    public async Task A_failed_round_is_retried_without_losing_the_change()
    {
        await _store.UpsertAsync("000.txt", "h0", "tekst", _time.GetUtcNow());
        var follower = Follower();
        _ingestor.FailNext = new IOException("index locked");

        await Assert.ThrowsAsync<IOException>(() => follower.CatchUpAsync(CancellationToken.None));
        Assert.Equal(0, follower.Version);
        await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["000.txt"], _ingestor.Ingested.Select(l => l.SourceFile));
    }

    [Fact]
    public async Task An_ingestor_that_cannot_remove_letters_does_not_stop_the_follower()
    {
        await _store.UpsertAsync("000.txt", "h0", "tekst", _time.GetUtcNow());
        await _store.MarkDeletedAsync("000.txt", _time.GetUtcNow());
        await _store.UpsertAsync("001.txt", "h1", "tekst", _time.GetUtcNow());
        var ingestor = new RecordingLetterIngestor { RemovalUnsupported = true };
        var follower = new LetterStoreFollower(
            _store, ingestor, Options.Create(new StorageOptions { FollowInterval = Interval }), _time, NullLogger<LetterStoreFollower>.Instance);

        await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(["001.txt"], ingestor.Ingested.Select(l => l.SourceFile));
        Assert.Equal(3, follower.Version);
    }

    [Fact]
    public async Task Hosted_follower_catches_up_on_start_and_then_follows_on_each_interval()
    {
        await _store.UpsertAsync("000.txt", "h0", "eerste", _time.GetUtcNow());
        var follower = Follower();

        await follower.StartAsync(CancellationToken.None);
        Assert.Equal("ingest:000.txt", await _ingestor.NextCallAsync());

        await _store.UpsertAsync("001.txt", "h1", "tweede", _time.GetUtcNow());
        await _store.MarkDeletedAsync("000.txt", _time.GetUtcNow());
        Assert.False(_ingestor.HasPendingCall);
        _time.Advance(Interval);

        Assert.Equal("ingest:001.txt", await _ingestor.NextCallAsync());
        Assert.Equal("remove:000.txt", await _ingestor.NextCallAsync());
        await follower.StopAsync(CancellationToken.None);
        Assert.Equal(3, follower.Version);
    }

    private LetterStoreFollower Follower() => new(
        _store, _ingestor, Options.Create(new StorageOptions { FollowInterval = Interval }), _time,
        NullLogger<LetterStoreFollower>.Instance);

    private static Letter Letter(string sourceFile, string hash, string text) => new(
        Path.GetFileNameWithoutExtension(sourceFile), sourceFile, hash, text, null, null, null, null, null, null, [], null, []);
}
