namespace Briefingbot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Registers the bot (IBot), the command router, cards and the search/letter/help commands.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    /// <summary>Registers one command handler; the router finds it by its names.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddSingleton<ICommandHandler, THandler>();
        return services;
    }
}
