using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

public sealed class WelcomeTests : IDisposable
{
    private readonly ChatTestHost _host = new();

    private static Activity Installation(string action, string conversationType = "channel", string conversationId = "team-1")
    {
        var a = FakeTurnContext.Message(null, conversationId: conversationId, conversationType: conversationType);
        a.Type = ActivityTypes.InstallationUpdate;
        a.Action = action;
        return a;
    }

    private static Activity MembersAdded(string memberId, string conversationType = "channel", string conversationId = "team-1")
    {
        var a = FakeTurnContext.Message(null, conversationId: conversationId, conversationType: conversationType);
        a.Type = ActivityTypes.ConversationUpdate;
        a.MembersAdded = [new ChannelAccount { Id = memberId }];
        return a;
    }

    [Theory]
    [InlineData("channel", "Ik zoek voor dit team")]
    [InlineData("groupChat", "Ik zoek voor deze chat")]
    [InlineData("personal", "Ik zoek voor je")]
    public async Task Installing_greets_with_a_welcome_card_for_the_scope(string scope, string expected)
    {
        var turn = await _host.TurnAsync(Installation("add", scope));
        var text = CardAssert.AllText(turn.SingleCard());
        Assert.Contains("Hallo! Ik ben Briefingbot.", text);
        Assert.Contains(expected, text);
    }

    [Fact]
    public async Task The_installation_and_conversation_updates_of_one_install_greet_once()
    {
        var first = await _host.TurnAsync(Installation("add"));
        var second = await _host.TurnAsync(MembersAdded("bot-1"));
        Assert.Single(first.Sent);
        Assert.Empty(second.Sent);
    }

    [Fact]
    public async Task The_bot_added_by_conversation_update_alone_greets()
    {
        var turn = await _host.TurnAsync(MembersAdded("bot-1", "groupChat", "chat-9"));
        Assert.Contains("Ik zoek voor deze chat", CardAssert.AllText(turn.SingleCard()));
    }

    [Theory]
    [InlineData("add-upgrade")]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    public async Task Upgrades_and_removals_do_not_greet(string action)
    {
        var turn = await _host.TurnAsync(Installation(action));
        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task A_user_joining_the_team_is_not_greeted_by_the_bot()
    {
        var turn = await _host.TurnAsync(MembersAdded("user-7"));
        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task Each_conversation_gets_its_own_welcome()
    {
        var a = await _host.TurnAsync(Installation("add", conversationId: "team-a"));
        var b = await _host.TurnAsync(Installation("add", conversationId: "team-b"));
        Assert.Single(a.Sent);
        Assert.Single(b.Sent);
    }

    public void Dispose() => _host.Dispose();
}
