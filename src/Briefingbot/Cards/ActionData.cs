using System.Text.Json.Nodes;

namespace Briefingbot.Cards;

/// <summary>
/// The data of a card button (Action.Submit / Action.Execute). <c>command</c> names the handler; <c>hint</c> is what
/// the user could type instead (the Markdown fallback shows it, as text channels have no buttons).
/// </summary>
public static class ActionData
{
    public static JsonObject Command(string command, string hint, params (string Key, JsonNode? Value)[] fields)
    {
        var data = new JsonObject { ["command"] = command };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }
        data["hint"] = hint;
        return data;
    }

    /// <summary>A button that runs typed text, as if the user had sent it ("zoek drones").</summary>
    public static JsonObject TypedText(string text)
    {
        var firstWord = text.Split(' ', 2)[0];
        return new JsonObject { ["command"] = firstWord, ["text"] = text, ["hint"] = text };
    }
}
