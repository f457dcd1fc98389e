using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Connector;

/// <summary>Runs a connector write once the pacer allows it; a full pacing queue becomes a throttled result.</summary>
internal static class PacedSend
{
    public static async Task<ConnectorResult> SendAsync(
        OutboundPacer pacer, ILogger logger, string conversationId, string? tenantId,
        Func<CancellationToken, Task<ConnectorResult>> send, CancellationToken cancellationToken)
    {
        var verdict = await pacer.WaitAsync(conversationId, tenantId, cancellationToken).ConfigureAwait(false);
        if (verdict != PacingVerdict.Go)
        {
            var scope = verdict == PacingVerdict.ConversationQueueFull ? "conversation" : "tenant";
            Log.PacingQueueFull(logger, scope);
            return new ConnectorResult(ConnectorOutcome.Throttled, Error: $"Too many messages waiting for this {scope}.", Attempts: 0);
        }
        return await send(cancellationToken).ConfigureAwait(false);
    }
}
