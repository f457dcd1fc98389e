using Briefingbot.Protocol.Connector;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Protocol.Tests.Connector;

/// <summary>Which authority MSAL asks for the bot token (building the client does not touch the network).</summary>
public sealed class MsalBotTokenProviderTests
{
    private static string AuthorityFor(Dictionary<string, string?> settings)
    {
        using var services = ProtocolServices.Build(settings);
        return ((MsalBotTokenProvider)services.GetRequiredService<IBotTokenProvider>()).Authority;
    }

    [Fact]
    public void Multi_tenant_bots_use_the_botframework_tenant()
    {
        var authority = AuthorityFor(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppPassword"] = "pw" });

        Assert.StartsWith("https://login.microsoftonline.com/botframework.com", authority, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Single_tenant_bots_use_their_own_tenant()
    {
        var authority = AuthorityFor(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "contoso.onmicrosoft.com",
        });

        Assert.StartsWith("https://login.microsoftonline.com/contoso.onmicrosoft.com", authority, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Authority_can_be_overridden_by_configuration()
    {
        var authority = AuthorityFor(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["Bot:TokenAuthority"] = "https://login.microsoftonline.us/botframework.com",
        });

        Assert.StartsWith("https://login.microsoftonline.us/botframework.com", authority, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_mode_has_no_token_to_give()
    {
        using var services = ProtocolServices.Build(new Dictionary<string, string?>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None));
    }
}
