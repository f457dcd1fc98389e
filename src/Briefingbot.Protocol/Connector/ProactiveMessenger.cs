using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Connector;

/// <summary>Sends into a conversation known only by its stored reference (briefings), paced per conversation and tenant.</summary>
internal sealed class ProactiveMessenger(IConnectorClient connector, OutboundPacer pacer, ILogger<ProactiveMessenger> logger) : IProactiveMessenger
{
    public async Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);

        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            return new ConnectorResult(ConnectorOutcome.Failed, Error: "The conversation reference has no conversation id or serviceUrl.", Attempts: 0);
        }

        activity.Type ??= ActivityTypes.Message;
        activity.From ??= reference.Bot;
        activity.Conversation ??= reference.Conversation;
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Locale ??= reference.Locale;

        return await PacedSend.SendAsync(pacer, logger, conversationId, reference.Conversation?.TenantId,
            ct => connector.SendToConversationAsync(reference.ServiceUrl, conversationId, activity, ct), cancellationToken).ConfigureAwait(false);
    }
}
