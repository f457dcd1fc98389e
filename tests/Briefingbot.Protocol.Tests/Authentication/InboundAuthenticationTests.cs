using System.Net;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Briefingbot.Protocol.Tests.Authentication;

/// <summary>
/// Inbound JWT validation as the Bot Connector authentication spec lists it, against keys served from loopback. The
/// host's clock is a fake one set in 2030: a token accepted there is not valid by the wall clock, which proves that
/// the lifetime check reads the injected TimeProvider.
/// </summary>
public sealed class InboundAuthenticationTests(TokenIssuer issuer) : IClassFixture<TokenIssuer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(issuer.Settings(), services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string MessageJson(string channelId = "msteams", string serviceUrl = Activities.TeamsServiceUrl) =>
        Activities.Message(serviceUrl: serviceUrl, channelId: channelId).ToJsonString();

    /// <summary>Asserts the status, the reason in the error body (so a test fails for the right reason only) and that no turn ran.</summary>
    private async Task AssertRejected(HttpStatusCode expected, string? token, string? body = null, string? reason = null)
    {
        using var response = await _host.PostActivityAsync(body ?? MessageJson(), token);
        Assert.Equal(expected, response.StatusCode);
        if (reason is not null)
        {
            var error = await response.Content.ReadAsStringAsync();
            Assert.True(error.Contains(reason, StringComparison.Ordinal), error);
        }
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_host.Store!.Saved);
    }

    [Fact]
    public async Task Request_without_authorization_header_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, token: null, reason: "bearer token is required");
    }

    [Fact]
    public async Task Non_bearer_authorization_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(MessageJson()) };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task Garbage_token_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, "this-is-not-a-jwt", reason: "not a JWT");
    }

    [Fact]
    public async Task Wrong_issuer_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateToken(issuer.TeamsKey, Now, issuer: "https://evil.example.org"), reason: "issuer is not trusted");
    }

    [Fact]
    public async Task Entra_issuer_is_401_for_a_multi_tenant_bot()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateToken(issuer.EntraKey, Now, issuer: TokenIssuer.EntraV2Issuer), reason: "issuer is not trusted");
    }

    [Fact]
    public async Task Wrong_audience_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateToken(issuer.TeamsKey, Now, audience: "another-bot"), reason: "not meant for this bot");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        // Expired 10 minutes ago: beyond the 5 minutes of clock skew.
        await AssertRejected(HttpStatusCode.Unauthorized,
            TokenIssuer.CreateToken(issuer.TeamsKey, Now, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-10)), reason: "has expired");
    }

    [Fact]
    public async Task Not_yet_valid_token_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized,
            TokenIssuer.CreateToken(issuer.TeamsKey, Now, notBeforeOffset: TimeSpan.FromMinutes(10), expiresOffset: TimeSpan.FromHours(1)), reason: "not valid yet");
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-3));
        using var response = await _host.PostActivityAsync(MessageJson(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task Token_expires_once_the_clock_moves_past_expiry_and_skew()
    {
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, expiresOffset: TimeSpan.FromMinutes(1));
        using (var first = await _host.PostActivityAsync(MessageJson(), token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(7));
        using var second = await _host.PostActivityAsync(MessageJson(), token);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task Token_signed_with_an_unpublished_key_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateToken(issuer.ImpostorKey, Now), reason: "signature is invalid");
    }

    [Fact]
    public async Task Token_signed_with_an_unknown_key_id_is_401()
    {
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "never-published" };
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateToken(stranger, Now), reason: "unknown key");
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, TokenIssuer.CreateUnsignedToken(Now), reason: "signature is invalid");
    }

    [Fact]
    public async Task Hs256_token_keyed_with_the_public_rsa_key_is_401()
    {
        await AssertRejected(HttpStatusCode.Unauthorized, issuer.CreateHmacTokenWithPublicKey(Now), reason: "signature is invalid");
    }

    [Fact]
    public async Task Serviceurl_claim_that_differs_from_the_activity_is_403()
    {
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, serviceUrl: "https://smba.trafficmanager.net/amer/");
        await AssertRejected(HttpStatusCode.Forbidden, token, MessageJson(serviceUrl: "https://attacker.example.org/"), reason: "serviceurl does not match");
    }

    [Fact]
    public async Task Bot_framework_token_without_serviceurl_claim_is_403()
    {
        await AssertRejected(HttpStatusCode.Forbidden, TokenIssuer.CreateToken(issuer.TeamsKey, Now, serviceUrl: null), reason: "no serviceurl claim");
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_403()
    {
        // The slack key signs a perfectly valid token, but the activity claims to come from Teams.
        await AssertRejected(HttpStatusCode.Forbidden, TokenIssuer.CreateToken(issuer.SlackKey, Now), MessageJson(channelId: "msteams"), reason: "not endorsed");
    }

    [Fact]
    public async Task Valid_token_is_accepted_and_the_bot_runs()
    {
        using var response = await _host.PostActivityAsync(MessageJson(), TokenIssuer.CreateToken(issuer.TeamsKey, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_host.Bot.Turns);
        Assert.Equal("help", turn.Text);
    }

    [Fact]
    public async Task Serviceurl_comparison_ignores_case()
    {
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, serviceUrl: Activities.TeamsServiceUrl.ToUpperInvariant());
        using var response = await _host.PostActivityAsync(MessageJson(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rs512_signed_token_is_accepted()
    {
        using var response = await _host.PostActivityAsync(MessageJson(), TokenIssuer.CreateToken(issuer.TeamsKey, Now, algorithm: SecurityAlgorithms.RsaSha512));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Hostile_tokens_are_rejected_with_4xx_never_a_5xx()
    {
        var random = new Random(4242);
        string B64(string json) => Base64UrlEncoder.Encode(System.Text.Encoding.UTF8.GetBytes(json));
        string RandomSegment()
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return Base64UrlEncoder.Encode(bytes);
        }
        string[] headers = ["{\"alg\":\"RS256\",\"kid\":\"bf-teams\"}", "{\"alg\":\"none\"}", "{\"alg\":5}", "[]", "{", "{\"alg\":\"RS256\",\"kid\":{\"x\":1}}", "{\"alg\":\"ES256\"}"];
        string[] payloads = ["{\"iss\":5}", "{\"iss\":[\"https://api.botframework.com\"]}", "{\"iss\":\"https://api.botframework.com\",\"exp\":\"soon\"}", "null", "{\"iss\":\"https://api.botframework.com\",\"aud\":{}}", "\u0000"];

        var unauthorized = 0;
        for (var i = 0; i < 200; i++)
        {
            var token = random.Next(4) switch
            {
                0 => $"{RandomSegment()}.{RandomSegment()}.{RandomSegment()}",
                1 => $"{B64(headers[random.Next(headers.Length)])}.{B64(payloads[random.Next(payloads.Length)])}.{RandomSegment()}",
                2 => string.Join('.', Enumerable.Range(0, random.Next(1, 7)).Select(_ => RandomSegment())),
                _ => new string('a', random.Next(1, 300_000)),
            };
            using var response = await _host.PostActivityAsync(MessageJson(), token);
            // 431: Kestrel itself refuses headers over 32 KB before the endpoint runs.
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestHeaderFieldsTooLarge,
                $"token {i} got {(int)response.StatusCode}");
            unauthorized += response.StatusCode == HttpStatusCode.Unauthorized ? 1 : 0;
        }

        Assert.True(unauthorized > 120, $"only {unauthorized} of 200 reached the token check");
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task Rejections_never_log_the_token()
    {
        var token = TokenIssuer.CreateToken(issuer.TeamsKey, Now, audience: "another-bot");
        using var response = await _host.PostActivityAsync(MessageJson(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
