using Briefingbot.Chat;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// Two bot instances on one database, as behind a load balancer: conversation state (the last search for a typed
/// "meer", the welcome deduplication) is the store's, so it does not matter which instance gets a turn.
/// </summary>
public sealed class SharedConversationStateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bb-state-" + Guid.NewGuid().ToString("N"));
    private readonly List<ChatTestHost> _hosts = [];

    public SharedConversationStateTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ChatTestHost Instance(string connectionString = "")
    {
        var database = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(_folder, "bot.db")}";
        var host = new ChatTestHost(configure: services =>
        {
            services.AddSingleton<StoreDatabase>(sp => new SqliteStoreDatabase(database, _folder, sp.GetRequiredService<TimeProvider>(), NullLogger<SqliteStoreDatabase>.Instance));
            services.AddSingleton<IConversationStateStore, ConversationStateStore>();
        });
        _hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task A_typed_meer_pages_the_last_search_whichever_instance_receives_it()
    {
        var a = Instance();
        var b = Instance();
        Assert.IsType<StoreConversationState>(a.Get<IConversationState>());

        await a.SayAsync("zoek drones");
        var more = await b.SayAsync("meer");

        Assert.Equal(("drones", 1), (b.FakeSearch.Requests.Single().Query, b.FakeSearch.Requests.Single().Page));
        Assert.Contains("Resultaten voor ‘drones’", CardAssert.AllText(more.SingleCard()));
        await a.SayAsync("meer");
        Assert.Equal(("drones", 2), (a.FakeSearch.Requests[^1].Query, a.FakeSearch.Requests[^1].Page));

        // Another conversation has its own last search (none yet).
        var elsewhere = await b.SayAsync("meer", conversationId: "conv-2");
        Assert.Contains("Er is nog geen zoekopdracht", CardAssert.AllText(elsewhere.SingleCard()));
    }

    [Fact]
    public async Task The_two_install_events_of_one_installation_greet_once_across_instances()
    {
        var a = Instance();
        var b = Instance();
        var installation = FakeTurnContext.Message(null, conversationId: "team-1", conversationType: "channel");
        installation.Type = ActivityTypes.InstallationUpdate;
        installation.Action = "add";
        var membersAdded = FakeTurnContext.Message(null, conversationId: "team-1", conversationType: "channel");
        membersAdded.Type = ActivityTypes.ConversationUpdate;
        membersAdded.MembersAdded = [new ChannelAccount { Id = membersAdded.Recipient!.Id }];

        var first = await a.TurnAsync(installation);
        var second = await b.TurnAsync(membersAdded);

        Assert.Contains("Hallo! Ik ben Briefingbot.", CardAssert.AllText(first.SingleCard()));
        Assert.DoesNotContain("message", second.Events);
    }

    [Fact]
    public async Task When_the_store_cannot_be_reached_search_still_answers_and_meer_asks_for_a_search()
    {
        var broken = Instance($"Data Source={Path.Combine(_folder, "missing", "folder", "bot.db")};Mode=ReadOnly");

        var search = await broken.SayAsync("zoek drones");
        var more = await broken.SayAsync("meer");

        Assert.Contains("Resultaten voor ‘drones’", CardAssert.AllText(search.SingleCard()));
        Assert.Contains("Er is nog geen zoekopdracht", CardAssert.AllText(more.SingleCard()));
    }
}
