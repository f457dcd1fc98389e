using Microsoft.IdentityModel.Protocols;

namespace Briefingbot.Protocol.Authentication;

/// <summary>
/// Fetches OpenID metadata and key sets through <see cref="IHttpClientFactory"/> (so handlers rotate and DNS
/// changes are seen), over https only — plain http is allowed for loopback addresses, where tests serve keys.
/// </summary>
internal sealed class LoopbackAwareDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "Briefingbot.Protocol.OpenIdMetadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw new InvalidOperationException($"Refusing to fetch signing metadata from '{address}': https is required.");
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(uri, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"Fetching signing metadata from {uri} failed with HTTP {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
