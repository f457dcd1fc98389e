using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.Kernel.Commands;
using Briefingbot.Sources.Chat;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Letters;
using Briefingbot.Sources.Sync;
using Briefingbot.Storage;
using Briefingbot.Storage.Letters;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Briefingbot.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// The live sources ("bronnen"): the SyncFeed follower, its CLI verb (sync; bench-sync lives in tools/Briefingbot.Bench) and <c>bronnen status</c>
    /// are always registered; the hourly Quartz job (first run at start-up) only when
    /// <c>Sources:TweedeKamer:Enabled</c> is true. Synced letters are written to the shared letter store; this
    /// instance's index follows that store (on SQLite too, when the source is enabled).
    /// </summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SourcesOptions.SectionName);
        services.AddOptions<SourcesOptions>().Bind(section)
            .Validate(o => Uri.TryCreate(o.TweedeKamer.BaseUrl, UriKind.Absolute, out _), "Sources:TweedeKamer:BaseUrl must be an absolute URL.")
            .Validate(o => Uri.TryCreate(o.OfficieleBekendmakingen.BaseUrl, UriKind.Absolute, out _), "Sources:OfficieleBekendmakingen:BaseUrl must be an absolute URL.")
            .Validate(o => o.TweedeKamer.Interval >= TimeSpan.FromMinutes(1), "Sources:TweedeKamer:Interval must be at least a minute.")
            .Validate(o => o.TweedeKamer.RequestInterval >= TimeSpan.Zero && o.TweedeKamer.RequestTimeout > TimeSpan.Zero,
                "Sources:TweedeKamer:RequestInterval must not be negative and RequestTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The text extractor (PDF, DOCX, officiële bekendmakingen XML, HTML) of the Dossiers area; AddDossiers
        // registers the same one, this keeps AddSources usable on its own.
        services.TryAddSingleton<IDocumentTextExtractor, DocumentTextExtractor>();
        services.AddHttpClient(PoliteHttpClient.ClientName, client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan; // per request, in PoliteHttpClient
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Briefingbot/1.0 (+https://github.com/briefingbot)");
        });
        services.TryAddSingleton<PoliteHttpClient>();
        services.TryAddSingleton<SourceSyncStore>();
        services.TryAddSingleton<DocumentLetters>();
        services.TryAddSingleton<TweedeKamerSync>();
        services.TryAddSingleton<Registers.IOfficialPromiseSubjects, Registers.StoredOfficialPromiseSubjects>();
        services.AddCommand<SourcesStatusCommand>();

        var options = section.Get<SourcesOptions>() ?? new SourcesOptions();
        if (options.TweedeKamer.Enabled)
        {
            var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            if (!storage.ShouldFollowLetters)
            {
                // Single instance (SQLite): synced letters reach the index the same way as in a cluster.
                services.AddHostedService<LetterStoreFollower>();
            }
            // Synced letters are in no corpus folder: the start-up ingest must not remove them.
            services.PostConfigure<DossiersOptions>(o => o.RemoveMissingOnStart = false);

            services.AddQuartz(q =>
            {
                q.AddJob<SourceSyncJob>(j => j.WithIdentity(SourceSyncJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(SourceSyncJob.Key)
                    .WithIdentity("tweedekamer-sync-trigger", "sources")
                    .StartNow() // the first run at start-up
                    .WithSimpleSchedule(s => s.WithInterval(options.TweedeKamer.Interval).RepeatForever()));
            });
        }
        return services;
    }
}
