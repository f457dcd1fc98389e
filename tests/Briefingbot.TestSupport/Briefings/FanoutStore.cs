using System.Globalization;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Storage.Migrations;

namespace Briefingbot.TestSupport.Briefings;

/// <summary>
/// The store of a briefing fan-out under test, seen from outside the bot processes that deliver from it: the settings
/// a child bot needs to deliver from it to a loopback connector, the store opened from the test (migrations,
/// subscriptions with their conversation references, the delivery ledger). One set-up for the crash tests, the
/// two-node cluster test and <see cref="CrashRun"/>.
/// </summary>
/// <param name="Provider"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Settings">More <c>Storage:*</c> settings for the test's own view of the store (":" separated keys).</param>
public sealed record FanoutStore(string Provider, string ConnectionString, IReadOnlyDictionary<string, string?>? Settings = null)
{
    /// <summary>The SQLite store <c>bot.db</c> in <paramref name="directory"/>.</summary>
    public static FanoutStore Sqlite(string directory, IReadOnlyDictionary<string, string?>? settings = null) =>
        new("sqlite", $"Data Source={Path.Combine(directory, "bot.db")}", settings);

    /// <summary>
    /// The environment of a child bot (<see cref="Bots.BotProcess"/>) on this store: an ephemeral loopback port, its own
    /// index at <paramref name="indexPath"/>, the loopback connector trusted as a service URL, the briefing log lines
    /// the tests wait on. <paramref name="more"/> adds or overrides settings (environment-variable keys).
    /// </summary>
    public Dictionary<string, string> BotEnvironment(string indexPath, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage__Provider"] = Provider,
            ["Storage__ConnectionString"] = ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Dossiers__IndexPath"] = indexPath,
            ["Bot__ExtraTrustedServiceUrlHosts__0"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Briefingbot.Briefings"] = "Information",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>The store's services (as the bot registers them), opened from the test.</summary>
    public ServiceProvider Open()
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider,
            ["Storage:ConnectionString"] = ConnectionString,
        };
        foreach (var (key, value) in Settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        return services.BuildServiceProvider();
    }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var services = Open();
        await services.GetRequiredService<IStoreInitializer>().EnsureMigratedAsync(ct);
    }

    /// <summary>
    /// Active weekly subscriptions of the channels <paramref name="conversationIds"/> (tenant-1, UTC) due at
    /// <paramref name="due"/>'s weekday and minute, each with a conversation reference on the connector at
    /// <paramref name="serviceUrl"/>.
    /// </summary>
    public async Task SeedSubscriptionsAsync(IEnumerable<string> conversationIds, DateTimeOffset due, string serviceUrl,
        DateTimeOffset created, string createdBy, CancellationToken ct = default)
    {
        await using var services = Open();
        var subscriptions = services.GetRequiredService<ISubscriptionStore>();
        var references = services.GetRequiredService<IConversationReferenceStore>();
        foreach (var id in conversationIds)
        {
            await references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = id, TenantId = "tenant-1", ConversationType = "channel" },
                Bot = new ChannelAccount { Id = "28:briefingbot", Name = "Briefingbot" },
            }, ct);
            await subscriptions.UpsertAsync(new Subscription(id, "tenant-1", [], due.DayOfWeek, new TimeOnly(due.Hour, due.Minute), "UTC",
                SubscriptionStatus.Active, null, createdBy, created, created), ct);
        }
    }

    /// <summary>Channel ids <c>19:{prefix}-NNN@thread.tacv2</c>, numbered from 0.</summary>
    public static List<string> ChannelIds(string prefix, int count, int digits = 3) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"19:{prefix}-{i.ToString("D" + digits, CultureInfo.InvariantCulture)}@thread.tacv2")).ToList();

    /// <summary>The delivery ledger (at most 100,000 rows).</summary>
    public async Task<IReadOnlyList<Delivery>> LedgerAsync(CancellationToken ct = default)
    {
        await using var services = Open();
        return await services.GetRequiredService<IDeliveryLedger>().ListAsync(null, 100_000, ct);
    }
}
