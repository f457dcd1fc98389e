using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Tests.TestSupport;

/// <summary>
/// The chat through the real host: <see cref="BotHostFactory"/> (its data in a temp folder) in development mode (no app
/// id, no token) with the seed corpus ingested before the first turn, replies delivered to a loopback
/// <see cref="ConnectorStub"/> at the activity's serviceUrl. A class fixture (<c>IClassFixture&lt;ChatHost&gt;</c>) or
/// created by a test with <see cref="Settings"/> and <see cref="Logs"/> of its own.
/// </summary>
public sealed class ChatHost : IAsyncLifetime
{
    private BotHostFactory _factory = null!;

    /// <summary>More settings for the host (":" separated keys); they win over the defaults here.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A logger provider to add to the host's logging (e.g. to assert on logged exceptions).</summary>
    public ILoggerProvider? Logs { get; init; }

    public ConnectorStub Connector { get; private set; } = null!;

    /// <summary>A client of the host, disposed with it.</summary>
    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Another client of the host (the caller disposes it).</summary>
    public HttpClient CreateClient() => _factory.CreateClient();

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Dossiers:CorpusPath"] = Path.Combine(NodeCardChecker.RepoRoot, "seeds"),
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _factory = new BotHostFactory(settings, web =>
        {
            if (Logs is not null)
            {
                web.ConfigureLogging(logging => logging.AddProvider(Logs));
            }
            // Fill only what the host does not register yet (storage, letter parser): real ones always win.
            web.ConfigureTestServices(services => services.AddMissingStoreStandIns().AddMissingDossierStandIns());
        });
        Client = _factory.CreateClient();
        // The start-up ingest runs in the background; wait for it so searches see the seeds.
        await _factory.Services.GetRequiredService<LetterIndexHostedService>().Ingest.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await _factory.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Known teardown race outside the chat: LetterIndexHostedService.StopAsync after its Dispose when the
            // factory and Program's RunAsync both stop the host (reported to the search work).
        }
        await Connector.DisposeAsync();
    }
}
