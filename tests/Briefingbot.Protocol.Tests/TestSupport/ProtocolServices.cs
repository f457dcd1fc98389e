using Briefingbot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>A container wired by AddBotProtocol exactly as the host does, for tests of single services (no web server).</summary>
public static class ProtocolServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, IBotTokenProvider? tokenProvider = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddBotProtocol(configuration);
        if (tokenProvider is not null)
        {
            services.AddSingleton(tokenProvider);
        }
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
