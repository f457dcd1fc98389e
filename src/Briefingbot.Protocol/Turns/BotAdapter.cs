using Briefingbot.Protocol.Connector;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Protocol.Turns;

/// <summary>
/// Runs one authenticated activity through the bot, with the turn-error policy in this one place: an exception in the
/// bot is logged with its stack trace, the user gets a short Dutch apology instead (messages), Teams gets a
/// well-formed error instead (invokes), and the channel gets 200 so it does not retry a turn that would fail again.
/// </summary>
internal sealed class BotAdapter(
    IConnectorClient connector,
    ConversationOutbox outbox,
    TrustedServiceUrls trustedServiceUrls,
    ILogger<BotAdapter> logger)
{
    /// <summary>The content type Universal Actions use for an error answer to <c>adaptiveCard/action</c>.</summary>
    public const string ErrorContentType = "application/vnd.microsoft.error";

    public async Task<TurnOutcome> ProcessAsync(
        Activity activity, IBot? bot, IConversationReferenceStore? store, CancellationToken cancellationToken, bool repliesOnlyToTrustedServiceUrls = false)
    {
        if (activity.Type == ActivityTypes.Message)
        {
            activity.Text = MentionStripper.StripBotMention(activity);
        }

        var turn = new TurnContext(activity, connector, outbox, trustedServiceUrls, repliesOnlyToTrustedServiceUrls, logger);

        // A conversation whose replies already fill its queue gets no new answers (the user is told once): the
        // request is acknowledged at once and memory stays bounded. Invokes answer in the HTTP response and still run.
        if (activity.Type == ActivityTypes.Message && outbox.IsFull(activity.Conversation!.Id!))
        {
            Log.ConversationThrottled(logger, activity.Conversation.Id!);
            if (turn.MaySendToServiceUrl)
            {
                var notice = new Activity { Type = ActivityTypes.Message, Text = TurnMessages.Throttled, TextFormat = "plain" };
                turn.PrepareReply(notice);
                outbox.TryNotifyThrottledOnce(activity.Conversation.Id!, activity.Conversation.TenantId,
                    ct => connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation.Id!, notice, ct));
            }
            return TurnOutcome.Acknowledged;
        }

        // A reference with a serviceUrl nobody vouched for would aim later proactive sends there.
        if (store is not null && turn.MaySendToServiceUrl && ConversationReferences.ShouldCapture(activity))
        {
            await SaveReferenceAsync(store, turn, cancellationToken).ConfigureAwait(false);
        }

        if (bot is null)
        {
            Log.NoBotForTurn(logger, activity.Type);
            return IsInvoke(activity) ? new TurnOutcome(501) : TurnOutcome.Acknowledged;
        }

        try
        {
            await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.TurnFailed(logger, activity.Type, activity.Id, activity.Conversation?.Id, ex);
            return await RecoverAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (IsInvoke(activity))
        {
            // An invoke nobody answered is one this bot does not implement: 501 tells Teams so.
            return turn.InvokeResponse is { } response ? new TurnOutcome(response.Status, response.Body) : new TurnOutcome(501);
        }
        return TurnOutcome.Acknowledged;
    }

    private async Task<TurnOutcome> RecoverAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (IsInvoke(turn.Activity))
        {
            // Teams shows this message in place of the card action's result; the HTTP status stays 200 so the
            // body is read at all.
            return new TurnOutcome(200, new
            {
                statusCode = 500,
                type = ErrorContentType,
                value = new { code = "InternalError", message = TurnMessages.Apology },
            });
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            try
            {
                var result = await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = TurnMessages.Apology }, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    Log.ApologyFailed(logger, turn.Activity.Conversation?.Id, null);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ApologyFailed(logger, turn.Activity.Conversation?.Id, ex);
            }
        }
        return TurnOutcome.Acknowledged;
    }

    private async Task SaveReferenceAsync(IConversationReferenceStore store, TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(turn.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn itself can still be answered; only later proactive sends are at risk, and the next message retries.
            Log.ReferenceSaveFailed(logger, turn.Activity.Conversation?.Id, ex);
        }
    }

    private static bool IsInvoke(Activity activity) => activity.Type == ActivityTypes.Invoke;
}
