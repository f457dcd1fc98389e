using System.Text.Json;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// What the bot answered: a message it posted through the Playground's connector, or the synchronous answer to an
/// Action.Execute invoke (a replacement card or a text).
/// </summary>
public sealed record BotAnswer(JsonElement? Card, string? Text, PlaygroundMessage? Message)
{
    public static BotAnswer From(PlaygroundMessage message) => new(message.Card, message.Text, message);

    public string VisibleText => string.Join('\n', new[] { Text ?? "" }.Concat(Card is { } card ? CardText.Of(card) : []));

    public string CardJson => Card is { } card ? card.GetRawText() : "";

    /// <summary>The card's actions, by title (e.g. "Meer resultaten", "Toon brief").</summary>
    public IReadOnlyList<(string Type, string Title, JsonElement Action)> Actions => Card is { } card ? CardText.Actions(card) : [];

    public override string ToString() => VisibleText;
}
