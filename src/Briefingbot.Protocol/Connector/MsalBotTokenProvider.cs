using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// Client-credentials tokens from Entra ID through MSAL: a confidential client with the app password for
/// MultiTenant/SingleTenant bots, a user-assigned managed identity for UserAssignedMSI. MSAL caches the token in
/// the application object and renews it shortly before it expires, so this type is a singleton.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotProtocolOptions _options;
    private readonly IMsalHttpClientFactory _httpClientFactory;
    private readonly Lazy<IConfidentialClientApplication> _confidential;
    private readonly Lazy<IManagedIdentityApplication> _managedIdentity;

    public MsalBotTokenProvider(IOptions<BotProtocolOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _confidential = new(BuildConfidentialClient);
        _managedIdentity = new(BuildManagedIdentity);
    }

    private bool UsesManagedIdentity =>
        string.Equals(_options.MicrosoftAppType, MicrosoftAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority tokens are requested from (for diagnostics and tests).</summary>
    internal string Authority => _confidential.Value.Authority;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsDevelopmentMode)
        {
            throw new InvalidOperationException("No MicrosoftAppId is configured, so there is no bot token.");
        }

        if (UsesManagedIdentity)
        {
            // Managed identity takes a resource, not a scope: strip the "/.default" suffix.
            var resource = _options.TokenScope.EndsWith("/.default", StringComparison.Ordinal)
                ? _options.TokenScope[..^"/.default".Length]
                : _options.TokenScope;
            var mi = await _managedIdentity.Value.AcquireTokenForManagedIdentity(resource)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return mi.AccessToken;
        }

        var result = await _confidential.Value.AcquireTokenForClient([_options.TokenScope])
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private IConfidentialClientApplication BuildConfidentialClient() =>
        ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithAuthority(_options.EffectiveTokenAuthority, validateAuthority: string.IsNullOrWhiteSpace(_options.TokenAuthority))
            .WithHttpClientFactory(_httpClientFactory)
            .Build();

    private IManagedIdentityApplication BuildManagedIdentity() =>
        ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId))
            .WithHttpClientFactory(_httpClientFactory)
            .Build();
}
