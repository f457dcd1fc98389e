using Briefingbot.Chat;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Chat;

/// <summary>The chat feature as the host wires it (AddChat), with a given search and a fake clock; no web server.</summary>
public sealed class ChatTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ChatTestHost(ILetterSearch? search = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Search = search ?? new FakeLetterSearch();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Search);
        services.AddChat(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ILetterSearch Search { get; }

    public FakeLetterSearch FakeSearch => (FakeLetterSearch)Search;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public IBot Bot => _services.GetRequiredService<IBot>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs one turn and returns what the bot sent.</summary>
    public async Task<FakeTurnContext> TurnAsync(Briefingbot.Protocol.Schema.Activity activity)
    {
        var turn = new FakeTurnContext(activity);
        await Bot.OnTurnAsync(turn, CancellationToken.None);
        return turn;
    }

    public Task<FakeTurnContext> SayAsync(string text, string channelId = "msteams", string conversationId = "conv-1") =>
        TurnAsync(FakeTurnContext.Message(text, channelId, conversationId));

    public void Dispose() => _services.Dispose();
}
