using Briefingbot.Protocol.Connector;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Turns;

/// <summary>One inbound activity and the means to answer it in the same conversation.</summary>
internal sealed class TurnContext(Activity activity, IConnectorClient connector, OutboundPacer pacer, ILogger logger) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversation(activity);
        activity.ReplyToId ??= Activity.Id;

        var conversationId = Activity.Conversation!.Id!;
        return Paced(ct => string.IsNullOrEmpty(activity.ReplyToId)
            ? connector.SendToConversationAsync(Activity.ServiceUrl!, conversationId, activity, ct)
            : connector.ReplyToActivityAsync(Activity.ServiceUrl!, conversationId, activity.ReplyToId, activity, ct), cancellationToken);
    }

    public async Task SendTypingAsync(CancellationToken cancellationToken = default)
    {
        var typing = new Activity { Type = ActivityTypes.Typing };
        ApplyConversation(typing);
        // Typing is a hint: its failure is logged by the connector and must not end the turn.
        await Paced(ct => connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, typing, ct), cancellationToken).ConfigureAwait(false);
    }

    public Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("The activity to update needs the id the connector gave it.", nameof(activity));
        }
        ApplyConversation(activity);
        return Paced(ct => connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activity.Id, activity, ct), cancellationToken);
    }

    public ConversationReference GetConversationReference() => ConversationReferences.From(Activity);

    private Task<ConnectorResult> Paced(Func<CancellationToken, Task<ConnectorResult>> send, CancellationToken cancellationToken) =>
        PacedSend.SendAsync(pacer, logger, Activity.Conversation!.Id!, Activity.Conversation.TenantId, send, cancellationToken);

    // An answer comes from the bot (the inbound recipient) and goes to the sender, in the same conversation.
    private void ApplyConversation(Activity outbound)
    {
        outbound.Type ??= ActivityTypes.Message;
        outbound.From ??= Activity.Recipient;
        outbound.Recipient ??= Activity.From;
        outbound.Conversation ??= Activity.Conversation;
        outbound.ChannelId ??= Activity.ChannelId;
        outbound.ServiceUrl ??= Activity.ServiceUrl;
        outbound.Locale ??= Activity.Locale;
    }
}
