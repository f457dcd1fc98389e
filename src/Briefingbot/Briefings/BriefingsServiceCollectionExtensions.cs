using Briefingbot.Administration;
using Briefingbot.Briefings.Commands;
using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Dispatch;
using Briefingbot.Briefings.NewLetters;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Kernel.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Briefingbot.Briefings;

public static class BriefingsServiceCollectionExtensions
{
    /// <summary>Registers briefing composition, delivery, the <c>briefing</c> command and the Quartz scheduler.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        var section = Settings.ConfigurationSections.Resolve(services, configuration, BriefingOptions.Section, BriefingOptions.DeprecatedSection);
        services.AddOptions<BriefingOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<BriefingOptions>() ?? new BriefingOptions();
        var storage = configuration.GetSection(Storage.StorageOptions.SectionName).Get<Storage.StorageOptions>() ?? new Storage.StorageOptions();
        var store = SchedulerStoreChoice.From(storage, options);

        // The briefing stands on the store, the registers, the search index and the proactive messenger, which
        // other areas register before this one (Program.cs order). Until they all exist, register nothing that
        // would fail at start: a host without a store must still answer messages.
        if (!RequiredServices.All(t => services.Any(d => d.ServiceType == t)))
        {
            return services;
        }

        services.AddNewLetterAlerts();
        services.AddBriefingCore();
        services.AddBriefingScheduler(store, options.MaxConcurrentSends);
        services.AddQuartzHostedService(o =>
        {
            o.AwaitApplicationStarted = true;
            o.WaitForJobsToComplete = true;
        });
        services.AddHostedService<BriefingStartupService>();
        services.AddCommand<BriefingCommand>();
        return services;
    }

    private static readonly Type[] RequiredServices =
    [
        typeof(Storage.ISubscriptionStore), typeof(Storage.IDeliveryLedger), typeof(Storage.ITopicStore),
        typeof(Storage.IPromiseRegister), typeof(Storage.IMeetingRegister), typeof(Dossiers.Search.ILetterSearch),
        typeof(Protocol.IProactiveMessenger), typeof(Protocol.IConversationReferenceStore),
        typeof(Kernel.Access.AdminGuard),
    ];

    /// <summary>Composition, rendering and delivery (no scheduler): also used by tests and the benchmark.</summary>
    public static IServiceCollection AddBriefingCore(this IServiceCollection services)
    {
        // One delivery-attempts limit: the ledger's Storage:MaxDeliveryAttempts (default 3) also bounds letter alerts.
        services.AddOptions<BriefingOptions>()
            .PostConfigure<Microsoft.Extensions.Options.IOptions<Storage.StorageOptions>>((o, storage) => o.MaxAttempts = storage.Value.MaxDeliveryAttempts);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProcessIdentity>();
        // Without a store, "new" falls back to the index's ingest time; AddBriefings registers the stored arrivals.
        services.TryAddSingleton<ILetterArrivals, IndexLetterArrivals>();
        services.TryAddSingleton<BriefingComposer>();
        services.TryAddSingleton<BriefingRenderer>();
        services.TryAddSingleton<FanoutPacer>();
        services.TryAddSingleton<BriefingDelivery>();
        services.TryAddSingleton<BriefingCatchUp>();
        return services;
    }

    /// <summary>
    /// The Quartz scheduler with its persistent store: SQLite (single instance) or PostgreSQL (clustered), tables
    /// provisioned by Quartz from its own embedded scripts at start. Time comes from the container's TimeProvider.
    /// </summary>
    public static IServiceCollection AddBriefingScheduler(this IServiceCollection services, SchedulerStoreChoice store, int maxConcurrentSends)
    {
        services.TryAddSingleton(store);
        services.TryAddSingleton<BriefingScheduler>();
        services.TryAddSingleton<ISubscriptionScheduleNotifier>(sp => sp.GetRequiredService<BriefingScheduler>());
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(maxConcurrentSends);
            switch (store.Kind)
            {
                case "memory":
                    q.UseInMemoryStore();
                    break;
                case "postgres":
                    q.UsePersistentStore(s =>
                    {
                        s.UsePostgres(store.ConnectionString);
                        s.UseSystemTextJsonSerializer();
                        s.UseClustering();
                        s.ProvisionSchema();
                    });
                    break;
                default:
                    q.UsePersistentStore(s =>
                    {
                        s.UseSqlite(store.ConnectionString);
                        s.UseSystemTextJsonSerializer();
                        s.ProvisionSchema();
                    });
                    break;
            }
        });
        return services;
    }
}
