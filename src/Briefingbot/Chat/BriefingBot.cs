using System.Text.Json;
using Briefingbot.Cards;
using Briefingbot.Chat.MessageExtension;
using Briefingbot.Chat.Welcome;
using Briefingbot.Dossiers.Diagnostics;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.People;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat;

/// <summary>
/// The bot's turn logic. Typed text goes through the <see cref="CommandRouter"/>; button presses arrive as
/// Action.Submit (a message with a value and no text) or Action.Execute (invoke <c>adaptiveCard/action</c>,
/// answered in the HTTP response); the message extension's search is an invoke as well; install events get a
/// welcome. The turn-error policy lives here: whatever fails, the user gets a polite Dutch answer, never a
/// stack trace, and an invoke still gets a well-formed response.
/// </summary>
public sealed class BriefingBot(
    CommandRouter router,
    ChatResponder responder,
    WelcomeGreeter greeter,
    MessageExtensionSearch messageExtension,
    UserNames userNames,
    ChannelTeams channelTeams,
    IOptions<ChatOptions> options,
    ILogger<BriefingBot> logger,
    IEnumerable<IBotRemovedHandler> removedHandlers) : IBot
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        using var span = Telemetry.StartTurn(activity.Type);
        bool supportsCards = !options.Value.IsTextOnly(activity.ChannelId);
        try
        {
            if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
            {
                // Admin views show people by the name their activities carry, not by their Entra object id.
                await userNames.RememberAsync(activity.From, cancellationToken).ConfigureAwait(false);
                // A channel's subscription learns its team, so removing the bot from the team reaches it.
                await channelTeams.RememberAsync(activity, cancellationToken).ConfigureAwait(false);
            }
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await OnMessageAsync(turnContext, supportsCards, cancellationToken).ConfigureAwait(false);
                    break;
                case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                    await OnExecuteAsync(turnContext, supportsCards, cancellationToken).ConfigureAwait(false);
                    break;
                case ActivityTypes.Invoke when activity.Name == MessageExtensionSearch.InvokeName:
                    turnContext.InvokeResponse = await messageExtension.QueryAsync(activity.Value, cancellationToken).ConfigureAwait(false);
                    break;
                case ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate when WelcomeGreeter.IsBotRemoved(activity):
                    await OnBotRemovedAsync(turnContext, cancellationToken).ConfigureAwait(false);
                    break;
                case ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate:
                    await greeter.GreetIfAddedAsync(turnContext, supportsCards, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    // Typing, reactions, events, unknown invokes: nothing to say (the protocol layer answers 200/501).
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(ex, activity.Type, activity.Conversation?.Id);
            await ApologiseAsync(turnContext, supportsCards, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The bot was removed: nothing can be sent any more, but what depends on being there stops at once (the
    /// subscription; see <see cref="IBotRemovedHandler"/>), and adding the bot again greets again.
    /// </summary>
    private async Task OnBotRemovedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await greeter.ForgetAsync(turn.Activity, cancellationToken).ConfigureAwait(false);
        var context = new CommandContext(turn, "removed", "", null);
        foreach (var handler in removedHandlers)
        {
            await handler.BotRemovedAsync(context, cancellationToken).ConfigureAwait(false);
        }
        logger.BotRemoved(turn.Activity.Conversation?.Id);
    }

    private async Task OnMessageAsync(ITurnContext turn, bool supportsCards, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            // Action.Submit: the button's data (merged with any inputs) arrives as the message value.
            await RunActionAsync(turn, value, verb: null, supportsCards, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Attachments is { Count: > 0 })
        {
            await responder.SendAsync(new CommandContext(turn, "", "", null) { SupportsCards = supportsCards }, MessageCard.Create(
                "Alleen tekst, graag",
                "Ik lees geen bijlagen of afbeeldingen. Typ een paar woorden om te zoeken, of ‘help’."), cancellationToken).ConfigureAwait(false);
            return;
        }
        await RunTextAsync(turn, activity.Text, supportsCards, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnExecuteAsync(ITurnContext turn, bool supportsCards, CancellationToken cancellationToken)
    {
        var invokeTurn = new InvokeReplyTurnContext(turn);
        // value = { action: { type: "Action.Execute", verb, data } }
        string? verb = null;
        JsonElement data = default;
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String)
            {
                verb = v.GetString();
            }
            if (action.TryGetProperty("data", out var d))
            {
                data = d;
            }
        }
        await RunActionAsync(invokeTurn, data, verb, supportsCards, cancellationToken).ConfigureAwait(false);
        if (!invokeTurn.Answered)
        {
            // A handler that answered nothing still owes Teams a response, or the user sees an error on the card.
            await responder.SendAsync(new CommandContext(invokeTurn, "", "", null) { SupportsCards = supportsCards },
                MessageCard.Create("Klaar", "Je opdracht is uitgevoerd."), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A button press: data.command (or the Execute verb) names the handler; data.text runs as typed text.</summary>
    private async Task RunActionAsync(ITurnContext turn, JsonElement data, string? verb, bool supportsCards, CancellationToken cancellationToken)
    {
        string? command = null;
        if (data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString()))
            {
                await RunTextAsync(turn, text.GetString(), supportsCards, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (data.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String)
            {
                command = c.GetString();
            }
        }
        command ??= verb;

        var handler = router.Find(command);
        if (handler is null)
        {
            logger.UnknownActionData(turn.Activity.Conversation?.Id);
            await responder.SendAsync(new CommandContext(turn, "", "", null) { SupportsCards = supportsCards }, MessageCard.Create(
                "Deze knop werkt niet meer",
                "Ik weet niet wat deze knop moet doen; misschien is de kaart verouderd. Typ een paar woorden om te zoeken, of ‘help’.",
                MessageCard.Tone.Warning,
                [("help", ActionData.TypedText("help"))]), cancellationToken).ConfigureAwait(false);
            return;
        }
        var context = new CommandContext(turn, CommandText.Fold(command!), "", data.ValueKind == JsonValueKind.Object ? data.Clone() : null)
        {
            SupportsCards = supportsCards,
        };
        logger.CommandRouted(context.Command, turn.Activity.Conversation?.Id);
        await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTextAsync(ITurnContext turn, string? text, bool supportsCards, CancellationToken cancellationToken)
    {
        var route = router.Route(text, turn.Activity.Recipient?.Name);
        var context = new CommandContext(turn, route.Command, route.Arguments, null)
        {
            SupportsCards = supportsCards,
            Suggestion = route.Suggestion,
            SuggestionIsNearMiss = route.NearMiss,
        };
        if (route.Handler is null)
        {
            await responder.SendAsync(context, MessageCard.Create("Dat begrijp ik niet", "Typ ‘help’ voor wat ik kan."), cancellationToken).ConfigureAwait(false);
            return;
        }
        logger.CommandRouted(route.Command, turn.Activity.Conversation?.Id);
        await route.Handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApologiseAsync(ITurnContext turn, bool supportsCards, CancellationToken cancellationToken)
    {
        var apology = MessageCard.Create(
            "Er ging iets mis",
            "Sorry, ik kon dit nu niet afhandelen. Probeer het zo nog eens; blijft het misgaan, meld het dan bij de beheerder.",
            MessageCard.Tone.Attention);
        try
        {
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                var activity = responder.BuildActivity(apology, supportsCards, turn.Activity.ChannelId);
                turn.InvokeResponse = turn.Activity.Name == MessageExtensionSearch.InvokeName
                    ? new InvokeResponse { Status = 200, Body = new MessagingExtensionResponse(new MessagingExtensionResult("message", null, null, "Sorry, het zoeken lukte nu niet. Probeer het zo nog eens.")) }
                    : activity.Attachments is { Count: > 0 } a && a[0].Content is { } card
                        ? InvokeReplyTurnContext.Response(InvokeReplyTurnContext.CardResponseType, card)
                        : InvokeReplyTurnContext.Response(InvokeReplyTurnContext.MessageResponseType, JsonSerializer.SerializeToElement(activity.Text ?? ""));
            }
            else if (turn.Activity.Type == ActivityTypes.Message)
            {
                await turn.SendActivityAsync(responder.BuildActivity(apology, supportsCards, turn.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The apology itself failed (connector down): nothing more to do for this turn; it is logged.
            logger.TurnFailed(ex, turn.Activity.Type, turn.Activity.Conversation?.Id);
        }
    }
}
