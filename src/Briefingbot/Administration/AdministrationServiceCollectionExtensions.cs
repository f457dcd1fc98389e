namespace Briefingbot.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Registers admins (config + store), the audit log commands, topics and subscriptions commands.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
