using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Briefingbot.Cards;

/// <summary>
/// Absolute links to the bot's own endpoints (such as <c>/calendar.ics</c>) for cards and texts: a chat client cannot
/// open a bare path. The base is <see cref="CardOptions.PublicBaseUrl"/> when configured (set it in production, where
/// a proxy or load balancer stands in front of the bot); else the scheme and host of the request that carried the
/// current activity (the bot's own endpoint, never the activity's serviceUrl, which is the channel's); else, outside
/// a request (briefings, CLI), the first address the server listens on that is not a wildcard.
/// </summary>
public sealed class PublicLinks(IOptionsMonitor<CardOptions> options, IHttpContextAccessor httpContextAccessor, IServiceProvider services)
{
    /// <summary>The absolute URL of <paramref name="path"/> (starting with '/') on this bot; the bare path only when no base is known.</summary>
    public string Absolute(string path)
    {
        var baseUrl = BaseUrl();
        return baseUrl is null ? path : baseUrl + path;
    }

    /// <summary>The bot's public base URL without a trailing slash, or null when none is known.</summary>
    public string? BaseUrl()
    {
        if (Normalise(options.CurrentValue.PublicBaseUrl) is { } configured)
        {
            return configured;
        }
        if (httpContextAccessor.HttpContext?.Request is { } request && request.Host.HasValue &&
            Normalise($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}") is { } fromRequest)
        {
            return fromRequest;
        }
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (Normalise(address) is { } listening && Uri.TryCreate(listening, UriKind.Absolute, out var uri) &&
                uri.Host is not ("0.0.0.0" or "[::]" or "::" or "+" or "*"))
            {
                return listening;
            }
        }
        return null;
    }

    /// <summary>Whether a configured base URL is acceptable: absolute http(s), no query or fragment.</summary>
    public static bool IsValidBaseUrl(string? value) => string.IsNullOrWhiteSpace(value) || Normalise(value) is not null;

    private static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !CardLinks.IsSafeHttpUrl(value.Trim()))
        {
            return null;
        }
        var uri = new Uri(value.Trim(), UriKind.Absolute);
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
