using Briefingbot.Protocol.Connector;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Turns;

/// <summary>
/// One inbound activity and the means to answer it in the same conversation. Answers go through the
/// <see cref="ConversationOutbox"/>: at once when an outbound slot is free, else queued, so the inbound request never
/// waits for one. When the request's token did not name its serviceUrl (<paramref name="repliesOnlyToTrustedServiceUrls"/>),
/// nothing is sent to a serviceUrl outside the trusted hosts.
/// </summary>
internal sealed class TurnContext(
    Activity activity,
    IConnectorClient connector,
    ConversationOutbox outbox,
    TrustedServiceUrls trustedServiceUrls,
    bool repliesOnlyToTrustedServiceUrls,
    ILogger logger) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversation(activity);
        activity.ReplyToId ??= Activity.Id;

        var conversationId = Activity.Conversation!.Id!;
        return Queued(ct => string.IsNullOrEmpty(activity.ReplyToId)
            ? connector.SendToConversationAsync(Activity.ServiceUrl!, conversationId, activity, ct)
            : connector.ReplyToActivityAsync(Activity.ServiceUrl!, conversationId, activity.ReplyToId, activity, ct), cancellationToken);
    }

    public async Task SendTypingAsync(CancellationToken cancellationToken = default)
    {
        var typing = new Activity { Type = ActivityTypes.Typing };
        ApplyConversation(typing);
        // Typing is a hint: its failure is logged by the connector and must not end the turn.
        await Queued(ct => connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, typing, ct), cancellationToken, optional: true).ConfigureAwait(false);
    }

    public Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("The activity to update needs the id the connector gave it.", nameof(activity));
        }
        ApplyConversation(activity);
        return Queued(ct => connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activity.Id, activity, ct), cancellationToken);
    }

    public ConversationReference GetConversationReference() => ConversationReferences.From(Activity);

    /// <summary>Whether answers of this turn may go to its serviceUrl at all.</summary>
    public bool MaySendToServiceUrl =>
        !repliesOnlyToTrustedServiceUrls
        || Uri.TryCreate(Activity.ServiceUrl, UriKind.Absolute, out var uri) && trustedServiceUrls.IsTrusted(uri);

    private Task<ConnectorResult> Queued(Func<CancellationToken, Task<ConnectorResult>> send, CancellationToken cancellationToken, bool optional = false)
    {
        if (!MaySendToServiceUrl)
        {
            Log.UntrustedReplyWithheld(logger, Uri.TryCreate(Activity.ServiceUrl, UriKind.Absolute, out var uri) ? uri.Host : "(invalid)");
            return Task.FromResult(new ConnectorResult(ConnectorOutcome.Failed, Error: "The serviceUrl is not trusted for this request.", Attempts: 0));
        }
        return outbox.SendAsync(Activity.Conversation!.Id!, Activity.Conversation.TenantId, send, optional, cancellationToken);
    }

    // An answer comes from the bot (the inbound recipient) and goes to the sender, in the same conversation.
    /// <summary>Fills from/recipient/conversation of an answer sent outside <see cref="SendActivityAsync"/>.</summary>
    public void PrepareReply(Activity outbound) => ApplyConversation(outbound);

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
