using System.Text.Json;
using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Letters;

/// <summary>Reading a letter id from typed text or button data, and the answer for an unknown one.</summary>
public static class LetterIds
{
    /// <summary>Ids are file-name-like ("000_28c287220feeccd7", "22112-4027"); anything longer is not an id.</summary>
    public const int MaxLength = 120;

    public static string? FromContext(CommandContext context)
    {
        if (context.SubmitData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return Clean(id.GetString());
        }
        return Clean(context.Arguments);
    }

    private static string? Clean(string? raw)
    {
        var t = raw?.Trim().Trim('"', '\'', '‘', '’', '<', '>');
        // "22 112-4027" or "kst-22112-4027" are fine; the search resolves them. Keep it to one short token-ish value.
        return string.IsNullOrWhiteSpace(t) || t.Length > MaxLength ? null : t;
    }

    /// <param name="command">The command that needs the id ("brief", "zoals"), named in the hint (a QA pass: `zoals`
    /// alone was told to type ‘brief’).</param>
    public static CardAnswer UnknownLetter(string? id, string command = "brief") => id is null
        ? MessageCard.Create(
            "Welke brief?",
            $"Typ ‘{command}’ met het id van een brief, bijvoorbeeld ‘{command} 22112-4027’. Het id staat op elke zoekresultaatkaart.",
            MessageCard.Tone.Default,
            [("zoek drones", ActionData.TypedText("zoek drones"))])
        : MessageCard.Create(
            "Brief niet gevonden",
            $"Ik ken geen brief met id ‘{CardText.Truncate(id, 60)}’. Misschien is hij verwijderd of is het id verkeerd overgenomen. Zoek hem op met een paar woorden.",
            MessageCard.Tone.Warning,
            // Words rather than an id ("brief over drones"): offer them as a search.
            id.Any(char.IsWhiteSpace) && id.Any(char.IsLetter)
                ? [($"Zoek ‘{CardText.Truncate(id, 40)}’", ActionData.TypedText("zoek " + CardText.Truncate(id, 100))), ("help", ActionData.TypedText("help"))]
                : [("help", ActionData.TypedText("help"))]);
}
