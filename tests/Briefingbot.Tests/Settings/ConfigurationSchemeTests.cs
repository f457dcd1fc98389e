using System.Collections.Concurrent;
using Briefingbot.Administration;
using Briefingbot.Briefings;
using Briefingbot.Registers;
using Briefingbot.Registers.Calendar;
using Briefingbot.Settings;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Briefingbot.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Settings;

/// <summary>
/// Issue 17 item 4: one section per feature at the root; the release-1.x keys under <c>Briefingbot</c> keep working
/// with a deprecation warning logged once at start; the new key wins; one delivery-attempts limit.
/// </summary>
public sealed class ConfigurationSchemeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("briefingbot-config-").FullName;
    private readonly RecordingLoggerProvider _logs = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_old_briefings_key_still_works_and_logs_one_deprecation_warning_naming_both_keys()
    {
        await using var services = Build(new()
        {
            ["Briefingbot:Briefings:MaxNewLetters"] = "7",
            ["Briefingbot:Briefings:SchedulerStore"] = "memory",
        });

        Assert.Equal(7, services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxNewLetters);
        await StartAsync(services);

        Assert.Equal(2, _logs.Warnings.Count);
        Assert.Contains("Configuration key Briefingbot:Briefings:MaxNewLetters is deprecated and will be removed in the next release; use Briefings:MaxNewLetters instead", _logs.Warnings);
        Assert.Contains(_logs.Warnings, w => w.Contains("Briefingbot:Briefings:SchedulerStore is deprecated", StringComparison.Ordinal));
    }

    /// <summary>
    /// The one test of the old keys through the real host (Program, appsettings.json and all): every fixture and
    /// child process of the suite uses the root-level keys, so this is what proves a deployment still configured
    /// with release-1.x keys keeps working, warned about once per key.
    /// </summary>
    [Fact]
    public async Task Old_keys_given_to_the_real_host_still_work_and_each_is_warned_about_once()
    {
        await using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Briefingbot:Briefings:SchedulerStore"] = "memory",
            ["Briefingbot:Briefings:MaxNewLetters"] = "7",
            ["Briefingbot:Calendar:FeedPastDays"] = "5",
            ["Briefingbot:Admins:0"] = "aad-old",
            // The shipped appsettings.json sets no time defaults (the options hold them), so an old override still works.
            ["Briefingbot:DefaultDay"] = "Tuesday",
        }, web => web.ConfigureLogging(logging => logging.AddProvider(_logs)));
        using var client = factory.CreateClient();

        Assert.Equal(7, factory.Services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxNewLetters);
        Assert.Equal(5, factory.Services.GetRequiredService<IOptions<CalendarOptions>>().Value.FeedPastDays);
        Assert.Equal(["aad-old"], factory.Services.GetRequiredService<IOptions<AdministrationOptions>>().Value.Admins);
        Assert.Equal(DayOfWeek.Tuesday, factory.Services.GetRequiredService<IOptions<AdministrationOptions>>().Value.DefaultDay);
        Assert.Equal(5, _logs.Warnings.Count);
        Assert.Contains("Configuration key Briefingbot:DefaultDay is deprecated and will be removed in the next release; use Administration:DefaultDay instead", _logs.Warnings);
        Assert.Contains("Configuration key Briefingbot:Briefings:SchedulerStore is deprecated and will be removed in the next release; use Briefings:SchedulerStore instead", _logs.Warnings);
        Assert.Contains("Configuration key Briefingbot:Briefings:MaxNewLetters is deprecated and will be removed in the next release; use Briefings:MaxNewLetters instead", _logs.Warnings);
        Assert.Contains("Configuration key Briefingbot:Calendar:FeedPastDays is deprecated and will be removed in the next release; use Calendar:FeedPastDays instead", _logs.Warnings);
        Assert.Contains("Configuration key Briefingbot:Admins is deprecated and will be removed in the next release; use Administration:Admins instead", _logs.Warnings);
    }

    [Fact]
    public async Task The_shipped_settings_trust_no_host_beyond_the_connector_services_with_the_bot_token()
    {
        // A security review: the shipped appsettings.json listed localhost, 127.0.0.1 and [::1], and a production image
        // sent its token to any plain-http local serviceUrl. A local connector used with an app id names its host.
        await using var factory = new BotHostFactory(new Dictionary<string, string?>());
        using var client = factory.CreateClient();

        var hosts = factory.Services.GetRequiredService<IOptions<Briefingbot.Protocol.Configuration.BotProtocolOptions>>().Value.ExtraTrustedServiceUrlHosts;
        Assert.Empty(hosts ?? []);
    }

    [Fact]
    public async Task The_new_key_wins_over_the_old_one_and_the_old_one_is_reported_as_ignored()
    {
        await using var services = Build(new()
        {
            ["Briefingbot:Briefings:MaxNewLetters"] = "7",
            ["Briefings:MaxNewLetters"] = "9",
            ["Briefings:SchedulerStore"] = "memory",
            ["Briefingbot:Calendar:FeedPastDays"] = "5",
            ["Calendar:FeedPastDays"] = "12",
        });

        Assert.Equal(9, services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxNewLetters);
        Assert.Equal(12, services.GetRequiredService<IOptions<CalendarOptions>>().Value.FeedPastDays);
        await StartAsync(services);

        Assert.Equal(2, _logs.Warnings.Count);
        Assert.All(_logs.Warnings, w => Assert.Contains("ignored because", w));
        Assert.Contains(_logs.Warnings, w => w.Contains("Briefingbot:Calendar:FeedPastDays is deprecated and ignored because Calendar:FeedPastDays", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_keys_alone_log_nothing_and_old_briefings_keys_do_not_count_as_old_administration_keys()
    {
        await using var services = Build(new()
        {
            ["Administration:Admins:0"] = "aad-new",
            ["Administration:DefaultDay"] = "Friday",
            ["Briefings:SchedulerStore"] = "memory",
        });

        var admin = services.GetRequiredService<IOptions<AdministrationOptions>>().Value;
        Assert.Equal(["aad-new"], admin.Admins);
        Assert.Equal(DayOfWeek.Friday, admin.DefaultDay);
        await StartAsync(services);
        Assert.Empty(_logs.Warnings);
    }

    [Fact]
    public async Task Old_environment_variables_with_double_underscores_still_work()
    {
        var prefix = $"BBCFG{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Briefingbot__Admins__0", "aad-env");
        Environment.SetEnvironmentVariable(prefix + "Briefingbot__DefaultTimeZone", "Europe/Brussels");
        Environment.SetEnvironmentVariable(prefix + "Briefingbot__Calendar__MaxImportEvents", "77");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Briefings:SchedulerStore"] = "memory" })
                .AddEnvironmentVariables(prefix).Build();
            await using var services = BuildFrom(configuration);

            var admin = services.GetRequiredService<IOptions<AdministrationOptions>>().Value;
            Assert.Equal(["aad-env"], admin.Admins);
            Assert.Equal("Europe/Brussels", admin.DefaultTimeZone);
            Assert.Equal(77, services.GetRequiredService<IOptions<CalendarOptions>>().Value.MaxImportEvents);
            await StartAsync(services);
            Assert.Contains(_logs.Warnings, w => w.Contains("Briefingbot:Admins is deprecated", StringComparison.Ordinal) && w.Contains("use Administration:Admins", StringComparison.Ordinal));
            Assert.Contains(_logs.Warnings, w => w.Contains("Briefingbot:Calendar:MaxImportEvents is deprecated", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Briefingbot__Admins__0", null);
            Environment.SetEnvironmentVariable(prefix + "Briefingbot__DefaultTimeZone", null);
            Environment.SetEnvironmentVariable(prefix + "Briefingbot__Calendar__MaxImportEvents", null);
        }
    }

    [Fact]
    public async Task Defaults_under_the_new_section_in_appsettings_do_not_hide_an_old_override_of_another_setting()
    {
        const string json = """
            { "Administration": { "Admins": [], "DefaultTimeZone": "Europe/Amsterdam", "DefaultDay": "Monday" },
              "Briefings": { "SchedulerStore": "memory" } }
            """;
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Briefingbot:Admins:0"] = "aad-old", ["Briefingbot:DefaultDay"] = "Tuesday" })
            .Build();
        await using var services = BuildFrom(configuration);

        var admin = services.GetRequiredService<IOptions<AdministrationOptions>>().Value;
        Assert.Equal(["aad-old"], admin.Admins);
        Assert.Equal(DayOfWeek.Monday, admin.DefaultDay);
        await StartAsync(services);
        Assert.Contains("Configuration key Briefingbot:Admins is deprecated and will be removed in the next release; use Administration:Admins instead", _logs.Warnings);
        Assert.Contains(_logs.Warnings, w => w.Contains("Briefingbot:DefaultDay is deprecated and ignored because Administration:DefaultDay", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Storage:MaxDeliveryAttempts", false)]
    [InlineData("Briefings:MaxAttempts", true)]
    [InlineData("Briefingbot:Briefings:MaxAttempts", true)]
    public async Task The_one_attempts_setting_bounds_both_the_briefing_ledger_and_letter_alerts(string key, bool deprecated)
    {
        await using var services = Build(new() { [key] = "4", ["Briefings:SchedulerStore"] = "memory" });
        await StartAsync(services);

        Assert.Equal(4, services.GetRequiredService<IOptions<StorageOptions>>().Value.MaxDeliveryAttempts);
        Assert.Equal(4, services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxAttempts);
        Assert.Equal(deprecated, _logs.Warnings.Any(w => w.Contains($"{key} is deprecated", StringComparison.Ordinal)
            && w.Contains("use Storage:MaxDeliveryAttempts", StringComparison.Ordinal)));

        var now = new DateTimeOffset(2025, 11, 24, 7, 0, 0, TimeSpan.Zero);
        // The weekly briefing: the ledger enforces Storage:MaxDeliveryAttempts.
        var ledger = services.GetRequiredService<IDeliveryLedger>();
        var briefingClaims = 0;
        for (var i = 0; i < 10; i++)
        {
            var claim = await ledger.ClaimAsync("19:conv", "2025-W48", "node", now.AddMinutes(i), TimeSpan.FromMinutes(5));
            if (claim is null)
            {
                break;
            }
            briefingClaims++;
            Assert.True(await ledger.MarkFailedAsync(claim, DeliveryState.Failed, "503", now.AddMinutes(i), now.AddMinutes(i)));
        }
        Assert.Equal(4, briefingClaims);

        // Letter alerts: the dispatcher passes BriefingOptions.MaxAttempts, which mirrors the same setting.
        var alerts = new LetterAlertLedger(services.GetRequiredService<StoreDatabase>());
        var maxAttempts = services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxAttempts;
        var alertClaims = 0;
        for (var i = 0; i < 10; i++)
        {
            var token = $"t{i}";
            if (!await alerts.TryClaimAsync("19:conv", "letter-1", token, now.AddMinutes(i), maxAttempts))
            {
                break;
            }
            alertClaims++;
            Assert.True(await alerts.MarkFailedAsync("19:conv", "letter-1", token, LetterAlertState.Failed, "503", now.AddMinutes(i)));
        }
        Assert.Equal(4, alertClaims);
    }

    [Fact]
    public async Task The_new_attempts_key_wins_over_its_deprecated_alias()
    {
        await using var services = Build(new()
        {
            ["Storage:MaxDeliveryAttempts"] = "2",
            ["Briefings:MaxAttempts"] = "6",
            ["Briefings:SchedulerStore"] = "memory",
        });
        await StartAsync(services);

        Assert.Equal(2, services.GetRequiredService<IOptions<StorageOptions>>().Value.MaxDeliveryAttempts);
        Assert.Equal(2, services.GetRequiredService<IOptions<BriefingOptions>>().Value.MaxAttempts);
        Assert.Contains(_logs.Warnings, w => w.Contains("Briefings:MaxAttempts is deprecated and ignored because Storage:MaxDeliveryAttempts", StringComparison.Ordinal));
    }

    private ServiceProvider Build(Dictionary<string, string?> settings) =>
        BuildFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private ServiceProvider BuildFrom(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(_directory));
        services.AddStorage(configuration);
        services.AddRegisters(configuration);
        services.AddAdministration(configuration);
        services.AddBriefings(configuration);
        services.AddBriefingCore();
        return services.BuildServiceProvider();
    }

    /// <summary>Starts the storage migrations and the deprecation reporter (not the rest: no scheduler here).</summary>
    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>().Where(h => h is DeprecatedSettingsReporter or global::Briefingbot.Storage.Migrations.StorageMigrationService))
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning && eventId.Id is 9900 or 9901)
                {
                    owner._warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Briefingbot.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
