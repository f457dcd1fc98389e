using System.Net;
using System.Text.Json.Nodes;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Turns;

/// <summary>References are stored on installation, when the bot is added to a conversation, and on every message.</summary>
public sealed class ConversationReferenceCaptureTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await _host.PostActivityAsync(activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject Member(string id) => new() { ["id"] = id };

    [Theory]
    [InlineData("add")]
    [InlineData("add-upgrade")]
    public async Task Installation_stores_the_reference(string action)
    {
        var install = Activities.Of("installationUpdate");
        install["action"] = action;

        await PostAsync(install);

        var saved = Assert.Single(_host.Store!.Saved);
        Assert.Equal(ConversationIds.WithoutThread(Activities.ConversationId), saved.Conversation!.Id);
        Assert.Equal(Activities.TenantId, saved.Conversation.TenantId);
        Assert.Equal(Activities.TeamsServiceUrl, saved.ServiceUrl);
        Assert.Equal("msteams", saved.ChannelId);
        Assert.Equal(Activities.BotId, saved.Bot!.Id);
    }

    [Fact]
    public async Task Uninstallation_stores_nothing()
    {
        var uninstall = Activities.Of("installationUpdate");
        uninstall["action"] = "remove";

        await PostAsync(uninstall);

        Assert.Empty(_host.Store!.Saved);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task Conversation_update_that_adds_the_bot_stores_the_reference()
    {
        var update = Activities.Of("conversationUpdate");
        update["membersAdded"] = new JsonArray(Member(Activities.UserId), Member(Activities.BotId));

        await PostAsync(update);

        Assert.Equal(ConversationIds.WithoutThread(Activities.ConversationId), Assert.Single(_host.Store!.Saved).Conversation!.Id);
    }

    [Fact]
    public async Task Conversation_update_that_adds_someone_else_stores_nothing()
    {
        var update = Activities.Of("conversationUpdate");
        update["membersAdded"] = new JsonArray(Member("29:someone-else"));

        await PostAsync(update);

        Assert.Empty(_host.Store!.Saved);
    }

    [Fact]
    public async Task Every_message_stores_the_reference_so_a_moved_service_url_is_picked_up()
    {
        await PostAsync(Activities.Message("een"));
        await PostAsync(Activities.Message("twee", serviceUrl: "https://smba.trafficmanager.net/amer/"));

        var saved = _host.Store!.Saved;
        Assert.Equal(2, saved.Count);
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await _host.Store.GetAsync(ConversationIds.WithoutThread(Activities.ConversationId)))!.ServiceUrl);
    }

    [Fact]
    public async Task Without_a_store_the_turn_still_runs()
    {
        await using var host = await BotHost.StartAsync(withStore: false);

        using var response = await host.PostActivityAsync(Activities.Message("help").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Turns);
    }
}
