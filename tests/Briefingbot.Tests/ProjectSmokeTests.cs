using Briefingbot.Tests.TestSupport;

namespace Briefingbot.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        await using var factory = new BotHostFactory();
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("ok", body);
    }
}
