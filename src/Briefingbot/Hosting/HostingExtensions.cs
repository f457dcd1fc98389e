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
