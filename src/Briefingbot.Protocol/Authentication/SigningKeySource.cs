using System.Text.Json;
using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Briefingbot.Protocol.Authentication;

/// <summary>
/// The signing keys of the Bot Framework and of Entra ID, from their OpenID metadata. <see cref="ConfigurationManager{T}"/>
/// caches them, refreshes them every 12 hours (the protocol asks for at least daily) and at most every 5 minutes on
/// demand, when a token names a key we do not know yet (key rotation); it keeps the last good set if a refresh fails.
/// </summary>
internal sealed class SigningKeySource
{
    private const string EndorsementsProperty = "endorsements";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> _entra;

    public SigningKeySource(IOptions<BotProtocolOptions> options, LoopbackAwareDocumentRetriever retriever)
    {
        var settings = options.Value;
        _botFramework = Create(settings.OpenIdMetadataUrl, retriever);
        _entra = new(() => Create(settings.EntraOpenIdMetadataUrl, retriever));
    }

    public Task<OpenIdConnectConfiguration> GetAsync(TokenIssuerKind kind, CancellationToken cancellationToken) =>
        Manager(kind).GetConfigurationAsync(cancellationToken);

    /// <summary>Asks for fresh keys on the next <see cref="GetAsync"/> (rate-limited by the manager).</summary>
    public void RequestRefresh(TokenIssuerKind kind) => Manager(kind).RequestRefresh();

    /// <summary>
    /// The channels the key <paramref name="keyId"/> is endorsed for (the non-standard <c>endorsements</c> array of
    /// the Bot Framework key set), or null when the key has no such array.
    /// </summary>
    public static IReadOnlyList<string>? GetEndorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        if (keyId is null || configuration.JsonWebKeySet is null)
        {
            return null;
        }
        foreach (var key in configuration.JsonWebKeySet.Keys)
        {
            if (string.Equals(key.Kid, keyId, StringComparison.Ordinal)
                && key.AdditionalData.TryGetValue(EndorsementsProperty, out var raw))
            {
                return ToStrings(raw);
            }
        }
        return null;
    }

    private static List<string> ToStrings(object? raw) => raw switch
    {
        null => [],
        string single => [single],
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        JsonElement { ValueKind: JsonValueKind.String } text => [text.GetString()!],
        System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(i => i is JsonElement e && e.ValueKind == JsonValueKind.String ? e.GetString() : i as string).OfType<string>()],
        _ => [],
    };

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(TokenIssuerKind kind) =>
        kind == TokenIssuerKind.BotFramework ? _botFramework : _entra.Value;

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, IDocumentRetriever retriever) =>
        new(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
}
