using System.Net;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Protocol.Tests.Authentication;

/// <summary>A single-tenant bot also accepts Entra ID tokens of its own tenant, with keys from the Entra metadata.</summary>
public sealed class SingleTenantAuthenticationTests(TokenIssuer issuer) : IClassFixture<TokenIssuer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(issuer.Settings("SingleTenant"), services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string MessageJson() => Activities.Message().ToJsonString();

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task Entra_token_of_the_bots_tenant_is_accepted(string version)
    {
        var iss = version == "v2" ? TokenIssuer.EntraV2Issuer : TokenIssuer.EntraV1Issuer;
        using var response = await _host.PostActivityAsync(MessageJson(), TokenIssuer.CreateToken(issuer.EntraKey, Now, issuer: iss));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task Bot_framework_token_is_still_accepted()
    {
        using var response = await _host.PostActivityAsync(MessageJson(), TokenIssuer.CreateToken(issuer.TeamsKey, Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Entra_token_of_another_tenant_is_401()
    {
        var token = TokenIssuer.CreateToken(issuer.EntraKey, Now, issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0");
        using var response = await _host.PostActivityAsync(MessageJson(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task Entra_issuer_with_a_bot_framework_key_is_401()
    {
        // Keys are chosen by issuer: a Bot Framework key does not vouch for an Entra issuer.
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, issuer: TokenIssuer.EntraV2Issuer);
        using var response = await _host.PostActivityAsync(MessageJson(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task Entra_token_with_a_mismatching_serviceurl_is_403()
    {
        var token = TokenIssuer.CreateToken(issuer.EntraKey, Now, issuer: TokenIssuer.EntraV2Issuer, serviceUrl: "https://attacker.example.org/");
        using var response = await _host.PostActivityAsync(MessageJson(), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }
}
