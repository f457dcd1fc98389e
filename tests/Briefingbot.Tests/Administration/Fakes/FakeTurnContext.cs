using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Tests.Administration.Fakes;

/// <summary>A turn that records what the bot sends.</summary>
public sealed class FakeTurnContext(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public List<Activity> Sent { get; } = [];

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Add(activity);
        return Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok, "reply-" + Sent.Count));
    }

    public Task SendTypingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok, activity.Id));

    public ConversationReference GetConversationReference() => new()
    {
        Conversation = Activity.Conversation,
        ChannelId = Activity.ChannelId,
        ServiceUrl = Activity.ServiceUrl,
        User = Activity.From,
        Bot = Activity.Recipient,
    };
}
