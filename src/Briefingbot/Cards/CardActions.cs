using System.Text.Json.Nodes;

namespace Briefingbot.Cards;

/// <summary>
/// Card buttons per channel. Teams runs Action.Execute (Universal Actions: the reply can replace the card); Web Chat,
/// Direct Line clients and the Bot Framework Emulator render it but do not send it (BotFramework-WebChat#3844), so
/// outside Teams the same buttons are Action.Submit: the button's data arrives as the message value, and its
/// <c>command</c> names the handler either way (<see cref="ActionData"/>).
/// </summary>
public static class CardActions
{
    /// <summary>Whether the channel sends Action.Execute to the bot: Teams (and the Agents Playground, which is Teams).</summary>
    public static bool RunsUniversalActions(string? channelId) =>
        channelId is null || string.Equals(channelId, "msteams", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns every Action.Execute of <paramref name="card"/> into an Action.Submit with the same title and data.</summary>
    public static void WithoutUniversalActions(JsonNode? card)
    {
        switch (card)
        {
            case JsonObject o:
                if (o["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Action.Execute")
                {
                    o["type"] = "Action.Submit";
                    if (o["verb"] is JsonValue verb && verb.TryGetValue<string>(out var command) && o["data"] is JsonObject data && data["command"] is null)
                    {
                        data["command"] = command; // the verb named the handler
                    }
                    o.Remove("verb");
                }
                foreach (var (_, child) in o.ToList())
                {
                    WithoutUniversalActions(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    WithoutUniversalActions(child);
                }
                break;
        }
    }
}
