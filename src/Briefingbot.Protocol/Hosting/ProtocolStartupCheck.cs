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
    IServiceProvider services,
    ILogger<ProtocolStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // A container without a host (a CLI verb, a test) has no environment: it counts as not Development.
        var environment = services.GetService<IHostEnvironment>() ?? new UnknownEnvironment();
        if (settings.IsDevelopmentMode)
        {
            // Fail closed: a production host that lost its app id must not accept anyone's activities and post
            // replies to any serviceUrl they name.
            if (!environment.IsDevelopment() && !settings.AllowAnonymous)
            {
                Log.AnonymousModeRefused(logger, environment.EnvironmentName);
                throw new InvalidOperationException(AnonymousModeRefusedMessage(environment.EnvironmentName));
            }
            if (settings.AllowAnonymous && !environment.IsDevelopment())
            {
                Log.AnonymousModeAllowed(logger, environment.EnvironmentName);
            }
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

    private sealed class UnknownEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "(none)";
        public string ApplicationName { get; set; } = "";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    internal static string AnonymousModeRefusedMessage(string environmentName) =>
        $"MicrosoftAppId is not set, and the '{environmentName}' environment does not run without authentication. "
        + "Set MicrosoftAppId (with MicrosoftAppPassword) to authenticate, or set Bot:AllowAnonymous=true "
        + "(environment variable Bot__AllowAnonymous=true) to accept unauthenticated requests on purpose, e.g. for a local playground.";
}
