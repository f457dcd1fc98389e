using Briefingbot.Protocol.Authentication;
using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Connector;
using Briefingbot.Protocol.Hosting;
using Briefingbot.Protocol.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Briefingbot.Protocol;

/// <summary>Wiring of the Activity Protocol layer.</summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers authentication, the connector client, turn dispatch and proactive messaging. The host registers the
    /// bot (<see cref="IBot"/>) and, for proactive messages, an <see cref="IConversationReferenceStore"/>; without a
    /// store, references are simply not kept. Settings: <see cref="BotProtocolOptions"/>, validated at start-up.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<BotProtocolOptions>()
            .Configure(o =>
            {
                // The credentials keep the names every Bot Framework tool and Azure Bot Service use, at the root.
                o.MicrosoftAppId = NullIfBlank(configuration["MicrosoftAppId"]);
                o.MicrosoftAppPassword = NullIfBlank(configuration["MicrosoftAppPassword"]);
                o.MicrosoftAppTenantId = NullIfBlank(configuration["MicrosoftAppTenantId"]);
                o.MicrosoftAppType = NullIfBlank(configuration["MicrosoftAppType"]) ?? MicrosoftAppTypes.MultiTenant;
            })
            .Bind(configuration.GetSection(BotProtocolOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotProtocolOptions>, BotProtocolOptionsValidator>());

        services.AddHttpClient(LoopbackAwareDocumentRetriever.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        // The connector client applies its own per-attempt timeout (with the injected TimeProvider).
        // A redirect is not followed: the Bot Connector API answers where it was asked, and a 3xx would carry the
        // conversation's message to another host (a security review saw a reply re-posted to a redirect target; the token
        // was already withheld there). A redirect is a failed send.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);

        services.TryAddSingleton<LoopbackAwareDocumentRetriever>();
        services.TryAddSingleton<SigningKeySource>();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<OutboundPacer>();
        services.TryAddSingleton<ConversationOutbox>();
        // Drains queued replies on shutdown (registered early: hosted services stop in reverse order, after the server).
        services.AddHostedService(sp => sp.GetRequiredService<ConversationOutbox>());
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.TryAddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.TryAddSingleton<BotAdapter>();
        services.TryAddSingleton<ActivityEndpoint>();
        services.AddHostedService<ProtocolStartupCheck>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c>, the endpoint the Bot Connector service (or a playground) posts activities to.</summary>
    public static IEndpointRouteBuilder MapBotProtocol(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        endpoints.MapPost(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<ActivityEndpoint>().HandleAsync(context))
            .WithName("BotMessages")
            .WithDisplayName("Bot Framework activities")
            // The endpoint authenticates Bot Framework tokens itself; a host-wide authorization policy must not
            // demand a user login here.
            .AllowAnonymous();
        return endpoints;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
