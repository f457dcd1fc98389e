namespace Briefingbot.Cards;

/// <summary>Links put on cards: only absolute http(s) URLs (no javascript:, no relative paths).</summary>
public static class CardLinks
{
    public static bool IsSafeHttpUrl(string? url) =>
        url is { Length: > 0 and <= 2000 }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
