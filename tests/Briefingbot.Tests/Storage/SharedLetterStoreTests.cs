using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Letters;
using Briefingbot.Storage.Stores;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Storage;

/// <summary>
/// Two bot instances on one PostgreSQL database, each with its own real Lucene index: a letter ingested through one
/// becomes searchable on the other once its follower catches up.
/// </summary>
public sealed class SharedLetterStoreTests : IAsyncLifetime
{
    private const string SeedFile = "000_28c287220feeccd7.txt";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private readonly List<Instance> _instances = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresTestServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
        await PostgresTestServer.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task A_letter_ingested_on_one_instance_is_searchable_on_the_other_after_its_follower_polls()
    {
        var a = NewInstance();
        var b = NewInstance();
        var raw = await File.ReadAllTextAsync(Path.Combine(NodeCardChecker.RepoRoot, "seeds", SeedFile));
        Assert.Empty((await b.Search.SearchAsync("Witboek")).Hits);

        await a.Ingestor.IngestAsync([new LetterSource(SeedFile, raw)], removeOthers: false);
        await b.Follower.CatchUpAsync(CancellationToken.None);

        var hit = Assert.Single((await b.Search.SearchAsync("Witboek")).Hits);
        Assert.Equal("000_28c287220feeccd7", hit.LetterId);
        // B's own ingest told B's observer about the letter again: same hash, so no new version and no echo.
        var changes = await b.Store.ChangesSinceAsync(0, 10);
        Assert.Equal(b.Follower.Version, Assert.Single(changes).Version);
    }

    [Fact]
    public async Task A_letter_removed_on_one_instance_disappears_from_the_other()
    {
        var a = NewInstance();
        var b = NewInstance();
        var raw = await File.ReadAllTextAsync(Path.Combine(NodeCardChecker.RepoRoot, "seeds", SeedFile));
        await a.Ingestor.IngestAsync([new LetterSource(SeedFile, raw)], removeOthers: false);
        await b.Follower.CatchUpAsync(CancellationToken.None);
        Assert.Single((await b.Search.SearchAsync("Witboek")).Hits);

        var removed = await a.Ingestor.RemoveAsync([SeedFile, "never-ingested.txt"]);
        await b.Follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(1, removed.Removed);
        Assert.Empty((await a.Search.SearchAsync("Witboek")).Hits);
        Assert.Empty((await b.Search.SearchAsync("Witboek")).Hits);
        Assert.True(Assert.Single(await b.Store.ChangesSinceAsync(0, 10), l => l.SourceFile == SeedFile).Deleted);
        Assert.DoesNotContain(await b.Store.ListAsync(), l => l.SourceFile == SeedFile);
    }

    [Fact]
    public async Task The_start_up_ingest_of_a_following_instance_keeps_the_letters_others_ingested()
    {
        var a = NewInstance();
        var b = NewInstance();
        var raw = await File.ReadAllTextAsync(Path.Combine(NodeCardChecker.RepoRoot, "seeds", SeedFile));
        await a.Ingestor.IngestAsync([new LetterSource(SeedFile, raw)], removeOthers: false);
        await b.Follower.CatchUpAsync(CancellationToken.None);

        // B restarts with its own corpus folder, which holds another letter only (as configured for following).
        var corpus = Directory.CreateDirectory(Path.Combine(b.Folder, "corpus")).FullName;
        const string other = "001_e472fb248c5230f8.txt";
        File.Copy(Path.Combine(NodeCardChecker.RepoRoot, "seeds", other), Path.Combine(corpus, other));
        var services = new ServiceCollection()
            .AddSingleton<ILetterIngestor>(b.Ingestor)
            .BuildServiceProvider();
        using var startup = new LetterIndexHostedService(b.Index, services, new DossiersPaths(corpus, Path.Combine(b.Folder, "index")),
            Options.Create(new DossiersOptions { RemoveMissingOnStart = false }), NullLogger<LetterIndexHostedService>.Instance);
        await startup.StartAsync(CancellationToken.None);
        await startup.Ingest;

        var letters = await b.Store.ListAsync();
        Assert.False(Assert.Single(letters, l => l.SourceFile == SeedFile).Deleted);
        Assert.False(Assert.Single(letters, l => l.SourceFile == other).Deleted);
        Assert.Equal(["000_28c287220feeccd7", "001_e472fb248c5230f8"], (await b.Search.SearchAsync("Witboek")).Hits.Select(h => h.LetterId).Order());
    }

    private Instance NewInstance()
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-instance-").FullName;
        var database = new PostgresStoreDatabase(_connectionString, _time, NullLogger<PostgresStoreDatabase>.Instance);
        var store = new LetterStore(database);
        var index = new LetterIndex(Path.Combine(folder, "index"));
        var parser = new LetterParser();
        var observer = new LetterStoreIngestObserver(store, _time, NullLogger<LetterStoreIngestObserver>.Instance);
        var ingestor = new LetterIngestor(index, parser, new StandInDossierServices.FirstSentences(), new StandInDossierServices.NoPromises(), new StandInDossierServices.NoMeetings(), [observer], _time);
        var follower = new LetterStoreFollower(
            store, ingestor, Options.Create(new StorageOptions()), _time, NullLogger<LetterStoreFollower>.Instance);
        var instance = new Instance(folder, database, store, index, ingestor, new LetterSearch(index, parser), follower);
        _instances.Add(instance);
        return instance;
    }

    private sealed record Instance(
        string Folder, PostgresStoreDatabase Database, LetterStore Store, LetterIndex Index, LetterIngestor Ingestor,
        LetterSearch Search, LetterStoreFollower Follower) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Follower.Dispose();
            Index.Dispose();
            await Database.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
