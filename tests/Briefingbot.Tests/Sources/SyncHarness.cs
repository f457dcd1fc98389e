using Briefingbot.Sources;
using Briefingbot.TestSupport.Replay;
using Briefingbot.Sources.Sync;
using Briefingbot.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Sources;

/// <summary>The sync's services (as AddSources registers them) on a given store, pointed at a replay server.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public static readonly DateOnly Anchor = new(2026, 12, 1);
    public static readonly DateOnly Start = Anchor.AddDays(-90);

    private readonly ServiceProvider _services;

    private SyncHarness(ServiceProvider services) => _services = services;

    public TweedeKamerSync Sync => _services.GetRequiredService<TweedeKamerSync>();

    public SourceSyncStore Store => _services.GetRequiredService<SourceSyncStore>();

    public Briefingbot.Sources.Feed.PoliteHttpClient Http => _services.GetRequiredService<Briefingbot.Sources.Feed.PoliteHttpClient>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static SyncHarness Create(StoreDatabase database, ReplayServer server, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Sources:TweedeKamer:BaseUrl"] = server.BaseUrl,
            ["Sources:OfficieleBekendmakingen:BaseUrl"] = server.BaseUrl,
            ["Sources:TweedeKamer:RequestInterval"] = "00:00:00",
            ["Sources:TweedeKamer:StartDate"] = Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(database);
        services.AddSources(configuration);
        return new SyncHarness(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
