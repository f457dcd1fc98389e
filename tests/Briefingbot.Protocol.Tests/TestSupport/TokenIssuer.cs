using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>
/// Stands in for login.botframework.com and Entra ID: serves OpenID metadata and key sets (with Bot Framework
/// channel endorsements) from a loopback server, and mints tokens with RSA keys generated for the test run.
/// </summary>
public sealed class TokenIssuer : IAsyncLifetime
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "99999999-8888-7777-6666-555555555555";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Key endorsed for msteams and webchat.</summary>
    public RsaSecurityKey TeamsKey { get; } = NewKey("bf-teams");

    /// <summary>Key endorsed for slack only.</summary>
    public RsaSecurityKey SlackKey { get; } = NewKey("bf-slack");

    /// <summary>Entra ID key (no endorsements, as Entra publishes them).</summary>
    public RsaSecurityKey EntraKey { get; } = NewKey("entra-1");

    /// <summary>Not published anywhere; carries the kid of <see cref="TeamsKey"/> to impersonate it.</summary>
    public RsaSecurityKey ImpostorKey { get; } = NewKey("bf-teams");

    public LoopbackServer Server { get; private set; } = null!;

    public string BotFrameworkMetadataUrl => new Uri(Server.BaseAddress, "botframework/.well-known/openidconfiguration").AbsoluteUri;

    public string EntraMetadataUrl => new Uri(Server.BaseAddress, "entra/.well-known/openid-configuration").AbsoluteUri;

    public static string EntraV2Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public static string EntraV1Issuer => $"https://sts.windows.net/{TenantId}/";

    public async Task InitializeAsync()
    {
        Server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            var path = context.Request.Path.Value;
            JsonNode? document = path switch
            {
                "/botframework/.well-known/openidconfiguration" => Metadata(BotFrameworkIssuer, "botframework/keys"),
                "/botframework/keys" => KeySet(Jwk(TeamsKey, "msteams", "webchat"), Jwk(SlackKey, "slack")),
                "/entra/.well-known/openid-configuration" => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "entra/keys"),
                "/entra/keys" => KeySet(Jwk(EntraKey)),
                _ => null,
            };
            if (document is null)
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(document.ToJsonString());
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Settings for a bot host that trusts this issuer.</summary>
    public Dictionary<string, string?> Settings(string appType = "MultiTenant") => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-in-tests",
        ["MicrosoftAppType"] = appType,
        ["MicrosoftAppTenantId"] = appType == "MultiTenant" ? null : TenantId,
        ["Bot:OpenIdMetadataUrl"] = BotFrameworkMetadataUrl,
        ["Bot:EntraOpenIdMetadataUrl"] = EntraMetadataUrl,
    };

    /// <summary>A signed JWT; every claim can be bent by a test.</summary>
    public static string CreateToken(
        SecurityKey key,
        DateTimeOffset now,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = Activities.TeamsServiceUrl,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>();
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            NotBefore = (now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            Expires = (now + (expiresOffset ?? TimeSpan.FromMinutes(59))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise perfect claims.</summary>
    public static string CreateUnsignedToken(DateTimeOffset now, string serviceUrl = Activities.TeamsServiceUrl)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = "bf-teams" };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(59).ToUnixTimeSeconds(),
        };
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.";
    }

    /// <summary>
    /// The classic key-confusion attack: HS256 with the published RSA public key (its modulus) as the HMAC secret,
    /// under the kid of that key.
    /// </summary>
    public string CreateHmacTokenWithPublicKey(DateTimeOffset now)
    {
        var secret = new SymmetricSecurityKey(TeamsKey.Rsa.ExportParameters(false).Modulus!) { KeyId = TeamsKey.KeyId };
        return CreateToken(secret, now, algorithm: SecurityAlgorithms.HmacSha256);
    }

    private JsonObject Metadata(string issuer, string jwksPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(Server.BaseAddress, jwksPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private static JsonObject KeySet(params JsonObject[] keys) => new() { ["keys"] = new JsonArray(keys) };

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }
        return jwk;
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}
