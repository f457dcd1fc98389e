using Briefingbot.Dossiers.Ingest;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Letters;
using Briefingbot.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Storage;

/// <summary>AddStorage: provider choice, validation with clear messages, registrations.</summary>
public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("briefingbot-wiring-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Default_sqlite_registers_every_contract_on_one_database_under_the_content_root()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite" });

        var database = Assert.IsType<SqliteStoreDatabase>(services.GetRequiredService<StoreDatabase>());
        Assert.Equal(Path.Combine(_directory, "data", "briefingbot.db"), database.DatabasePath);
        Assert.Same(database, services.GetRequiredService<IStoreInitializer>());
        Assert.IsType<StorageMigrationService>(services.GetServices<IHostedService>().First());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is LetterStoreFollower);
        Assert.Contains(services.GetServices<ILetterIngestObserver>(), o => o is LetterStoreIngestObserver);

        await services.GetServices<IHostedService>().First().StartAsync(CancellationToken.None);
        Assert.True(File.Exists(database.DatabasePath));
        Assert.True(await services.GetRequiredService<IAdminStore>().AddAsync("aad-1", "Anna", "config"));
        Assert.Null(await services.GetRequiredService<IConversationReferenceStore>().GetAsync("19:x"));
        foreach (var contract in new[] { typeof(IAuditLog), typeof(ITopicStore), typeof(ISubscriptionStore), typeof(IDeliveryLedger),
                     typeof(IPromiseRegister), typeof(IMeetingRegister), typeof(ILetterStore) })
        {
            Assert.NotNull(services.GetService(contract));
        }
    }

    [Fact]
    public async Task An_unknown_provider_fails_with_a_message_naming_the_setting()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Storage:Provider"] = "oracle" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<StoreDatabase>());

        Assert.Contains("Storage:Provider 'oracle' is unknown", error.Message);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_fails_with_a_message_naming_the_setting()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IAdminStore>());

        Assert.Contains("Storage:ConnectionString is required", error.Message);
    }

    [Fact]
    public void Postgres_follows_the_letter_store_by_default_and_sqlite_when_asked()
    {
        var postgres = new ServiceCollection().AddStorage(Configuration(new()
        {
            ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=x",
        }));
        var sqlite = new ServiceCollection().AddStorage(Configuration(new() { ["Storage:FollowLetters"] = "true" }));
        var postgresOff = new ServiceCollection().AddStorage(Configuration(new()
        {
            ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=x", ["Storage:FollowLetters"] = "false",
        }));

        Assert.Contains(postgres, d => d.ImplementationType == typeof(LetterStoreFollower));
        Assert.Contains(sqlite, d => d.ImplementationType == typeof(LetterStoreFollower));
        Assert.DoesNotContain(postgresOff, d => d.ImplementationType == typeof(LetterStoreFollower));
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(_directory));
        services.AddStorage(Configuration(settings));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Briefingbot";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
