namespace Briefingbot.Protocol.Connector;

/// <summary>Supplies the bearer token the bot presents to the Bot Connector service.</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A valid access token (cached by the implementation; a token lives about an hour). Throws when no token can be
    /// had; the connector client turns that into a failed <see cref="ConnectorResult"/>.
    /// </summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
