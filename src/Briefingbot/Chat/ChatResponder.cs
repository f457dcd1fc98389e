using System.Text.Json;
using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Chat;

/// <summary>
/// Sends a <see cref="CardAnswer"/> into the conversation: as an Adaptive Card, or as Markdown on channels without
/// cards. Every command handler answers through this, so the text fallback and the size limit hold everywhere.
/// For Action.Execute the turn context turns the reply into the invoke response (see <see cref="InvokeReplyTurnContext"/>).
/// </summary>
public sealed class ChatResponder(CardRenderer renderer, ILogger<ChatResponder> logger)
{
    public async Task SendAsync(CommandContext context, CardAnswer answer, CancellationToken cancellationToken)
    {
        var activity = BuildActivity(answer, context.SupportsCards, context.Turn.Activity.ChannelId);
        var result = await context.Turn.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            logger.ReplyFailed(context.Turn.Activity.Conversation?.Id, result.Outcome);
        }
    }

    /// <summary>Sends a short Dutch sentence as a message card (or text), e.g. "Ik ken geen brief met id …".</summary>
    public Task SendMessageAsync(CommandContext context, string title, string text, CancellationToken cancellationToken, params (string Label, System.Text.Json.Nodes.JsonObject Data)[] suggestions) =>
        SendAsync(context, MessageCard.Create(title, text, MessageCard.Tone.Default, suggestions), cancellationToken);

    /// <summary>The reply activity for <paramref name="answer"/>: a card attachment, or Markdown text.</summary>
    /// <param name="channelId">The channel the reply goes to: outside Teams, buttons are Action.Submit
    /// (<see cref="CardActions.WithoutUniversalActions"/>).</param>
    public Activity BuildActivity(CardAnswer answer, bool supportsCards, string? channelId = null)
    {
        var card = RenderCard(answer);
        if (card is null)
        {
            return new Activity { Type = ActivityTypes.Message, Text = answer.FallbackText, TextFormat = "plain" };
        }
        if (!supportsCards)
        {
            return new Activity { Type = ActivityTypes.Message, Text = CardMarkdown.Convert(card), TextFormat = "markdown" };
        }
        CardInlineCode.Replace(card);
        if (!CardActions.RunsUniversalActions(channelId))
        {
            CardActions.WithoutUniversalActions(card);
        }
        return new Activity
        {
            Type = ActivityTypes.Message,
            // The notification and chat-list preview; without it Teams shows a generic "card" label (a QA pass).
            Summary = ReplySender.FirstLine(answer.FallbackText),
            Attachments =
            [
                new Attachment
                {
                    ContentType = Attachment.AdaptiveCardContentType,
                    Content = JsonSerializer.SerializeToElement(card),
                },
            ],
        };
    }

    /// <summary>Renders the card; null if the template is broken (logged). Over-size cards become a short notice.</summary>
    public System.Text.Json.Nodes.JsonObject? RenderCard(CardAnswer answer)
    {
        try
        {
            var card = renderer.Render(answer.Template, answer.Data);
            int size = CardRenderer.SizeOf(card);
            if (size <= renderer.MaxCardBytes)
            {
                return card;
            }
            logger.CardTooLarge(answer.Template, size);
            return renderer.Render(CardNames.Message, MessageCard.Create(
                "Dit antwoord is te groot voor één kaart",
                "Maak je zoekopdracht specifieker, bijvoorbeeld met een dossiernummer of een jaar.").Data);
        }
        catch (CardRenderException ex)
        {
            logger.CardRenderFailed(ex, answer.Template);
            return null;
        }
    }
}
