using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Hosting;

/// <summary>Says at start-up, once, how the protocol layer runs: above all when it runs without authentication.</summary>
internal sealed class ProtocolStartupCheck(
    IOptions<BotProtocolOptions> options,
    IServiceProviderIsService serviceCheck,
    ILogger<ProtocolStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsDevelopmentMode)
        {
            Log.DevelopmentMode(logger);
        }
        else
        {
            Log.AuthenticationEnabled(logger, settings.MicrosoftAppType);
        }

        if (!serviceCheck.IsService(typeof(IBot)))
        {
            Log.NoBotRegistered(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
