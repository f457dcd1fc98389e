namespace Briefingbot.Briefings;

public static class BriefingsServiceCollectionExtensions
{
    /// <summary>Registers admins, topics, subscriptions, briefing composition and the Quartz scheduler.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
