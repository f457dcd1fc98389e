using System.Net;
using System.Text.Json;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Briefingbot.Tests.Hosting;

/// <summary>/health, /health/live and /health/ready through the real host (issue 17, item 5).</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly BotHostFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Health_and_live_answer_while_the_process_runs()
    {
        var health = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());

        var live = await _client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", Status(await live.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Ready_is_200_with_store_index_and_scheduler_up_and_503_while_the_scheduler_stands_by()
    {
        var scheduler = await _factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The hosted service starts the scheduler once the application has started; start it here so the test
        // does not race that (Start on a running scheduler does nothing).
        await scheduler.Start();
        await StartupIngest(_factory.Services);

        var ready = await _client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var json = JsonDocument.Parse(body))
        {
            var checks = json.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("store").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("index").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        }

        await scheduler.Standby();
        var standingBy = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, standingBy.StatusCode);
        using (var json = JsonDocument.Parse(await standingBy.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        }
        // Liveness does not depend on the scheduler: an orchestrator must not restart a process that is only not ready.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);

        await scheduler.Start();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_while_the_store_cannot_be_opened()
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-health-").FullName;
        var database = Path.Combine(folder, "store.db");
        try
        {
            await using var factory = new BotHostFactory(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={database}",
                ["Briefings:SchedulerStore"] = "memory",
            });
            using var client = factory.CreateClient();
            await (await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Start();
            await StartupIngest(factory.Services);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            // The database file replaced by a folder: SQLite cannot open it, as with a lost volume.
            foreach (var file in Directory.GetFiles(folder, "store.db*"))
            {
                File.Delete(file);
            }
            Directory.CreateDirectory(database);
            // Pooled connections keep the deleted file open; a lost volume leaves none.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using (var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
            {
                var store = json.RootElement.GetProperty("checks").GetProperty("store");
                Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
                Assert.DoesNotContain(folder, store.GetProperty("description").GetString());
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            Directory.Delete(database);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A handle still closing: the OS temp cleaner gets it.
            }
        }
    }

    [Fact]
    public async Task Otlp_export_is_off_by_default_and_on_with_its_setting()
    {
        Assert.Null(_factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());

        await using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Enabled"] = "true",
            // Loopback, nothing listening: export attempts fail quietly, the bot runs on.
            ["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:1",
            ["Briefings:SchedulerStore"] = "memory",
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.NotNull(factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    [Fact]
    public async Task Ready_says_start_up_indexing_is_running_503_while_the_index_is_empty_and_200_degraded_once_it_holds_letters()
    {
        var gate = new GatedIngestor();
        await using var factory = new BotHostFactory(new Dictionary<string, string?> { ["Briefings:SchedulerStore"] = "memory" }, builder =>
            builder.ConfigureTestServices(services =>
            {
                var real = services.Last(d => d.ServiceType == typeof(ILetterIngestor));
                services.RemoveAll<ILetterIngestor>();
                services.AddSingleton<ILetterIngestor>(sp =>
                {
                    gate.Real = real.ImplementationFactory is { } create ? (ILetterIngestor)create(sp) : (ILetterIngestor)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!);
                    return gate;
                });
            }));
        using var client = factory.CreateClient();
        await (await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Start();
        var ingestor = factory.Services.GetServices<IHostedService>().OfType<LetterIndexHostedService>().Single();

        // First start: the ingest has begun (it waits at the gate) and nothing is indexed yet.
        await gate.Entered.Task;
        var empty = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, empty.StatusCode);
        var (status, description) = IndexCheck(await empty.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", status);
        Assert.Contains("start-up indexing in progress", description);

        // The letters are committed while the ingest goes on: answers can be given, so 200, but degraded.
        gate.Proceed.SetResult();
        await gate.Committed.Task;
        var partial = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        (status, description) = IndexCheck(await partial.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", status);
        Assert.Contains("start-up indexing in progress", description);
        Assert.DoesNotMatch(@"(^|\D)0 documents", description); // "610 documents" holds "0 documents"

        gate.Finish.SetResult();
        await ingestor.Ingest;
        var done = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        (status, description) = IndexCheck(await done.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", status);
        Assert.DoesNotContain("in progress", description);
    }

    /// <summary>
    /// Stands in for the start-up ingest: waits until the test lets it go, indexes through the real ingestor, and
    /// waits again before it returns, so the test sees an ingest that has committed letters and is not yet done.
    /// </summary>
    private sealed class GatedIngestor : ILetterIngestor
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Proceed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ILetterIngestor Real { get; set; } = null!;

        public Task<IngestProgress> IngestDirectoryAsync(string corpusDirectory, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
            GatedAsync(() => Real.IngestDirectoryAsync(corpusDirectory, progress, cancellationToken), cancellationToken);

        public Task<IngestProgress> IngestAsync(IReadOnlyCollection<LetterSource> sources, bool removeOthers, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
            GatedAsync(() => Real.IngestAsync(sources, removeOthers, progress, cancellationToken), cancellationToken);

        private async Task<IngestProgress> GatedAsync(Func<Task<IngestProgress>> ingest, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Proceed.Task.WaitAsync(cancellationToken);
            var result = await ingest();
            Committed.TrySetResult();
            await Finish.Task.WaitAsync(cancellationToken);
            return result;
        }
    }

    private static async Task StartupIngest(IServiceProvider services)
    {
        foreach (var service in services.GetServices<IHostedService>().OfType<LetterIndexHostedService>())
        {
            await service.Ingest;
        }
    }

    private static (string? Status, string Description) IndexCheck(string body)
    {
        using var json = JsonDocument.Parse(body);
        var index = json.RootElement.GetProperty("checks").GetProperty("index");
        return (index.GetProperty("status").GetString(), index.GetProperty("description").GetString() ?? string.Empty);
    }

    private static string? Status(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }
}
