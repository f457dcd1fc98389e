using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Turns;

namespace Briefingbot.Protocol.Tests.Turns;

public sealed class MentionStripperTests
{
    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
        Entities = entities,
    };

    private static Entity Mention(string id, string? text) => new() { Type = "mention", Mentioned = new ChannelAccount { Id = id }, Text = text };

    [Fact]
    public void Bot_mention_is_removed_and_the_rest_trimmed()
    {
        var activity = Message("<at>Briefingbot</at> zoek drones", Mention("28:bot", "<at>Briefingbot</at>"));

        Assert.Equal("zoek drones", MentionStripper.StripBotMention(activity));
    }

    [Fact]
    public void Nbsp_padding_of_teams_html_text_is_removed_too()
    {
        var activity = Message("<at>Briefingbot</at>&nbsp;help\n", Mention("28:bot", "<at>Briefingbot</at>"));

        Assert.Equal("help", MentionStripper.StripBotMention(activity));
    }

    [Fact]
    public void Mentions_of_other_people_stay()
    {
        var activity = Message("<at>Briefingbot</at> wie is <at>Anne</at>",
            Mention("28:bot", "<at>Briefingbot</at>"), Mention("29:anne", "<at>Anne</at>"));

        Assert.Equal("wie is <at>Anne</at>", MentionStripper.StripBotMention(activity));
    }

    [Fact]
    public void Mention_without_entity_text_falls_back_to_the_bots_name()
    {
        var activity = Message("<at>Briefingbot</at> toezeggingen", Mention("28:bot", null));

        Assert.Equal("toezeggingen", MentionStripper.StripBotMention(activity));
    }

    [Fact]
    public void Text_without_a_bot_mention_is_left_exactly_as_it_came()
    {
        var activity = Message("  <at>Someone</at> hello ", Mention("29:someone", "<at>Someone</at>"));

        Assert.Equal("  <at>Someone</at> hello ", MentionStripper.StripBotMention(activity));
    }

    [Fact]
    public void Null_entities_and_null_text_are_fine()
    {
        Assert.Null(MentionStripper.StripBotMention(new Activity { Type = "message", Recipient = new ChannelAccount { Id = "28:bot" } }));
        Assert.Equal("hi", MentionStripper.StripBotMention(new Activity { Type = "message", Text = "hi", Entities = [null!] }));
    }
}
