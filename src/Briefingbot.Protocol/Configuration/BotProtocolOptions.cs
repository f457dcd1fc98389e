namespace Briefingbot.Protocol.Configuration;

/// <summary>
/// Settings of the Activity Protocol layer. The Microsoft* credentials are read from the configuration root under
/// their conventional names (what Azure Bot Service, the Bot Framework samples and the Agents Playground docs use);
/// the rest lives in the <c>Bot</c> section.
/// </summary>
public sealed class BotProtocolOptions
{
    /// <summary>Configuration section of the non-credential settings.</summary>
    public const string SectionName = "Bot";

    /// <summary>Bot Framework OpenID metadata (keys of tokens issued by the Bot Connector service).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra ID OpenID metadata (keys of tokens issued to single-tenant bots by Entra ID).</summary>
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Scope of the outbound bot token.</summary>
    public const string DefaultTokenScope = "https://api.botframework.com/.default";

    /// <summary>Root key <c>MicrosoftAppId</c>. Empty = local development: no inbound token required, none sent.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Root key <c>MicrosoftAppPassword</c>: the client secret. Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Root key <c>MicrosoftAppTenantId</c>; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Root key <c>MicrosoftAppType</c>: MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = MicrosoftAppTypes.MultiTenant;

    /// <summary><c>Bot:OpenIdMetadataUrl</c>: where the Bot Framework signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary><c>Bot:EntraOpenIdMetadataUrl</c>: where Entra ID signing keys are published (single tenant only).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>
    /// <c>Bot:ExtraTrustedServiceUrlHosts</c>: hosts besides the Microsoft ones that may receive the bot token
    /// (exact names, or <c>*.example.org</c> for subdomains). Meant for a local playground.
    /// </summary>
    public IList<string>? ExtraTrustedServiceUrlHosts { get; set; }

    /// <summary>
    /// <c>Bot:AllowAnonymous</c>: permits development mode (no <see cref="MicrosoftAppId"/>: no authentication) outside
    /// the Development environment, with a warning at every start. Without it such a host refuses to start.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// <c>Bot:AllowedCallerAppIds</c>: apps whose Entra tokens (claim <c>azp</c> in v2, <c>appid</c> in v1) are accepted
    /// inbound by a single-tenant bot. Empty (the default) = only <see cref="MicrosoftAppId"/> itself.
    /// </summary>
    public IList<string>? AllowedCallerAppIds { get; set; }

    /// <summary>
    /// <c>Bot:EntraChannelIds</c>: channels an Entra-issued token may speak for. Entra keys carry no channel
    /// endorsements, so this list takes their place. Default: <c>msteams</c>, <c>emulator</c>.
    /// </summary>
    public IList<string>? EntraChannelIds { get; set; }

    /// <summary><c>Bot:Outbox</c>: the per-conversation reply queue that keeps inbound requests short.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary><c>Bot:MaxRequestBodyBytes</c>: inbound activities larger than this get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// <c>Bot:TokenAuthority</c>: overrides the authority of the outbound token request. Default:
    /// <c>https://login.microsoftonline.com/botframework.com</c> (MultiTenant) or <c>.../{MicrosoftAppTenantId}</c>.
    /// </summary>
    public string? TokenAuthority { get; set; }

    /// <summary><c>Bot:TokenScope</c>: scope of the outbound token.</summary>
    public string TokenScope { get; set; } = DefaultTokenScope;

    /// <summary><c>Bot:Retry</c>: how the connector client retries throttled and transient failures.</summary>
    public ConnectorRetryOptions Retry { get; set; } = new();

    /// <summary><c>Bot:Pacing</c>: outbound rate limits (Teams' published limits by default).</summary>
    public PacingOptions Pacing { get; set; } = new();

    /// <summary>True when no app id is configured: inbound auth is off and no token is sent.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The apps allowed to call with an Entra token: the configured list, else only our own app id.</summary>
    internal IReadOnlyList<string> EffectiveAllowedCallerAppIds =>
        AllowedCallerAppIds?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToArray() is { Length: > 0 } list
            ? list
            : MicrosoftAppId is { } own ? [own] : [];

    /// <summary>The channels an Entra token may speak for.</summary>
    internal IReadOnlyList<string> EffectiveEntraChannelIds =>
        EntraChannelIds?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToArray() is { Length: > 0 } list
            ? list
            : ["msteams", "emulator"];

    /// <summary>True when Entra ID tokens of <see cref="MicrosoftAppTenantId"/> are accepted besides Bot Framework ones.</summary>
    public bool AcceptsEntraTokens =>
        string.Equals(MicrosoftAppType, MicrosoftAppTypes.SingleTenant, StringComparison.OrdinalIgnoreCase)
        || string.Equals(MicrosoftAppType, MicrosoftAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority of the outbound token request.</summary>
    public string EffectiveTokenAuthority =>
        !string.IsNullOrWhiteSpace(TokenAuthority) ? TokenAuthority
        : AcceptsEntraTokens ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}"
        : "https://login.microsoftonline.com/botframework.com";
}
