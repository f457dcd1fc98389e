using Briefingbot.Administration.Admins;
using Briefingbot.Administration.Audit;
using Briefingbot.Administration.Subscriptions;
using Briefingbot.Administration.Topics;
using Briefingbot.Cards;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Letters;
using Briefingbot.Kernel.People;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Registers admins (config + store), the audit log commands, topics and subscriptions commands.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdministrationOptions>()
            .Bind(Settings.ConfigurationSections.Resolve(services, configuration, AdministrationOptions.SectionName,
                AdministrationOptions.DeprecatedSectionName, "Briefings", "Calendar"))
            .Validate(o => TimeZones.TryFind(o.DefaultTimeZone, out _), "Administration:DefaultTimeZone must be an IANA time zone id, e.g. Europe/Amsterdam.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Shared by the administration and register commands.
        services.TryAddSingleton(sp => new DutchClock(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<AdministrationOptions>>().Value.DefaultTimeZone));
        services.TryAddSingleton<ReplySender>();
        // The card renderer ReplySender uses (one registration, shared with AddChat).
        services.AddCards(configuration);
        services.TryAddSingleton<LetterLookup>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AdminDirectory>();
        services.TryAddSingleton<IAdminDirectory>(sp => sp.GetRequiredService<AdminDirectory>());
        services.TryAddSingleton<UserNames>();
        services.TryAddSingleton<AdminGuard>();
        services.TryAddSingleton<SubscriptionService>();
        services.TryAddSingleton<SubscriptionReplies>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBotRemovedHandler, SubscriptionRemovalHandler>());

        services.AddCommand<AdminCommand>()
            .AddCommand<AdminsListCommand>()
            .AddCommand<AuditCommand>()
            .AddCommand<TopicCommand>()
            .AddCommand<TopicsListCommand>()
            .AddCommand<SubscribeCommand>()
            .AddCommand<UnsubscribeCommand>()
            .AddCommand<ScheduleCommand>()
            .AddCommand<PauseCommand>()
            .AddCommand<ResumeCommand>()
            .AddCommand<SubscriptionStatusCommand>();
        return services;
    }
}
