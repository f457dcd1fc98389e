using System.Text.Json;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Chat;

/// <summary>
/// The turn context for an Action.Execute (<c>adaptiveCard/action</c>) invoke. Handlers reply as usual; the first
/// reply becomes the synchronous invoke response instead (a card replaces the card the button was on, text is
/// shown as a message), as the Universal Actions model asks. Later replies go to the conversation. Typing is
/// skipped: the answer is in the HTTP response, there is nothing to wait for in the chat.
/// </summary>
internal sealed class InvokeReplyTurnContext(ITurnContext inner) : ITurnContext
{
    public const string CardResponseType = "application/vnd.microsoft.card.adaptive";
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";

    public Activity Activity => inner.Activity;

    public InvokeResponse? InvokeResponse
    {
        get => inner.InvokeResponse;
        set => inner.InvokeResponse = value;
    }

    public bool Answered { get; private set; }

    public Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (Answered || activity.Type is not (null or ActivityTypes.Message))
        {
            return inner.SendActivityAsync(activity, cancellationToken);
        }
        Answered = true;
        var card = activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content;
        inner.InvokeResponse = card is { } content
            ? Response(CardResponseType, content)
            : Response(MessageResponseType, JsonSerializer.SerializeToElement(activity.Text ?? ""));
        return Task.FromResult(new ConnectorResult(ConnectorOutcome.Ok));
    }

    public Task SendTypingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        inner.UpdateActivityAsync(activity, cancellationToken);

    public ConversationReference GetConversationReference() => inner.GetConversationReference();

    /// <summary>The body Teams expects for adaptiveCard/action: <c>{statusCode, type, value}</c>.</summary>
    public static InvokeResponse Response(string type, JsonElement value) => new()
    {
        Status = 200,
        Body = new AdaptiveCardInvokeResponse(200, type, value),
    };
}

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response.</summary>
public sealed record AdaptiveCardInvokeResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("statusCode")] int StatusCode,
    [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("value")] JsonElement Value);
