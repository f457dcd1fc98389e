using System.Security.Claims;
using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Briefingbot.Protocol.Authentication;

/// <summary>
/// Validates the Bot Framework JWT of an inbound activity, as the Bot Connector authentication spec lists it:
/// a bearer token signed (RS256/384/512) by a published key, issued by the Bot Framework (or, for single-tenant bots,
/// by Entra ID of the bot's tenant), for our app id, within its lifetime (5 minutes of clock skew), whose
/// <c>serviceurl</c> claim is the activity's serviceUrl and whose key is endorsed for the activity's channel.
/// </summary>
internal sealed class BotAuthenticator(
    IOptions<BotProtocolOptions> options,
    SigningKeySource keys,
    TimeProvider timeProvider,
    ILogger<BotAuthenticator> logger)
{
    /// <summary>Issuer of tokens minted by the Bot Connector service.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The claim that binds a token to the serviceUrl it was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly LifetimeValidator _lifetime = TokenLifetime.Validator(timeProvider, ClockSkew);

    /// <summary>Whether a request without any token can be turned away before its body is even parsed.</summary>
    public bool RequiresToken => !options.Value.IsDevelopmentMode;

    public static string? ExtractBearerToken(string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorizationHeader[prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsDevelopmentMode)
        {
            return AuthenticationResult.Anonymous;
        }

        var token = ExtractBearerToken(authorizationHeader);
        if (token is null)
        {
            return AuthenticationResult.Unauthorized("A bearer token is required.");
        }

        JsonWebToken unvalidated;
        try
        {
            if (!_handler.CanReadToken(token))
            {
                return AuthenticationResult.Unauthorized("The token is not a JWT.");
            }
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return AuthenticationResult.Unauthorized("The token is not a JWT.");
        }

        var kind = ClassifyIssuer(unvalidated.Issuer, settings);
        if (kind is null)
        {
            return AuthenticationResult.Unauthorized("The token's issuer is not trusted.");
        }

        var validation = await ValidateAsync(token, kind.Value, settings, cancellationToken).ConfigureAwait(false);
        if (validation.Failure is not null)
        {
            return validation.Failure;
        }
        var (result, configuration) = (validation.Result!, validation.Configuration!);

        return CheckActivityBinding(result, configuration, kind.Value, activity, settings);
    }

    private static TokenIssuerKind? ClassifyIssuer(string? issuer, BotProtocolOptions settings)
    {
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return TokenIssuerKind.BotFramework;
        }
        if (settings.AcceptsEntraTokens && EntraIssuers(settings).Contains(issuer, StringComparer.Ordinal))
        {
            return TokenIssuerKind.Entra;
        }
        return null;
    }

    private static string[] EntraIssuers(BotProtocolOptions settings) =>
    [
        $"https://sts.windows.net/{settings.MicrosoftAppTenantId}/",
        $"https://login.microsoftonline.com/{settings.MicrosoftAppTenantId}/v2.0",
    ];

    private async Task<Validation> ValidateAsync(string token, TokenIssuerKind kind, BotProtocolOptions settings, CancellationToken cancellationToken)
    {
        // Two rounds at most: a token signed with a key we have not seen yet may mean the keys rotated.
        for (var round = 0; ; round++)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await keys.GetAsync(kind, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SigningKeysUnavailable(logger, kind.ToString(), ex);
                return new(AuthenticationResult.Unavailable("The signing keys could not be loaded."));
            }

            var parameters = new TokenValidationParameters
            {
                ValidIssuers = kind == TokenIssuerKind.BotFramework ? [BotFrameworkIssuer] : EntraIssuers(settings),
                ValidAudience = settings.MicrosoftAppId,
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = AllowedAlgorithms,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ClockSkew = ClockSkew,
                LifetimeValidator = _lifetime,
            };

            var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            if (result.IsValid)
            {
                return new(null, result, configuration);
            }

            if (round == 0 && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                keys.RequestRefresh(kind);
                continue;
            }

            return new(AuthenticationResult.Unauthorized(Describe(result.Exception)));
        }
    }

    private static AuthenticationResult CheckActivityBinding(
        TokenValidationResult result, OpenIdConnectConfiguration configuration, TokenIssuerKind kind, Activity activity, BotProtocolOptions settings)
    {
        var identity = result.ClaimsIdentity;

        // An Entra token only says "some app of our tenant asked for a token for this audience": it must also come
        // from an app we allow (azp in v2 tokens, appid in v1), by default only ourselves.
        if (kind == TokenIssuerKind.Entra)
        {
            var issuer = (result.SecurityToken as JsonWebToken)?.Issuer;
            var callerClaim = issuer is not null && issuer.EndsWith("/v2.0", StringComparison.Ordinal) ? "azp" : "appid";
            var caller = identity.FindFirst(callerClaim)?.Value;
            if (string.IsNullOrEmpty(caller))
            {
                return AuthenticationResult.Forbidden($"The token names no calling app ({callerClaim}).");
            }
            if (!settings.EffectiveAllowedCallerAppIds.Contains(caller, StringComparer.OrdinalIgnoreCase))
            {
                return AuthenticationResult.Forbidden("The calling app is not allowed.");
            }
        }
        var serviceUrlClaim = identity.FindFirst(ServiceUrlClaim)?.Value;

        // Bot Framework tokens always name the serviceUrl they were minted for; Entra tokens may not carry it,
        // but when they do it must match as well. This is what stops a forged serviceUrl from getting our replies.
        if (serviceUrlClaim is null && kind == TokenIssuerKind.BotFramework)
        {
            return AuthenticationResult.Forbidden("The token has no serviceurl claim.");
        }
        if (serviceUrlClaim is not null && !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Forbidden("The token's serviceurl does not match the activity's serviceUrl.");
        }

        var keyId = (result.SecurityToken as JsonWebToken)?.SigningKey?.KeyId ?? (result.SecurityToken as JsonWebToken)?.Kid;
        var endorsements = SigningKeySource.GetEndorsements(configuration, keyId);
        if (endorsements is null && kind == TokenIssuerKind.BotFramework)
        {
            return AuthenticationResult.Forbidden("The signing key carries no channel endorsements.");
        }
        if (endorsements is not null
            && (string.IsNullOrEmpty(activity.ChannelId) || !endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)))
        {
            return AuthenticationResult.Forbidden("The signing key is not endorsed for the activity's channel.");
        }
        // Entra keys carry no endorsements: the configured channel list takes their place.
        if (endorsements is null && kind == TokenIssuerKind.Entra
            && (string.IsNullOrEmpty(activity.ChannelId) || !settings.EffectiveEntraChannelIds.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)))
        {
            return AuthenticationResult.Forbidden("The activity's channel is not one an Entra token may speak for.");
        }

        // Without a serviceurl claim nothing ties the token to the serviceUrl in the body: replies go only to trusted hosts.
        return AuthenticationResult.Accepted(identity, repliesOnlyToTrustedServiceUrls: serviceUrlClaim is null);
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAudienceException => "The token is not meant for this bot.",
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidLifetimeException => "The token's lifetime is invalid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token was signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        _ => "The token is invalid.",
    };

    private sealed record Validation(AuthenticationResult? Failure, TokenValidationResult? Result = null, OpenIdConnectConfiguration? Configuration = null);
}
