using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Tests.Configuration;

public sealed class BotProtocolOptionsTests
{
    private static BotProtocolOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = ProtocolServices.Build(settings);
        return services.GetRequiredService<IOptions<BotProtocolOptions>>().Value;
    }

    [Fact]
    public void Credentials_come_from_the_root_and_the_rest_from_the_bot_section()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["Bot:OpenIdMetadataUrl"] = "https://example.org/openid",
            ["Bot:ExtraTrustedServiceUrlHosts:0"] = "localhost",
            ["Bot:MaxRequestBodyBytes"] = "100000",
            ["Bot:Retry:MaxAttempts"] = "3",
            ["Bot:Pacing:PerConversation:0:PermitLimit"] = "2",
            ["Bot:Pacing:PerConversation:0:Window"] = "00:00:01",
        });

        Assert.Equal("app", options.MicrosoftAppId);
        Assert.Equal("SingleTenant", options.MicrosoftAppType);
        Assert.True(options.AcceptsEntraTokens);
        Assert.False(options.IsDevelopmentMode);
        Assert.Equal("https://login.microsoftonline.com/tenant-1", options.EffectiveTokenAuthority);
        Assert.Equal("https://example.org/openid", options.OpenIdMetadataUrl);
        Assert.Equal(["localhost"], options.ExtraTrustedServiceUrlHosts!);
        Assert.Equal(100000, options.MaxRequestBodyBytes);
        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Equal(2, Assert.Single(options.Pacing.EffectivePerConversation).PermitLimit);
    }

    [Fact]
    public void Defaults_are_development_mode_with_the_microsoft_endpoints_and_teams_limits()
    {
        var options = Bind([]);

        Assert.True(options.IsDevelopmentMode);
        Assert.Equal(BotProtocolOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
        Assert.Equal(BotProtocolOptions.DefaultEntraOpenIdMetadataUrl, options.EntraOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.EffectiveTokenAuthority);
        Assert.Equal(7, options.Pacing.EffectivePerConversation[0].PermitLimit);
        Assert.Equal(50, options.Pacing.EffectivePerTenant[0].PermitLimit);
    }

    [Theory]
    [InlineData("MicrosoftAppPassword is required", "MicrosoftAppId", "app")]
    [InlineData("MicrosoftAppTenantId is required", "MicrosoftAppType", "SingleTenant", "MicrosoftAppId", "app", "MicrosoftAppPassword", "pw")]
    [InlineData("MicrosoftAppType must be one of", "MicrosoftAppType", "AnyTenant")]
    [InlineData("Bot:OpenIdMetadataUrl must be an absolute https URL", "Bot:OpenIdMetadataUrl", "http://login.example.org/keys")]
    [InlineData("Bot:MaxRequestBodyBytes must be at least", "Bot:MaxRequestBodyBytes", "10")]
    [InlineData("Bot:ExtraTrustedServiceUrlHosts entries are host names", "Bot:ExtraTrustedServiceUrlHosts:0", "https://x.example.org/")]
    [InlineData("Bot:Retry:MaxAttempts must be between", "Bot:Retry:MaxAttempts", "0")]
    [InlineData("Bot:TokenAuthority must be an absolute https URL", "Bot:TokenAuthority", "http://login.example.org/")]
    public void Invalid_settings_fail_with_a_clear_message(string expected, params string[] pairs)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            settings[pairs[i]] = pairs[i + 1];
        }

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_at_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = "SingleTenant" }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_mode_is_announced_with_a_warning_at_start()
    {
        await using var host = await BotHost.StartAsync();

        Assert.Contains(host.Logs.Entries, e => e.EventId == 100 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Configured_credentials_are_announced_without_the_secret()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "super-secret-value",
        });

        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 100);
        Assert.Contains(host.Logs.Entries, e => e.EventId == 101);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("super-secret-value", StringComparison.Ordinal));
    }
}
