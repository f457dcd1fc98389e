using Briefingbot.Cards;
using Briefingbot.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefingbot.Tests.Cards;

/// <summary>Issue 14 item 12: links to the bot's own endpoints (the /calendar.ics feed) are absolute URLs.</summary>
public sealed class PublicLinksTests
{
    private static (PublicLinks Links, IHttpContextAccessor Accessor) Create(string? publicBaseUrl)
    {
        var settings = new Dictionary<string, string?> { ["Cards:PublicBaseUrl"] = publicBaseUrl };
        var services = new ServiceCollection().AddLogging().AddChat(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        return (services.GetRequiredService<PublicLinks>(), services.GetRequiredService<IHttpContextAccessor>());
    }

    private static HttpContext Request(string scheme, string host, string pathBase = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        context.Request.Path = "/api/messages";
        return context;
    }

    [Fact]
    public void Without_a_setting_the_feed_link_is_the_host_of_the_request_that_carried_the_activity()
    {
        var (links, accessor) = Create(null);
        accessor.HttpContext = Request("https", "bot.example.test:8443", "/briefingbot");

        Assert.Equal("https://bot.example.test:8443/briefingbot/calendar.ics", links.Absolute("/calendar.ics"));
    }

    [Theory]
    [InlineData("https://briefingbot.example.org", "https://briefingbot.example.org/calendar.ics")]
    [InlineData("https://briefingbot.example.org/", "https://briefingbot.example.org/calendar.ics")]
    [InlineData("https://example.org/bots/briefing/", "https://example.org/bots/briefing/calendar.ics")]
    public void A_configured_public_base_url_wins_over_the_request(string setting, string expected)
    {
        var (links, accessor) = Create(setting);
        accessor.HttpContext = Request("http", "10.0.0.5:3978");

        Assert.Equal(expected, links.Absolute("/calendar.ics"));
    }

    [Theory]
    [InlineData("briefingbot.example.org")]
    [InlineData("/calendar")]
    [InlineData("ftp://briefingbot.example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://briefingbot.example.org/?x=1")]
    public void An_invalid_public_base_url_stops_the_start_with_a_message_naming_the_setting(string setting)
    {
        var settings = new Dictionary<string, string?> { ["Cards:PublicBaseUrl"] = setting };
        using var services = new ServiceCollection().AddLogging().AddChat(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CardOptions>>().Value);
        Assert.Contains("Cards:PublicBaseUrl", error.Message);
    }
}
