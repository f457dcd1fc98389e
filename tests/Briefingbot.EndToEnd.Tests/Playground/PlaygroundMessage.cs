using System.Text.Json;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// One message event from the Playground's conversation WebSocket, the same feed its web UI renders: a message a
/// user typed or one the bot posted through the Playground's mock connector.
/// </summary>
/// <param name="Sequence">Arrival order in this test run (0, 1, 2, …).</param>
/// <param name="Action"><c>createMessage</c> or <c>updateMessage</c>.</param>
/// <param name="ConversationId">The conversation (for a channel reply: the post's thread conversation).</param>
public sealed record PlaygroundMessage(
    int Sequence,
    string Action,
    string ConversationId,
    string? PostConversationId,
    string MessageId,
    string FromId,
    string? Text,
    IReadOnlyList<JsonElement> Attachments)
{
    public bool IsFromBot => FromId == PlaygroundIdentities.BotId;

    /// <summary>The first Adaptive Card attachment's content, if any.</summary>
    public JsonElement? Card => Attachments
        .Where(a => a.TryGetProperty("contentType", out var t) && t.GetString() == "application/vnd.microsoft.card.adaptive")
        .Select(a => (JsonElement?)a.GetProperty("content"))
        .FirstOrDefault();

    /// <summary>Everything a reader sees: the message text and all the card's text, one piece per line.</summary>
    public string VisibleText => string.Join('\n', new[] { Text ?? "" }.Concat(Card is { } card ? CardText.Of(card) : []));

    public override string ToString() => $"#{Sequence} {Action} in {ConversationId} from {FromId}: {Shorten(VisibleText)}";

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + "…";
}
