namespace Briefingbot.Protocol.Tests.Schema;

public class ConversationIdsTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1795511982351", "19:abc@thread.tacv2")]
    [InlineData("channel-eu-e2e;messageid=1", "channel-eu-e2e")]
    [InlineData("a:1Xy-personal-chat", "a:1Xy-personal-chat")]
    [InlineData("19:group@thread.v2", "19:group@thread.v2")]
    public void Channel_thread_ids_map_to_the_channel_and_other_ids_stay(string id, string expected)
    {
        Assert.Equal(expected, ConversationIds.WithoutThread(id));
    }

    [Theory]
    [InlineData("""{"team":{"id":"19:team@thread.tacv2","name":"Europa"},"channel":{"id":"19:c@thread.tacv2"}}""", "19:team@thread.tacv2")]
    [InlineData("""{"teamsTeamId":"19:team@thread.tacv2","teamsChannelId":"19:c@thread.tacv2"}""", "19:team@thread.tacv2")]
    [InlineData("""{"tenant":{"id":"t-1"}}""", null)]
    [InlineData("""{"team":{"id":"  "}}""", null)]
    [InlineData("""{"team":"19:x"}""", null)]
    [InlineData("""[1,2]""", null)]
    public void The_team_comes_from_teams_channel_data(string channelData, string? expected)
    {
        var activity = new Briefingbot.Protocol.Schema.Activity { ChannelId = "msteams", ChannelData = System.Text.Json.JsonDocument.Parse(channelData).RootElement.Clone() };
        var directLine = new Briefingbot.Protocol.Schema.Activity { ChannelId = "directline", ChannelData = activity.ChannelData };

        Assert.Equal(expected, ConversationIds.TeamId(activity));
        Assert.Null(ConversationIds.TeamId(directLine)); // a client writes its own channelData there
    }

    [Fact]
    public void An_activity_without_channel_data_has_no_team()
    {
        Assert.Null(ConversationIds.TeamId(new Briefingbot.Protocol.Schema.Activity()));
    }
}
