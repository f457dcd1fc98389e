using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Tests.Connector;

public sealed class TrustedServiceUrlsTests
{
    private static readonly TrustedServiceUrls Trust = new(Options.Create(new BotProtocolOptions
    {
        ExtraTrustedServiceUrlHosts = ["localhost", "*.playground.example.org"],
    }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://canary.teams.microsoft.com/", true)]
    [InlineData("https://gov.teams.microsoft.us/", true)]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("https://a.playground.example.org/", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://evil.example.org/", false)]
    [InlineData("https://botframework.com.evil.example.org/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://playground.example.org.evil.net/", false)]
    [InlineData("http://127.0.0.1:3978/", false)]
    public void Only_microsoft_hosts_over_https_and_configured_hosts_get_the_token(string url, bool trusted)
    {
        Assert.Equal(trusted, Trust.IsTrusted(new Uri(url)));
    }
}
