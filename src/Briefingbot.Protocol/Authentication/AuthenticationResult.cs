using System.Security.Claims;

namespace Briefingbot.Protocol.Authentication;

/// <summary>The verdict on an inbound request's token.</summary>
/// <param name="StatusCode">200 when accepted; 401 (no or invalid token), 403 (valid token, wrong request) or 503 (keys unavailable).</param>
/// <param name="Reason">Why it was rejected, for the log and the error body; never contains the token.</param>
/// <param name="Identity">The validated claims, or null in development mode and on rejection.</param>
/// <param name="RepliesOnlyToTrustedServiceUrls">
/// True when the token does not name the serviceUrl it was issued for (an Entra token without a <c>serviceurl</c>
/// claim): replies then go only to trusted service URL hosts, never to whatever the activity body names.
/// </param>
internal sealed record AuthenticationResult(int StatusCode, string Reason, ClaimsIdentity? Identity = null, bool RepliesOnlyToTrustedServiceUrls = false)
{
    public bool Succeeded => StatusCode == 200;

    public static AuthenticationResult Anonymous { get; } = new(200, "development mode");

    public static AuthenticationResult Accepted(ClaimsIdentity identity, bool repliesOnlyToTrustedServiceUrls = false) =>
        new(200, "accepted", identity, repliesOnlyToTrustedServiceUrls);

    public static AuthenticationResult Unauthorized(string reason) => new(401, reason);

    public static AuthenticationResult Forbidden(string reason) => new(403, reason);

    public static AuthenticationResult Unavailable(string reason) => new(503, reason);
}
