namespace Briefingbot.Kernel.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>Registers one command handler; the router finds it by its names.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddSingleton<ICommandHandler, THandler>();
        return services;
    }
}
