using System.Collections.Concurrent;
using Briefingbot.Briefings;
using Briefingbot.Briefings.Scheduling;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Tests.Briefings;

/// <summary>
/// The briefings missed while the bot was down are sent once the start-up ingest of the corpus is done, so they hold
/// the letters on disk. Composed during the ingest, they listed only the letters indexed so far: a crash test on a
/// busy machine saw every briefing of a 30-letter corpus composed from the first few.
/// </summary>
public sealed class StartupIngestWaitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("startup-ingest-").FullName;

    [Fact]
    public async Task Missed_briefings_are_sent_after_the_start_up_ingest()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        using var world = new BriefingWorld(monday.AddDays(-1));
        await world.SubscribeAsync("c-wait", DayOfWeek.Monday, new TimeOnly(8, 0));
        world.Time.SetUtcNow(monday);
        await using var services = world.StartServices();

        // The start-up ingest, held until the test lets it finish.
        var ingestor = new GatedIngestor();
        var hosted = new ServiceCollection().AddSingleton<ILetterIngestor>(ingestor).BuildServiceProvider();
        using var index = new LetterIndex(Path.Combine(_directory, "index"));
        var indexing = new LetterIndexHostedService(index, hosted, new DossiersPaths(Path.Combine(_directory, "corpus"), Path.Combine(_directory, "index")),
            Options.Create(new DossiersOptions { IngestOnStart = true }), NullLogger<LetterIndexHostedService>.Instance);
        await indexing.StartAsync(CancellationToken.None);
        var host = new ServiceCollection().AddSingleton<IHostedService>(indexing).BuildServiceProvider();

        var sentWhileIngesting = new ConcurrentBag<bool>();
        world.Messenger.BeforeSend = _ =>
        {
            sentWhileIngesting.Add(!indexing.Ingest.IsCompleted);
            return Task.CompletedTask;
        };
        var logger = new WaitingLogger();
        var startup = new BriefingStartupService(services.GetRequiredService<BriefingScheduler>(), services.GetRequiredService<BriefingCatchUp>(),
            services.GetRequiredService<SchedulerStoreChoice>(), new StartedLifetime(), host, services.GetRequiredService<IOptions<BriefingOptions>>(), logger);

        await startup.StartAsync(CancellationToken.None);
        await logger.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, world.Messenger.CountFor("c-wait")); // waiting: nothing sent yet

        ingestor.Release();
        await startup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, world.Messenger.CountFor("c-wait"));
        Assert.DoesNotContain(true, sentWhileIngesting);
        await startup.StopAsync(CancellationToken.None);
        await indexing.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class GatedIngestor : ILetterIngestor
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<IngestProgress> IngestDirectoryAsync(string corpusDirectory, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            return new IngestProgress(0, 0, 0, 0, 0, 0, 0);
        }

        public Task<IngestProgress> IngestAsync(IReadOnlyCollection<LetterSource> sources, bool removeOthers, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
            IngestDirectoryAsync("", progress, cancellationToken);
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted { get; } = new(canceled: true);
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication()
        {
        }
    }

    /// <summary>Completes <see cref="Waiting"/> when the service says it waits for the start-up ingest.</summary>
    private sealed class WaitingLogger : ILogger<BriefingStartupService>
    {
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 6017)
            {
                Waiting.TrySetResult();
            }
        }
    }
}
