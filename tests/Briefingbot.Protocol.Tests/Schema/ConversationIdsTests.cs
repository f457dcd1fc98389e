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
}
