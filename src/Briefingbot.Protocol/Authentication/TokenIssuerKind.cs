namespace Briefingbot.Protocol.Authentication;

/// <summary>Who issued an inbound token, which decides the signing keys and the extra checks.</summary>
internal enum TokenIssuerKind
{
    /// <summary>The Bot Connector service (iss https://api.botframework.com); keys carry channel endorsements.</summary>
    BotFramework,

    /// <summary>Entra ID of the bot's own tenant (single-tenant and managed-identity bots).</summary>
    Entra,
}
