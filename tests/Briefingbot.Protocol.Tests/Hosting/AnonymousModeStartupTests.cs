using System.Net;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Tests.Hosting;

/// <summary>Issue 16 item 1: without an app id the host fails closed, except in Development or when explicitly allowed.</summary>
public sealed class AnonymousModeStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Without_an_app_id_a_non_development_host_refuses_to_start(string environment)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" }, environment: environment));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AllowAnonymous", error.Message, StringComparison.Ordinal);
        Assert.Contains(environment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowAnonymous_starts_a_production_host_and_warns_at_every_start()
    {
        var settings = new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" };
        for (var start = 0; start < 2; start++)
        {
            await using var host = await BotHost.StartAsync(settings, environment: "Production");

            Assert.Contains(host.Logs.Entries, e => e.EventId == 104 && e.Level == LogLevel.Warning && e.Message.Contains("Production", StringComparison.Ordinal));
            using var response = await host.PostActivityAsync(Activities.Message().ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Development_runs_without_an_app_id_and_without_the_production_warning()
    {
        await using var host = await BotHost.StartAsync(environment: "Development");

        Assert.Contains(host.Logs.Entries, e => e.EventId == 100);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId is 103 or 104);
    }

    [Fact]
    public async Task An_app_id_needs_no_permission_in_production()
    {
        await using var host = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "app", ["MicrosoftAppPassword"] = "pw" }, environment: "Production");

        Assert.Contains(host.Logs.Entries, e => e.EventId == 101);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId is 100 or 103 or 104);
    }
}
