using System.Text.Json;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Storage.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Briefingbot.Hosting;

/// <summary>
/// Liveness and readiness as operators and orchestrators expect: <c>/health/live</c> answers while the process runs
/// (no dependency checked, so a slow database never gets the pod restarted); <c>/health/ready</c> is 200 only when
/// the store answers, the search index is open and the Quartz scheduler runs, else 503 (also while the start-up
/// indexing has not yet put a single letter in an empty index; with letters in it the index is Degraded, still 200,
/// until that indexing is done). <c>/health</c> stays the
/// plain liveness "ok" it always was.
/// </summary>
public static class HealthChecks
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs.</summary>
    public const string Ready = "ready";

    public static IServiceCollection AddBriefingbotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<IndexHealthCheck>("index", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready]);
        return services;
    }

    /// <summary>GET /health (liveness, "ok"), /health/live (liveness) and /health/ready (store, index, scheduler).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => Results.Text("ok"));
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary>Status per check with its description; never the exception (it may name hosts or connection details).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}

/// <summary>The store answers: a connection opens on an up-to-date schema.</summary>
internal sealed class StoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<StoreDatabase>() is not { } database)
        {
            return HealthCheckResult.Healthy("no store configured");
        }
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return HealthCheckResult.Healthy(database.Dialect.GetType().Name.Replace("Dialect", "", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("store unreachable: " + ex.GetType().Name);
        }
    }
}

/// <summary>The search index is open: a searcher can be borrowed.</summary>
internal sealed class IndexHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<LetterIndex>() is not { } index)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no search index registered"));
        }
        try
        {
            using var lease = index.Acquire();
            var documents = lease.Searcher.IndexReader.NumDocs;
            var indexing = services.GetServices<IHostedService>().OfType<LetterIndexHostedService>().Any(s => !s.Ingest.IsCompleted);
            return Task.FromResult(!indexing
                ? HealthCheckResult.Healthy($"{documents} documents")
                // The start-up ingest of the corpus is still running. An index that already holds letters answers
                // (degraded: still 200, traffic may come); an empty one would answer every question with nothing.
                : documents > 0
                    ? HealthCheckResult.Degraded($"{documents} documents; start-up indexing in progress")
                    : HealthCheckResult.Unhealthy("start-up indexing in progress; no documents yet"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("index not open: " + ex.GetType().Name));
        }
    }
}

/// <summary>The Quartz scheduler runs (started, not in standby, not shut down) where this host runs one.</summary>
internal sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A host without briefings and live sources runs no scheduler; nothing to wait for.
        if (!services.GetServices<IHostedService>().OfType<QuartzHostedService>().Any() || services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return HealthCheckResult.Healthy("no scheduler in this host");
        }
        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy(status.ToString().ToLowerInvariant());
    }
}
