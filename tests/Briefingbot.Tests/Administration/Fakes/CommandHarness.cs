using Briefingbot.Administration;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Protocol.Schema;
using Briefingbot.Registers;
using Briefingbot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Administration.Fakes;

/// <summary>A person in the tests.</summary>
public sealed record TestUser(string AadObjectId, string Name, string ChannelId)
{
    public ChannelAccount Account => new() { Id = ChannelId, Name = Name, AadObjectId = AadObjectId };
}

/// <summary>
/// The administration and register areas wired as in the host (AddStorage + AddAdministration + AddRegisters), over
/// the real SQLite store in a fresh temp folder, a fake letter search and a fake clock. Sends a message as a user
/// and returns what the bot answered.
/// </summary>
public sealed class CommandHarness : IAsyncDisposable
{
    public static readonly TestUser Anna = new("11111111-1111-1111-1111-111111111111", "Anna Beheer", "29:anna");
    public static readonly TestUser Bob = new("22222222-2222-2222-2222-222222222222", "Bob Medewerker", "29:bob");
    public static readonly TestUser Carla = new("33333333-3333-3333-3333-333333333333", "Carla Collega", "29:carla");

    public static readonly ConversationAccount Channel = new() { Id = "19:defensie@thread.tacv2;messageid=1", Name = "Defensie", ConversationType = "channel", IsGroup = true, TenantId = "tenant-1" };
    public static readonly ConversationAccount PersonalChat = new() { Id = "a:personal-bob", ConversationType = "personal", TenantId = "tenant-1" };

    private readonly ServiceProvider provider;
    private readonly string directory = Directory.CreateTempSubdirectory("briefingbot-admin-").FullName;

    public CommandHarness(DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Time = new FakeTimeProvider(now);
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "briefingbot.db")}",
            ["Administration:Admins:0"] = Anna.AadObjectId,
            ["Administration:DefaultTimeZone"] = "Europe/Amsterdam",
            ["Administration:DefaultDay"] = "Monday",
            ["Administration:DefaultTime"] = "08:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddStorage(configuration);
        services.AddSingleton<ILetterSearch>(Search);
        services.AddSingleton<ICardRenderer>(Cards);
        services.AddSingleton<ISubscriptionScheduleNotifier>(Notifier);
        services.AddAdministration(configuration);
        services.AddRegisters(configuration);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; }
    public IAdminStore AdminStore => provider.GetRequiredService<IAdminStore>();
    public IAuditLog AuditLog => provider.GetRequiredService<IAuditLog>();
    public ITopicStore TopicStore => provider.GetRequiredService<ITopicStore>();
    public ISubscriptionStore SubscriptionStore => provider.GetRequiredService<ISubscriptionStore>();
    public IPromiseRegister PromiseRegister => provider.GetRequiredService<IPromiseRegister>();
    public IMeetingRegister MeetingRegister => provider.GetRequiredService<IMeetingRegister>();

    /// <summary>The whole audit log, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync() => (await AuditLog.LatestAsync(10_000)).OrderBy(e => e.Id).ToList();

    public async Task<Subscription?> SubscriptionAsync(string conversationId) => await SubscriptionStore.GetAsync(conversationId);

    public async Task<IReadOnlyList<PromiseRecord>> PromisesAsync() => await PromiseRegister.ListAsync();

    /// <summary>Every meeting, cancelled ones included, by id.</summary>
    public async Task<List<MeetingRecord>> MeetingsAsync() => (await MeetingRegister.ListAsync(null, null, includeCancelled: true)).OrderBy(m => m.Id).ToList();
    public FakeLetterSearch Search { get; } = new();
    public RecordingCardRenderer Cards { get; } = new();
    public RecordingScheduleNotifier Notifier { get; } = new();

    public IServiceProvider Services => provider;

    /// <summary>Sends <paramref name="text"/> (command word first) as <paramref name="user"/>; returns the turn with the bot's answers.</summary>
    public async Task<FakeTurnContext> SendAsync(string text, TestUser user, ConversationAccount? conversation = null,
        IList<Entity>? entities = null, IList<Attachment>? attachments = null, bool supportsCards = false, string channelId = "msteams")
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "msg-1",
            ChannelId = channelId,
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Text = text,
            From = user.Account,
            Recipient = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
            Conversation = conversation ?? PersonalChat,
            Entities = entities,
            Attachments = attachments,
        };
        var turn = new FakeTurnContext(activity);
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var word = parts[0].ToLowerInvariant();
        var handler = provider.GetServices<ICommandHandler>().Single(h => h.Names.Contains(word));
        var context = new CommandContext(turn, word, parts.Length > 1 ? parts[1].Trim() : "", null) { SupportsCards = supportsCards };
        await handler.HandleAsync(context, CancellationToken.None);
        return turn;
    }

    /// <summary>All text the bot sent in a turn.</summary>
    public static string Reply(FakeTurnContext turn) => string.Join("\n---\n", turn.Sent.Select(a => a.Text ?? a.Summary ?? ""));

    public static Entity Mention(TestUser user, bool withAadObjectId = true) => new()
    {
        Type = "mention",
        Text = $"<at>{user.Name}</at>",
        Mentioned = new ChannelAccount { Id = user.ChannelId, Name = user.Name, AadObjectId = withAadObjectId ? user.AadObjectId : null },
    };

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's clean-up; the next test gets its own folder.
        }
    }
}

/// <summary>Records the conversations the subscription commands reported as changed.</summary>
public sealed class RecordingScheduleNotifier : ISubscriptionScheduleNotifier
{
    public List<string> Changed { get; } = [];

    public Task SubscriptionChangedAsync(string conversationId, CancellationToken cancellationToken)
    {
        Changed.Add(conversationId);
        return Task.CompletedTask;
    }
}
