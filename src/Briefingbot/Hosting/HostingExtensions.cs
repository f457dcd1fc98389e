using Briefingbot.Administration;
using Briefingbot.Briefings;
using Briefingbot.Chat;
using Briefingbot.Dossiers;
using Briefingbot.Protocol;
using Briefingbot.Registers;
using Briefingbot.Sources;
using Briefingbot.Storage;

namespace Briefingbot.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// Settings: the repo's appsettings.json is linked into the output folder, so the bot finds its embedded defaults
    /// whether it is started from the repo root (dotnet run) or from its build folder.
    /// </summary>
    public static WebApplicationBuilder AddBriefingbotDefaults(this WebApplicationBuilder builder)
    {
        var contentRootSettings = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        if (!File.Exists(contentRootSettings))
        {
            // Insert at the front so environment variables and command-line switches still win.
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
                Optional = true,
            };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }
        return builder;
    }

    /// <summary>
    /// Every area of the bot, one <c>AddX()</c> each: the one composition the bot (Program.cs) and the bench tool
    /// share. CLI verbs are added by the caller (<c>AddCliCommands</c>), since each entry point has its own.
    /// </summary>
    public static IServiceCollection AddBriefingbot(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBotProtocol(configuration)
            .AddDossiers(configuration)
            .AddStorage(configuration)
            .AddChat(configuration)
            .AddRegisters(configuration)
            .AddAdministration(configuration)
            .AddBriefings(configuration)
            .AddSources(configuration)
            .AddBriefingbotHealthChecks()
            .AddBriefingbotTelemetry(configuration);

    /// <summary>
    /// CLI mode: no web server, no scheduler (hosted services removed), and log lines on stderr, because a verb owns
    /// stdout (<c>search --json</c> is parsed by tools).
    /// </summary>
    public static IServiceCollection ForCommandLine(this IServiceCollection services)
    {
        services.RemoveHostedServices();
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return services;
    }

    /// <summary>Removes IHostedService registrations (CLI mode: no server, no scheduler).</summary>
    public static IServiceCollection RemoveHostedServices(this IServiceCollection services)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var d in hosted)
        {
            services.Remove(d);
        }
        return services;
    }
}
