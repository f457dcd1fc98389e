using System.Net;
using System.Text.Json;
using Briefingbot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
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

    private static string? Status(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }
}
