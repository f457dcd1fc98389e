using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public async Task The_protocol_services_resolve_as_singletons_with_the_documented_retry_defaults()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>());

        Assert.Same(services.GetRequiredService<IConnectorClient>(), services.GetRequiredService<IConnectorClient>());
        Assert.Same(services.GetRequiredService<IProactiveMessenger>(), services.GetRequiredService<IProactiveMessenger>());
        var retry = services.GetRequiredService<IOptions<BotProtocolOptions>>().Value.Retry;
        // 5 attempts of at most 30 s with at most 30 s between them; a POST the service may have taken is retried once.
        Assert.Equal((5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), 1),
            (retry.MaxAttempts, retry.AttemptTimeout, retry.MaxDelay, retry.MaxAmbiguousPostRetries));
    }
}
