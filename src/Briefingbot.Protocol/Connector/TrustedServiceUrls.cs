using Briefingbot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// Decides whether a serviceUrl may receive the bot's token. A serviceUrl comes from an inbound activity or a stored
/// reference; if an attacker could plant one, an unconditional token would be handed to them (SSRF + token theft).
/// So the token only goes, over https, to the hosts the Bot Connector service uses, plus configured extra hosts
/// (a local playground, http allowed there).
/// </summary>
internal sealed class TrustedServiceUrls(IOptions<BotProtocolOptions> options)
{
    private static readonly string[] BuiltInHosts = ["smba.trafficmanager.net"];
    private static readonly string[] BuiltInSuffixes = [".botframework.com", ".teams.microsoft.com", ".teams.microsoft.us"];

    public bool IsTrusted(Uri serviceUrl)
    {
        var host = serviceUrl.IdnHost.TrimEnd('.');

        if (serviceUrl.Scheme == Uri.UriSchemeHttps
            && (BuiltInHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
                || BuiltInSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        foreach (var pattern in (options.Value.ExtraTrustedServiceUrlHosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)))
        {
            if (Matches(host, serviceUrl.Host, pattern.Trim()))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Matches(string idnHost, string rawHost, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return idnHost.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }
        // Uri.Host keeps the brackets of IPv6 literals ("[::1]"), IdnHost does not.
        return string.Equals(idnHost, pattern, StringComparison.OrdinalIgnoreCase)
            || string.Equals(rawHost, pattern, StringComparison.OrdinalIgnoreCase);
    }
}
