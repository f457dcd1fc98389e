namespace Briefingbot.Protocol.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_loads()
    {
        Assert.Equal("Briefingbot.Protocol", typeof(Briefingbot.Protocol.ProtocolServiceCollectionExtensions).Assembly.GetName().Name);
    }
}
