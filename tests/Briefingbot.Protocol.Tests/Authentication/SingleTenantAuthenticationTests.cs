using System.Net;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Protocol.Tests.Authentication;

/// <summary>
/// A single-tenant bot also accepts Entra ID tokens of its own tenant, with keys from the Entra metadata, but only
/// from an allowed calling app (azp in v2, appid in v1), for an allowed channel, and without a serviceurl claim it
/// answers only at trusted service URL hosts.
/// </summary>
public sealed class SingleTenantAuthenticationTests(TokenIssuer issuer) : IClassFixture<TokenIssuer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private BotHost _host = null!;
    private LoopbackServer _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(issuer.Settings("SingleTenant"), services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    // The turn tries to answer, so a test can see whether a reply went out (only where the serviceUrl is loopback).
    private void AnswerEveryTurn() => _host.Bot.Behaviour = (turn, ct) => turn.SendActivityAsync(new Activity { Text = "pong" }, ct);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static string MessageJson(string channelId = "msteams", string serviceUrl = Activities.TeamsServiceUrl) =>
        Activities.Message(serviceUrl: serviceUrl, channelId: channelId).ToJsonString();

    private static string EntraToken(TokenIssuer issuer, string version = "v2", string? caller = TokenIssuer.AppId, string? serviceUrl = Activities.TeamsServiceUrl, string? claimName = null)
    {
        var claims = new Dictionary<string, object>();
        if (caller is not null)
        {
            claims[claimName ?? (version == "v2" ? "azp" : "appid")] = caller;
        }
        return TokenIssuer.CreateToken(issuer.EntraKey, Now, issuer: version == "v2" ? TokenIssuer.EntraV2Issuer : TokenIssuer.EntraV1Issuer,
            serviceUrl: serviceUrl, extraClaims: claims);
    }

    private async Task AssertForbidden(string token, string? body = null, string? reason = null)
    {
        using var response = await _host.PostActivityAsync(body ?? MessageJson(), token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (reason is not null)
        {
            var error = await response.Content.ReadAsStringAsync();
            Assert.True(error.Contains(reason, StringComparison.Ordinal), error);
        }
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_host.Store!.Saved);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task Entra_token_of_the_bots_tenant_from_the_bot_itself_is_accepted(string version)
    {
        using var response = await _host.PostActivityAsync(MessageJson(), EntraToken(issuer, version));

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
        await AssertForbidden(EntraToken(issuer, serviceUrl: "https://attacker.example.org/"), reason: "serviceurl does not match");
    }

    [Theory]
    [InlineData("v2", "22222222-0000-0000-0000-000000000000")]
    [InlineData("v1", "22222222-0000-0000-0000-000000000000")]
    [InlineData("v2", "")]
    public async Task Entra_token_of_another_calling_app_is_403(string version, string caller)
    {
        await AssertForbidden(EntraToken(issuer, version, caller: caller), reason: caller.Length == 0 ? "names no calling app" : "calling app is not allowed");
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public async Task Entra_token_without_a_calling_app_is_403(string version)
    {
        await AssertForbidden(EntraToken(issuer, version, caller: null), reason: "names no calling app");
    }

    [Theory]
    [InlineData("v2", "appid")]
    [InlineData("v1", "azp")]
    public async Task The_calling_app_is_read_from_the_claim_of_the_tokens_version(string version, string wrongClaim)
    {
        // Our app id in the other version's claim proves nothing.
        await AssertForbidden(EntraToken(issuer, version, claimName: wrongClaim), reason: "names no calling app");
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("directline")]
    [InlineData("attacker-channel")]
    public async Task Entra_token_for_a_foreign_channel_is_403(string channelId)
    {
        await AssertForbidden(EntraToken(issuer), MessageJson(channelId: channelId), reason: "channel");
    }

    [Fact]
    public async Task Entra_token_without_serviceurl_gets_no_reply_at_an_untrusted_serviceUrl()
    {
        AnswerEveryTurn();
        var untrusted = _connector.BaseAddress.AbsoluteUri;
        using var response = await _host.PostActivityAsync(MessageJson(serviceUrl: untrusted), EntraToken(issuer, serviceUrl: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
        Assert.Empty(_connector.Requests);
        // Nor is the serviceUrl kept for later proactive sends.
        Assert.Empty(_host.Store!.Saved);
        Assert.Contains(_host.Logs.Entries, e => e.EventId == 143 && e.Message.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entra_token_that_names_the_serviceUrl_gets_its_reply()
    {
        // The control for the test above: the same request, but the token vouches for the serviceUrl.
        AnswerEveryTurn();
        var url = _connector.BaseAddress.AbsoluteUri;
        using var response = await _host.PostActivityAsync(MessageJson(serviceUrl: url), EntraToken(issuer, serviceUrl: url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Requests);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.EventId == 143);
    }
}
