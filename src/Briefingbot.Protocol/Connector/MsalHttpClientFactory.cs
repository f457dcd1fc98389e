using Microsoft.Identity.Client;

namespace Briefingbot.Protocol.Connector;

/// <summary>Lets MSAL use the host's <see cref="IHttpClientFactory"/> (pooled handlers, shared configuration).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "Briefingbot.Protocol.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
