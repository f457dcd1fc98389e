using System.Text.Json;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>A turn context that records what the bot sends instead of calling a connector.</summary>
public sealed class FakeTurnContext(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public List<Activity> Sent { get; } = [];

    /// <summary>Everything in order: "typing" or "message".</summary>
    public List<string> Events { get; } = [];

    public List<Activity> Updated { get; } = [];

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Add(activity);
        Events.Add(activity.Type ?? "message");
        return Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok, "reply-" + Sent.Count));
    }

    public Task SendTypingAsync(CancellationToken cancellationToken = default)
    {
        Events.Add("typing");
        return Task.CompletedTask;
    }

    public Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Updated.Add(activity);
        return Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok, activity.Id));
    }

    public ConversationReference GetConversationReference() => new()
    {
        ChannelId = Activity.ChannelId,
        ServiceUrl = Activity.ServiceUrl,
        Conversation = Activity.Conversation,
        Bot = Activity.Recipient,
        User = Activity.From,
    };

    /// <summary>The single card sent (fails the test otherwise).</summary>
    public JsonElement SingleCard()
    {
        var message = Assert.Single(Sent);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return attachment.Content!.Value;
    }

    public static Activity Message(string? text, string channelId = "msteams", string conversationId = "conv-1", string conversationType = "personal") => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-1",
        ChannelId = channelId,
        ServiceUrl = "http://127.0.0.1:1/",
        Text = text,
        From = new ChannelAccount { Id = "user-1", Name = "Kamerlid", AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount { Id = "bot-1", Name = "Briefingbot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType },
    };

    public static Activity Submit(string valueJson, string channelId = "msteams")
    {
        var a = Message(null, channelId);
        a.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        return a;
    }

    public static Activity Invoke(string name, string valueJson)
    {
        var a = Message(null);
        a.Type = ActivityTypes.Invoke;
        a.Name = name;
        a.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        return a;
    }
}
