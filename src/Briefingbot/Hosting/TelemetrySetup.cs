using Briefingbot.Dossiers.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Briefingbot.Hosting;

/// <summary>Settings of section <c>Telemetry</c>: where metrics and traces go (see docs/deploy.md, "Observability").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP export of the "Briefingbot" meter and activity source.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    public sealed class OtlpOptions
    {
        /// <summary>Off by default: nothing leaves the process unless an operator asks for it.</summary>
        public bool Enabled { get; set; }

        /// <summary>Collector endpoint, e.g. http://otel-collector:4317; empty: OTEL_EXPORTER_OTLP_ENDPOINT or the exporter's default.</summary>
        public string? Endpoint { get; set; }
    }
}

public static class TelemetrySetup
{
    /// <summary>
    /// The instruments in <see cref="Telemetry"/> always record (cheap without a listener; dotnet-counters and tests
    /// listen by name). With <c>Telemetry:Otlp:Enabled</c> they are exported over OTLP, metrics and traces.
    /// </summary>
    public static IServiceCollection AddBriefingbotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        if (!options.Otlp.Enabled)
        {
            return services;
        }
        var endpoint = Uri.TryCreate(options.Otlp.Endpoint, UriKind.Absolute, out var uri) ? uri : null;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Telemetry.Name))
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddOtlpExporter(o =>
            {
                if (endpoint is not null)
                {
                    o.Endpoint = endpoint;
                }
            }))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddOtlpExporter(o =>
            {
                if (endpoint is not null)
                {
                    o.Endpoint = endpoint;
                }
            }));
        return services;
    }
}
