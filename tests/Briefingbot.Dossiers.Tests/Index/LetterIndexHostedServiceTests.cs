using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>The hosted index's start and stop, including a host that disposes it before stopping it.</summary>
public sealed class LetterIndexHostedServiceTests : IDisposable
{
    private readonly TestIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Stopping_after_a_hasty_dispose_does_not_throw_and_the_ingest_has_ended()
    {
        _index.CopySeeds();
        var services = new ServiceCollection().AddSingleton<ILetterIngestor>(_index.Ingestor).BuildServiceProvider();
        var hosted = new LetterIndexHostedService(_index.Index, services, new DossiersPaths(_index.Corpus, Path.Combine(_index.Root, "index")),
            Options.Create(new DossiersOptions()), NullLogger<LetterIndexHostedService>.Instance);
        await hosted.StartAsync(CancellationToken.None);

        hosted.Dispose();
        await hosted.StopAsync(CancellationToken.None);

        Assert.True(hosted.Ingest.IsCompleted);
        hosted.Dispose(); // twice is harmless too
    }
}
