using Microsoft.IdentityModel.Tokens;

namespace Briefingbot.Protocol.Authentication;

/// <summary>
/// Lifetime check against the injected <see cref="TimeProvider"/> instead of the library's wall clock, so the rule
/// (exp and nbf required to hold within 5 minutes of clock skew) is testable with a fake clock.
/// </summary>
internal static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider timeProvider, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
            {
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            }
            var now = timeProvider.GetUtcNow().UtcDateTime;
            if (notBefore is { } nbf && nbf.ToUniversalTime() > now + clockSkew)
            {
                throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
            }
            if (expires.Value.ToUniversalTime() < now - clockSkew)
            {
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            }
            return true;
        };
}
