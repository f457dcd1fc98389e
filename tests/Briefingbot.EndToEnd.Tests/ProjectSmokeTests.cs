namespace Briefingbot.EndToEnd.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Bot_assembly_is_referenced()
    {
        Assert.Equal("Briefingbot", typeof(Program).Assembly.GetName().Name);
    }
}
