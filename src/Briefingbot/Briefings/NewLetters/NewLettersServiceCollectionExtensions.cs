using Briefingbot.Dossiers.Ingest;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefingbot.Briefings.NewLetters;

public static class NewLettersServiceCollectionExtensions
{
    /// <summary>
    /// Letter arrivals in the store (what "new" means for the briefing and alerts), the ingest observer that records
    /// them, <c>abonneer direct</c> alerts and their Quartz job. Needs the store (<c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddNewLetterAlerts(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(StoreDatabase)))
        {
            return services;
        }
        services.AddOptions<BriefingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILetterArrivals, StoreLetterArrivals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILetterIngestObserver, LetterArrivalObserver>());
        services.TryAddSingleton<InstantAlertSubscriptions>();
        services.TryAddSingleton<LetterAlertLedger>();
        services.TryAddSingleton<LetterAlertDispatcher>();
        services.AddHostedService<LetterAlertScheduling>();
        return services;
    }
}
