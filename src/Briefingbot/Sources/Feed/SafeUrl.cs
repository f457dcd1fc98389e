using System.Text.RegularExpressions;

namespace Briefingbot.Sources.Feed;

/// <summary>
/// A URL as it may be shown or logged: without user name and password, and with the values of query parameters that
/// carry secrets ("key", "token", "sig", …) hidden. The source URLs are settings; an operator who puts credentials in
/// one (a proxy's "https://user:pass@…") would otherwise see them in `bronnen status`, stored sync errors and logs
/// (a security review).
/// </summary>
public static partial class SafeUrl
{
    public static string Display(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return SecretParameter().Replace(url, "$1***");
        }
        var builder = new UriBuilder(uri) { UserName = "", Password = "" };
        var shown = builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        // UriBuilder keeps the default port out; the query's secret values are hidden after it.
        return SecretParameter().Replace(shown, "$1***");
    }

    /// <summary>A query parameter named as a secret ("api_key", "access_token"); not the SyncFeed's "skiptoken", a position.</summary>
    [GeneratedRegex(@"([?&](?:api[_-]?key|subscription[_-]?key|key|access[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|sig|signature|code|auth)=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
