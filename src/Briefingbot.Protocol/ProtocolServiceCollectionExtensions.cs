using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Protocol;

/// <summary>Wiring of the Activity Protocol layer.</summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>Registers authentication, the connector client, turn dispatch and proactive messaging.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        // Filled in by the protocol work (issue 2).
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBotProtocol(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        return endpoints;
    }
}
