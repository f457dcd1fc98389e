using System.Text.RegularExpressions;
using Briefingbot.EndToEnd.Tests.Infrastructure;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// Starts the built bot (<c>dotnet Briefingbot.dll</c>, development mode: no app id) on a free loopback port with a
/// fresh data folder, and the pinned Microsoft 365 Agents Playground (<c>-c msteams</c>) pointed at it; connects to
/// the Playground's conversation feed and announces the app as the Playground's UI does on load. Both processes run
/// in process groups of their own and are killed on dispose; their logs go to artifacts/e2e-logs/.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "briefingbot-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private ConversationStream? _stream;
    private HttpClient? _http;
    private readonly IReadOnlyDictionary<string, string?> _botSettings;
    private readonly string _logPrefix;

    public PlaygroundFixture()
        : this(new Dictionary<string, string?>(), "")
    {
    }

    /// <summary>A bot with settings added to (or replacing) the defaults below, its logs named <c>&lt;logPrefix&gt;bot.log</c> etc.</summary>
    internal PlaygroundFixture(IReadOnlyDictionary<string, string?> botSettings, string logPrefix)
    {
        _botSettings = botSettings;
        _logPrefix = logPrefix;
    }

    /// <summary>The bot's settings as environment variables (also what a CLI run next to it needs).</summary>
    public IReadOnlyDictionary<string, string?> BotEnvironment { get; private set; } = new Dictionary<string, string?>();

    public string DataDirectory => _dataDirectory;

    public int BotPort { get; private set; }

    public int PlaygroundPort { get; private set; }

    public string PlaygroundUrl => $"http://127.0.0.1:{PlaygroundPort}/";

    public PlaygroundClient Client { get; private set; } = null!;

    /// <summary>The bot's greeting when the Playground announced the app in the personal chat (null if none came).</summary>
    public PlaygroundMessage? Welcome { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        await StartBotAsync();
        await StartPlaygroundAsync();

        _http = new HttpClient { BaseAddress = new Uri(PlaygroundUrl), Timeout = TimeSpan.FromSeconds(60) };
        _stream = await ConversationStream.ConnectAsync(PlaygroundPort, CancellationToken.None);
        Client = new PlaygroundClient(_http, _stream, PlaygroundPort);

        // What the UI does when it loads: fetch the config (the Playground checks the bot's endpoint), then announce
        // the app in the personal chat (the Playground sends installationUpdate and conversationUpdate). The bot
        // greets once; wait for that (bounded) so the greeting cannot be mistaken for a test's answer.
        using (var config = await _http.GetAsync("/_internal/v1/config"))
        {
            config.EnsureSuccessStatusCode();
        }
        using (var install = await _http.PostAsync($"/_debug/conversation/{PlaygroundIdentities.PersonalChatId}/installation",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            install.EnsureSuccessStatusCode();
        }
        try
        {
            Welcome = await _stream.WaitForAsync(0, m => m.IsFromBot && m.ConversationId == PlaygroundIdentities.PersonalChatId,
                TimeSpan.FromSeconds(20), "welcome message");
        }
        catch (TimeoutException)
        {
            Welcome = null; // The welcome test reports this; the other tests do not depend on it.
        }
    }

    private async Task StartBotAsync()
    {
        var assembly = RepoPaths.BotAssembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The bot is not built at {assembly}; build the solution first.");
        }
        BotPort = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{BotPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            // The Playground sends no token: a Production host runs without one only when told so (fail closed).
            ["Bot__AllowAnonymous"] = "true",
            ["Storage__Provider"] = "sqlite",
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "briefingbot.db")}",
            ["Dossiers__CorpusPath"] = RepoPaths.Seeds,
            ["Dossiers__IndexPath"] = Path.Combine(_dataDirectory, "index"),
            ["Dossiers__IngestOnStart"] = "true",
            // Two hits a page, so the five seed letters give "drones" a second page ("Meer resultaten").
            ["Dossiers__PageSize"] = "2",
            ["Administration__Admins__0"] = PlaygroundIdentities.AdminAadObjectId,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in _botSettings)
        {
            environment[key] = value;
        }
        BotEnvironment = environment;
        _bot = ChildProcess.Start("dotnet", [assembly], _dataDirectory, environment, Path.Combine(RepoPaths.Logs, _logPrefix + "bot.log"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Ready, not just alive: /health answers while the start-up ingest of the seeds still runs, and a test that
        // asks before it is done (under CI load) finds no letters, meetings or promises yet. /health/ready says
        // "Healthy" only when the store answers, the scheduler runs and that ingest is complete ("Degraded" before).
        await WaitUntilAsync("the bot's /health/ready to say Healthy", _bot, async () =>
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{BotPort}/health/ready");
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            // And the seeds are in: "Healthy" with 0 documents would only mean the ingest had not been started yet.
            return body.RootElement.GetProperty("status").GetString() == "Healthy"
                && body.RootElement.GetProperty("checks").GetProperty("index").GetProperty("description").GetString() is { } index
                && !index.StartsWith("0 ", StringComparison.Ordinal);
        });
    }

    private async Task StartPlaygroundAsync()
    {
        var cli = Path.Combine(RepoPaths.E2eTools, "node_modules", ".bin", "agentsplayground");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed at {cli}: run `npm ci` in tests/e2e-tools (scripts/test.sh does).");
        }
        var configPath = PlaygroundConfigFile.Write(_dataDirectory);
        var requestedPort = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath,
            ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(RepoPaths.Logs, _logPrefix + "playground-internal.log"),
        };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _playground = ChildProcess.Start(cli,
            ["-e", $"http://127.0.0.1:{BotPort}/api/messages", "-c", "msteams", "-p", requestedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry"],
            _dataDirectory, environment, Path.Combine(RepoPaths.Logs, _logPrefix + "playground.log"));
        // It falls back to a random port if the one asked for was taken meanwhile, and says which.
        _playground.Line += line =>
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        await WaitUntilAsync("the Playground to listen", _playground, () => Task.FromResult(listening.Task.IsCompleted));
        PlaygroundPort = await listening.Task;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync("the Playground's API", _playground, async () =>
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{PlaygroundPort}/_internal/v1/testConfig");
            return response.IsSuccessStatusCode;
        });
    }

    /// <summary>Polls <paramref name="ready"/> until it holds, the process dies, or <see cref="StartTimeout"/> passes.</summary>
    private static async Task WaitUntilAsync(string what, ChildProcess process, Func<Task<bool>> ready)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Gave up waiting for {what}: the process exited. Log {process.LogPath}:\n{process.RecentOutput()}");
            }
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow first answer; try again.
            }
            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {StartTimeout.TotalSeconds:0} s. Log {process.LogPath}:\n{process.RecentOutput()}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
        _http?.Dispose();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>One bot and one Playground for all end-to-end tests; they run one after another (the feed is shared).</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}
