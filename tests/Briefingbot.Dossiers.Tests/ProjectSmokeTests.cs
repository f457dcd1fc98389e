namespace Briefingbot.Dossiers.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_loads()
    {
        Assert.Equal("Briefingbot.Dossiers", typeof(Briefingbot.Dossiers.DossiersServiceCollectionExtensions).Assembly.GetName().Name);
    }
}
