using Briefingbot.Dossiers.Ingest;
using Briefingbot.Kernel.Commands;
using Briefingbot.Registers.Calendar;
using Briefingbot.Registers.Meetings;
using Briefingbot.Registers.Promises;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers;

public static class RegistersServiceCollectionExtensions
{
    /// <summary>Registers the promise and meeting registers' commands, the ingest observer and the calendar feed.</summary>
    /// <remarks>Uses the shared services of <c>AddAdministration</c> (admin guard, audit trail, replies, clock).</remarks>
    public static IServiceCollection AddRegisters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>()
            .Bind(Settings.ConfigurationSections.Resolve(services, configuration, CalendarOptions.SectionName, CalendarOptions.DeprecatedSectionName))
            .Validate(o => o.MaxImportBytes > 0 && o.MaxImportEvents > 0 && o.ImportTimeout > TimeSpan.Zero && o.FeedPastDays >= 0,
                "Calendar limits must be positive.")
            .ValidateOnStart();

        // Absolute links to the calendar feed (also registered by AddChat, which binds its Cards:PublicBaseUrl setting).
        services.AddHttpContextAccessor();
        services.TryAddSingleton<Cards.PublicLinks>();

        services.AddSingleton<ILetterIngestObserver, RegisterIngestObserver>();
        services.AddSingleton<PromiseQueries>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<TopicLetters>();
        services.AddSingleton<CalendarFeed>();
        services.AddSingleton<CalendarImporter>();
        services.AddSingleton<CalendarFetcher>();
        services.AddHttpClient(CalendarFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CalendarFetcher.CreateHandler(sp.GetRequiredService<IOptions<CalendarOptions>>().Value));

        services.AddCommand<PromisesCommand>()
            .AddCommand<PromiseCommand>()
            .AddCommand<MeetingsCommand>()
            .AddCommand<MeetingCommand>()
            .AddCommand<CalendarImportCommand>();
        return services;
    }

    /// <summary>Maps <c>GET /calendar.ics</c>: the meeting register as an iCalendar feed.</summary>
    public static IEndpointRouteBuilder MapRegisters(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CalendarEndpoint.Route, CalendarEndpoint.GetAsync);
        return endpoints;
    }
}
