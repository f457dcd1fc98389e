using System.Security.Claims;

namespace Briefingbot.Protocol.Authentication;

/// <summary>The verdict on an inbound request's token.</summary>
/// <param name="StatusCode">200 when accepted; 401 (no or invalid token), 403 (valid token, wrong request) or 503 (keys unavailable).</param>
/// <param name="Reason">Why it was rejected, for the log and the error body; never contains the token.</param>
/// <param name="Identity">The validated claims, or null in development mode and on rejection.</param>
internal sealed record AuthenticationResult(int StatusCode, string Reason, ClaimsIdentity? Identity = null)
{
    public bool Succeeded => StatusCode == 200;

    public static AuthenticationResult Anonymous { get; } = new(200, "development mode");

    public static AuthenticationResult Accepted(ClaimsIdentity identity) => new(200, "accepted", identity);

    public static AuthenticationResult Unauthorized(string reason) => new(401, reason);

    public static AuthenticationResult Forbidden(string reason) => new(403, reason);

    public static AuthenticationResult Unavailable(string reason) => new(503, reason);
}
