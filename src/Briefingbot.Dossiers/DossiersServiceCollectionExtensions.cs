using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Dossiers;

/// <summary>Wiring of parsing, extraction, the Lucene index and search.</summary>
public static class DossiersServiceCollectionExtensions
{
    /// <summary>Registers the letter parser, extractors, index (hosted singleton) and search.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DossiersOptions>()
            .Bind(configuration.GetSection(DossiersOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Parsing and extraction are stateless and deterministic: singletons. TryAdd lets a host or test swap one.
        services.TryAddSingleton<ILetterParser, LetterParser>();
        services.TryAddSingleton<ILetterSummarizer, ExtractiveSummarizer>();
        services.TryAddSingleton<IPromiseExtractor, PromiseExtractor>();
        services.TryAddSingleton<IMeetingExtractor, MeetingExtractor>();
        services.TryAddSingleton<IDocumentTextExtractor, DocumentTextExtractor>();

        services.AddSingleton(sp => DossiersPaths.Resolve(sp.GetRequiredService<IOptions<DossiersOptions>>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(sp => new LetterIndex(sp.GetRequiredService<DossiersPaths>().IndexPath, sp.GetRequiredService<ILogger<LetterIndex>>(),
            sp.GetRequiredService<IOptions<DossiersOptions>>().Value.PreloadMemoryMb * 1024L * 1024,
            sp.GetRequiredService<IOptions<DossiersOptions>>().Value.PreloadStoredMemoryMb * 1024L * 1024));
        services.AddSingleton<ILetterIngestor>(sp => new LetterIngestor(
            sp.GetRequiredService<LetterIndex>(),
            sp.GetRequiredService<ILetterParser>(),
            sp.GetRequiredService<ILetterSummarizer>(),
            sp.GetRequiredService<IPromiseExtractor>(),
            sp.GetRequiredService<IMeetingExtractor>(),
            sp.GetServices<ILetterIngestObserver>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DossiersOptions>>().Value.CommitEvery,
            sp.GetRequiredService<ILogger<LetterIngestor>>(),
            sp.GetService<IIndexFeedLedger>()));
        services.AddSingleton<ILetterSearch>(sp => new LetterSearch(
            sp.GetRequiredService<LetterIndex>(),
            sp.GetRequiredService<ILetterParser>(),
            sp.GetRequiredService<IOptions<DossiersOptions>>().Value.PageSize,
            sp.GetRequiredService<ILogger<LetterSearch>>()));
        services.AddSingleton<LetterIndexHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<LetterIndexHostedService>());
        return services;
    }
}
