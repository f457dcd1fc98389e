using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Briefingbot.Briefings;
using Briefingbot.Briefings.Bench;
using Briefingbot.Kernel.Cli;
using Briefingbot.TestSupport.Connector;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Storage.Migrations;

namespace Briefingbot.Cli;

/// <summary>
/// <c>bench-fanout [--subscriptions 10000] [--tenant-limit 50] [--conversation-limit 7]</c>: fans one week's
/// briefing out to N subscriptions through the real delivery path (ledger claim, composition, card rendering, the
/// protocol's paced proactive messenger with its retries) to a loopback connector on 127.0.0.1 that enforces the
/// Teams limits with 429 + Retry-After, and prints the achieved rate, the retries and the total time.
/// </summary>
public sealed class BenchFanoutCliCommand(TimeProvider time) : ICliCommand
{
    public Command CreateCommand()
    {
        var subscriptionsOption = CliOptions.Int("--subscriptions", 10_000, "Subscriptions to send the week's briefing to");
        var tenantLimitOption = CliOptions.Int("--tenant-limit", 50, "Messages per second per tenant the connector allows");
        var conversationLimitOption = CliOptions.Int("--conversation-limit", 7, "Messages per second per conversation the connector allows");
        var concurrencyOption = CliOptions.Int("--concurrency", 16, "Concurrent sends of the fan-out");
        var paceOption = CliOptions.OptionalInt("--pace", "Messages per second the fan-out paces itself at (default: 92% of --tenant-limit, rounded down)");
        // Diagnosis: "--messenger-tenant-limit 1000" takes the messenger's own tenant pacer out of the way, to tell
        // its throughput apart from the fan-out's (see docs/briefing.md).
        var messengerTenantLimitOption = CliOptions.OptionalInt("--messenger-tenant-limit", "The proactive messenger's own per-tenant limit (default: --tenant-limit)");
        var command = new Command("bench-fanout", "Fans one week's briefing out through the real delivery path to a loopback connector enforcing the Teams limits; prints rate, 429s, total time")
        {
            subscriptionsOption, tenantLimitOption, conversationLimitOption, concurrencyOption, paceOption, messengerTenantLimitOption,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var tenantLimit = parse.GetValue(tenantLimitOption);
            // The fan-out paces itself a little under the service's limit (BriefingOptions.FanoutPerTenantPerSecond);
            // the messenger's pacer stays at the limit itself as the hard cap.
            var pace = parse.GetValue(paceOption) ?? Math.Max(1, (int)Math.Floor(tenantLimit * 0.92));
            return RunAsync(parse.GetValue(subscriptionsOption), tenantLimit, parse.GetValue(conversationLimitOption), parse.GetValue(concurrencyOption),
                parse.GetValue(messengerTenantLimitOption) ?? tenantLimit, pace, parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private async Task<int> RunAsync(int subscriptions, int tenantLimit, int conversationLimit, int concurrency, int messengerTenantLimit, int pace,
        TextWriter output, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("bench-fanout-").FullName;
        try
        {
            await using var connector = await LoopbackTeamsConnector.StartAsync(time, tenantLimit, conversationLimit, cancellationToken);
            await using var services = BuildServices(connector, directory, messengerTenantLimit, pace, conversationLimit, concurrency);
            await services.GetRequiredService<IStoreInitializer>().EnsureMigratedAsync(cancellationToken);
            var now = time.GetUtcNow();
            await SeedAsync(services, connector, subscriptions, now, cancellationToken);
            return await RunAsync(services, connector, output, subscriptions, tenantLimit, conversationLimit, pace, concurrency, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task<int> RunAsync(ServiceProvider services, LoopbackTeamsConnector connector, TextWriter output, int subscriptions, int tenantLimit, int conversationLimit, int pace, int concurrency, CancellationToken cancellationToken)
    {

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench-fanout: {subscriptions} subscriptions, one tenant, limits {tenantLimit}/s per tenant and {conversationLimit}/s per conversation; the bot paces at {pace}/s with {concurrency} concurrent sends"));
        var started = time.GetTimestamp();
        var sent = await services.GetRequiredService<BriefingCatchUp>().RunAtStartupAsync(ownsAllClaims: true, cancellationToken);
        var elapsed = time.GetElapsedTime(started);

        var rate = connector.Accepted / elapsed.TotalSeconds;
        var retries = connector.Requests - connector.Accepted;
        var failed = (await services.GetRequiredService<IDeliveryLedger>().ListAsync(DeliveryState.Failed, int.MaxValue, cancellationToken)).Count;
        var duplicates = connector.Received.Values.Count(n => n > 1);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            briefings sent       {sent} of {subscriptions} (failed {failed}, conversations with more than one message {duplicates})
            messages accepted    {connector.Accepted}
            total time           {elapsed.TotalSeconds:F1} s
            achieved rate        {rate:F1} messages/s ({100 * rate / tenantLimit:F1}% of the allowed {tenantLimit}/s)
            connector requests   {connector.Requests}
            429 responses        {connector.Throttled} (retries {retries}, {100.0 * connector.Throttled / Math.Max(1, connector.Requests):F2}% of requests)
            """));
        return sent == subscriptions ? 0 : 1;
    }

    private ServiceProvider BuildServices(LoopbackTeamsConnector connector, string directory, int tenantLimit, int pace, int conversationLimit, int concurrency)
    {
        var settings = new Dictionary<string, string?>
        {
            // The real SQLite store (subscriptions, references, ledger) in a temp folder: the ledger is the one the bot runs.
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bench.db")}",
            // No app id: local mode, no token; the loopback host may receive sends.
            ["Bot:ExtraTrustedServiceUrlHosts:0"] = new Uri(connector.ServiceUrl).Host,
            ["Bot:Pacing:PerTenant:0:PermitLimit"] = tenantLimit.ToString(CultureInfo.InvariantCulture),
            ["Bot:Pacing:PerTenant:0:Window"] = "00:00:01",
            ["Bot:Pacing:PerConversation:0:PermitLimit"] = conversationLimit.ToString(CultureInfo.InvariantCulture),
            ["Bot:Pacing:PerConversation:0:Window"] = "00:00:01",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var registers = new BenchRegisters(today);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddSingleton(time);
        services.AddBotProtocol(configuration);
        services.AddStorage(configuration);
        // Registers and search with a realistic week, in memory (registered after the store's, so they win).
        services.AddSingleton<ITopicStore>(registers);
        services.AddSingleton<IPromiseRegister>(registers);
        services.AddSingleton<IMeetingRegister>(registers);
        services.AddSingleton<ILetterSearch>(registers);
        services.Configure<BriefingOptions>(o =>
        {
            o.MaxConcurrentSends = concurrency;
            o.FanoutPerTenantPerSecond = pace;
        });
        services.AddBriefingCore();
        return services.BuildServiceProvider();
    }

    /// <summary>N subscriptions whose weekly time was a minute ago (UTC), so the catch-up pass owes each one briefing now.</summary>
    private static async Task SeedAsync(IServiceProvider services, LoopbackTeamsConnector connector, int count, DateTimeOffset now, CancellationToken ct)
    {
        var due = now.AddMinutes(-1);
        var store = services.GetRequiredService<ISubscriptionStore>();
        var references = services.GetRequiredService<IConversationReferenceStore>();
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"19:bench-{i:D5}@thread.tacv2");
            await store.UpsertAsync(new Subscription(id, "bench-tenant", [], due.DayOfWeek, new TimeOnly(due.Hour, due.Minute), "UTC",
                SubscriptionStatus.Active, null, "bench", now.AddDays(-7), now.AddDays(-7)), ct);
            await references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = connector.ServiceUrl,
                Conversation = new ConversationAccount { Id = id, TenantId = "bench-tenant", ConversationType = "channel" },
                Bot = new ChannelAccount { Id = "28:briefingbot", Name = "Briefingbot" },
            }, ct);
        }
    }
}
