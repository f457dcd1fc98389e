using Briefingbot.Briefings;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Briefingbot.Tests.Briefings.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// The durable world a bot process runs against — stores, Quartz's SQLite file, the connector — so that a test
/// can start a bot instance on it, stop it, move the clock and start another ("restart").
/// </summary>
public sealed class BriefingWorld : IDisposable
{
    public BriefingWorld(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        Directory = System.IO.Directory.CreateTempSubdirectory("briefing-tests-").FullName;
        Database = new SqliteStoreDatabase("Data Source=bot.db", Directory, Time, NullLogger<SqliteStoreDatabase>.Instance);
        Subscriptions = new SubscriptionStore(Database);
        Ledger = new DeliveryLedger(Database, Options.Create(new StorageOptions { MaxDeliveryAttempts = 3 }));
    }

    /// <summary>Every row of the delivery ledger.</summary>
    public Task<IReadOnlyList<Delivery>> DeliveriesAsync() => Ledger.ListAsync(null, 10_000);

    public FakeTimeProvider Time { get; }
    public string Directory { get; }
    /// <summary>The real SQLite store in the world's folder: subscriptions and the delivery ledger the bot runs on.</summary>
    public StoreDatabase Database { get; }
    public ISubscriptionStore Subscriptions { get; }
    public IDeliveryLedger Ledger { get; }
    public InMemoryConversationReferences References { get; } = new();
    public RecordingMessenger Messenger { get; } = new();
    public InMemoryTopicStore Topics { get; } = new();
    public InMemoryPromiseRegister Promises { get; } = new();
    public InMemoryMeetingRegister Meetings { get; } = new();
    public FakeLetterSearch Search { get; } = new();
    public InMemoryOfficialPromiseSubjects OfficialSubjects { get; } = new();

    /// <summary>Adds an active subscription with a conversation reference.</summary>
    public async Task<Subscription> SubscribeAsync(string conversationId, DayOfWeek day, TimeOnly at, string zone = "Europe/Amsterdam", DateTimeOffset? since = null)
    {
        var created = since ?? Time.GetUtcNow();
        var subscription = new Subscription(conversationId, "tenant-1", [], day, at, zone, SubscriptionStatus.Active, null, "test", created, created);
        await Subscriptions.UpsertAsync(subscription);
        await References.SaveAsync(InMemoryConversationReferences.For(conversationId));
        return subscription;
    }

    /// <summary>A bot instance on this world: real Quartz with its SQLite job store in the world's folder.</summary>
    public ServiceProvider StartServices(Action<BriefingOptions>? configure = null, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        extra?.Invoke(services);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ISubscriptionStore>(Subscriptions);
        services.AddSingleton<IDeliveryLedger>(Ledger);
        services.AddSingleton<IConversationReferenceStore>(References);
        services.AddSingleton<IProactiveMessenger>(Messenger);
        services.AddSingleton<ITopicStore>(Topics);
        services.AddSingleton<IPromiseRegister>(Promises);
        services.AddSingleton<IMeetingRegister>(Meetings);
        services.AddSingleton<ILetterSearch>(Search);
        services.AddSingleton<Briefingbot.Sources.Registers.IOfficialPromiseSubjects>(OfficialSubjects);
        services.Configure<BriefingOptions>(o => configure?.Invoke(o));
        services.AddBriefingCore();
        services.AddBriefingScheduler(new SchedulerStoreChoice("sqlite", $"Data Source={Path.Combine(Directory, "quartz.db")};Pooling=False"), 4);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
