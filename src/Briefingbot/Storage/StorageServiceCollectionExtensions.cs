using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Protocol;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Letters;
using Briefingbot.Storage.Migrations;
using Briefingbot.Storage.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by Storage:Provider (sqlite | postgres) as every storage contract, applies migrations
    /// at start-up (first hosted service; stores also migrate lazily, for CLI verbs), writes ingested letters to the
    /// shared letter store and, when Storage:FollowLetters is on (default for postgres), follows it into the index.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>().Bind(section).ValidateOnStart();
        // Briefings:MaxAttempts was a second delivery-attempts limit ("keep equal"); now a deprecated alias of this one.
        var attempts = Settings.ConfigurationSections.ResolveValue(services, configuration, $"{StorageOptions.SectionName}:{nameof(StorageOptions.MaxDeliveryAttempts)}",
            "Briefings:MaxAttempts", "Briefingbot:Briefings:MaxAttempts");
        if (section[nameof(StorageOptions.MaxDeliveryAttempts)] is null
            && int.TryParse(attempts, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var alias))
        {
            services.Configure<StorageOptions>(o => o.MaxDeliveryAttempts = alias);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<StoreDatabase>(CreateDatabase);
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<StoreDatabase>());

        services.AddSingleton<IAdminStore, AdminStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<ITopicStore, TopicStore>();
        services.AddSingleton<ISubscriptionStore, SubscriptionStore>();
        services.AddSingleton<IDeliveryLedger, DeliveryLedger>();
        services.AddSingleton<IPromiseRegister, PromiseRegister>();
        services.AddSingleton<IMeetingRegister, MeetingRegister>();
        services.AddSingleton<LetterStore>();
        services.AddSingleton<ILetterStore>(sp => sp.GetRequiredService<LetterStore>());
        services.AddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.AddSingleton<IConversationStateStore, ConversationStateStore>();
        services.AddSingleton<IUserNameStore, UserNameStore>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILetterIngestObserver, LetterStoreIngestObserver>());
        // A new or replaced database next to an index that stays hears about the index's letters (see IIndexFeedLedger).
        services.TryAddSingleton<IIndexFeedLedger, IndexFeedLedger>();

        // Hosted services start in registration order: migrations go before everything registered earlier too.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageMigrationService>());

        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        if (options.ShouldFollowLetters)
        {
            services.AddHostedService<LetterStoreFollower>();
            // Letters other instances ingested reach this index through the store, not the local corpus folder:
            // the start-up ingest of that folder must not remove them (it would delete them in the store, for all).
            services.PostConfigure<DossiersOptions>(o => o.RemoveMissingOnStart = false);
        }
        return services;
    }

    private static StoreDatabase CreateDatabase(IServiceProvider services)
    {
        // Reading Value runs the validator: an unknown provider or a missing connection string fails here with its message.
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        if (options.IsPostgres)
        {
            return new PostgresStoreDatabase(
                options.EffectiveConnectionString, timeProvider, services.GetRequiredService<ILogger<PostgresStoreDatabase>>());
        }

        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return new SqliteStoreDatabase(
            options.EffectiveConnectionString, contentRoot, timeProvider, services.GetRequiredService<ILogger<SqliteStoreDatabase>>());
    }
}
