using Briefingbot.Administration;
using Briefingbot.Administration.Subscriptions;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using RecordingScheduleNotifier = Briefingbot.Tests.Administration.Fakes.RecordingScheduleNotifier;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// The bot removed from a conversation (a QA pass: its subscription stayed active until the next briefing met
/// 403/404, and adding the bot again within half an hour was not greeted). The whole turn path as the host wires it:
/// AddChat, AddStorage on real SQLite in a temp folder, AddAdministration.
/// </summary>
public sealed class BotRemovalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bb-removal-").FullName;
    private readonly RecordingScheduleNotifier _notifier = new();
    private readonly ChatTestHost _host;

    public BotRemovalTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}",
        }).Build();
        _host = new ChatTestHost(configure: services =>
        {
            services.AddStorage(configuration);
            services.AddSingleton<ISubscriptionScheduleNotifier>(_notifier);
            services.AddAdministration(configuration);
        });
    }

    private ISubscriptionStore Subscriptions => _host.Get<ISubscriptionStore>();

    private static Activity Event(string type, Action<Activity> shape)
    {
        var a = FakeTurnContext.Message(null, conversationId: "team-1", conversationType: "channel");
        a.Type = type;
        shape(a);
        return a;
    }

    private static Activity Removed() => Event(ActivityTypes.InstallationUpdate, a => a.Action = "remove");

    private static Activity RemovedMember(string id) => Event(ActivityTypes.ConversationUpdate, a => a.MembersRemoved = [new ChannelAccount { Id = id }]);

    private static Activity Added() => Event(ActivityTypes.InstallationUpdate, a => a.Action = "add");

    private async Task SubscribeAsync(string text = "abonneer") =>
        await _host.TurnAsync(FakeTurnContext.Message(text, conversationId: "team-1", conversationType: "channel"));

    [Fact]
    public async Task Removing_the_bot_turns_the_subscription_off_at_once_and_audits_who_did_it()
    {
        await SubscribeAsync();
        _notifier.Changed.Clear();

        var removal = await _host.TurnAsync(Removed());
        var secondEvent = await _host.TurnAsync(RemovedMember("bot-1")); // Teams sends both for one removal

        var s = (await Subscriptions.GetAsync("team-1"))!;
        Assert.Equal((SubscriptionStatus.Inactive, SubscriptionRemovalHandler.Reason), (s.Status, s.StatusReason));
        Assert.Empty(removal.Sent); // the bot is no longer a member: nothing to say
        Assert.Empty(secondEvent.Sent);
        Assert.Equal(["team-1"], _notifier.Changed); // the scheduler drops the job now, once
        var audit = (await _host.Get<IAuditLog>().LatestAsync(100)).Where(e => e.Action == "subscription.bot-removed").ToList();
        Assert.Contains("Kamerlid", Assert.Single(audit).ActorName ?? "");
    }

    [Fact]
    public async Task The_bot_removed_by_a_conversation_update_alone_also_turns_it_off()
    {
        await SubscribeAsync();

        await _host.TurnAsync(RemovedMember("bot-1"));

        Assert.Equal(SubscriptionStatus.Inactive, (await Subscriptions.GetAsync("team-1"))!.Status);
    }

    [Fact]
    public async Task A_member_leaving_or_an_upgrade_changes_nothing()
    {
        await SubscribeAsync();

        await _host.TurnAsync(RemovedMember("user-7"));
        await _host.TurnAsync(Event(ActivityTypes.InstallationUpdate, a => a.Action = "remove-upgrade"));

        Assert.Equal(SubscriptionStatus.Active, (await Subscriptions.GetAsync("team-1"))!.Status);
    }

    [Fact]
    public async Task Adding_the_bot_again_greets_again_names_the_old_subscription_and_abonneer_restores_it()
    {
        await _host.Get<ITopicStore>().UpsertAsync(new Topic("defensie-eu", "defensie", "aad-user-1", _host.Time.GetUtcNow(), _host.Time.GetUtcNow()));
        await SubscribeAsync("abonneer defensie-eu");
        var first = await _host.TurnAsync(Added());
        await _host.TurnAsync(Removed());
        _host.Time.Advance(TimeSpan.FromMinutes(5)); // well inside the half hour in which a second install event is not greeted

        var again = await _host.TurnAsync(Added());
        var text = CardAssert.AllText(again.SingleCard());
        await SubscribeAsync();

        Assert.DoesNotContain("had een abonnement", CardAssert.AllText(first.SingleCard()));
        Assert.Contains("Hallo! Ik ben Briefingbot.", text);
        Assert.Contains("Dit gesprek had een abonnement op de weekbriefing (onderwerpen defensie-eu)", text);
        Assert.Contains("Typ ‘@Briefingbot abonneer’ om het met dezelfde instellingen weer aan te zetten", text); // a channel: only an @mention reaches the bot
        var s = (await Subscriptions.GetAsync("team-1"))!;
        Assert.Equal((SubscriptionStatus.Active, (string?)null), (s.Status, s.StatusReason));
        Assert.Equal(["defensie-eu"], s.Topics);
    }

    /// <summary>A Teams channel activity: channelData names the team (its id is its General channel's).</summary>
    private static Activity InTeam(Activity a, string team = "team-1")
    {
        a.ChannelData = System.Text.Json.JsonDocument.Parse(
            $$$"""{"team":{"id":"{{{team}}}","name":"Europa"},"channel":{"id":"{{{a.Conversation!.Id}}}"},"tenant":{"id":"t-1"}}""").RootElement.Clone();
        return a;
    }

    private static Activity ChannelMessage(string text, string channel) => InTeam(FakeTurnContext.Message(text, conversationId: channel, conversationType: "channel"));

    [Fact]
    public async Task Removing_the_bot_from_a_team_turns_off_every_channel_of_that_team()
    {
        // Before: only General's subscription (the team's id) was turned off; the other channels stayed active.
        await _host.TurnAsync(ChannelMessage("abonneer", "team-1"));
        await _host.TurnAsync(ChannelMessage("abonneer", "19:kanaal-2@thread.tacv2"));
        await _host.TurnAsync(InTeam(FakeTurnContext.Message("abonneer", conversationId: "19:ander@thread.tacv2", conversationType: "channel"), "team-2"));
        _notifier.Changed.Clear();

        await _host.TurnAsync(InTeam(Removed()));
        await _host.TurnAsync(InTeam(RemovedMember("bot-1"))); // the second event of the same removal

        var general = (await Subscriptions.GetAsync("team-1"))!;
        Assert.Equal((SubscriptionStatus.Inactive, SubscriptionRemovalHandler.TeamReason), (general.Status, general.StatusReason));
        var channel = (await Subscriptions.GetAsync("19:kanaal-2@thread.tacv2"))!;
        Assert.Equal((SubscriptionStatus.Inactive, SubscriptionRemovalHandler.TeamReason), (channel.Status, channel.StatusReason));
        Assert.Equal(SubscriptionStatus.Active, (await Subscriptions.GetAsync("19:ander@thread.tacv2"))!.Status); // another team
        Assert.Equal(["team-1", "19:kanaal-2@thread.tacv2"], _notifier.Changed);
        var audit = (await _host.Get<IAuditLog>().LatestAsync(100)).Where(e => e.Action == "subscription.bot-removed").ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, e => e.Details.Contains("kanaal 19:kanaal-2@thread.tacv2 van team Europa", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Details.Contains("kanaal team-1 van team Europa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscription_made_before_team_ids_were_kept_learns_its_team_from_a_message_in_its_channel()
    {
        var now = _host.Time.GetUtcNow();
        await Subscriptions.UpsertAsync(new Subscription("19:oud@thread.tacv2", null, [], DayOfWeek.Monday, new TimeOnly(8, 0),
            "Europe/Amsterdam", SubscriptionStatus.Active, null, "aad-user-1", now, now));

        await _host.TurnAsync(ChannelMessage("drones", "19:oud@thread.tacv2;messageid=123"));
        await _host.TurnAsync(InTeam(Removed()));

        Assert.Equal(SubscriptionStatus.Inactive, (await Subscriptions.GetAsync("19:oud@thread.tacv2"))!.Status);
    }

    [Fact]
    public async Task Adding_the_bot_to_the_team_again_names_the_other_channels_whose_subscription_is_off()
    {
        await _host.TurnAsync(ChannelMessage("abonneer", "19:kanaal-2@thread.tacv2"));
        await _host.TurnAsync(ChannelMessage("abonneer", "19:kanaal-3@thread.tacv2"));
        await _host.TurnAsync(InTeam(Removed()));
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        var text = CardAssert.AllText((await _host.TurnAsync(InTeam(Added()))).SingleCard());

        Assert.Contains("2 andere kanalen van dit team hadden een abonnement op de weekbriefing; die staan uit.", text);
        Assert.DoesNotContain("Dit gesprek had een abonnement", text); // General itself had none
    }

    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
