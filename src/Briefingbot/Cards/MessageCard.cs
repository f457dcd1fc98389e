using Briefingbot.Dossiers.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Cards;

/// <summary>Builds the data of the <c>message</c> card: errors, empty results and notices, with suggestion buttons.</summary>
public static class MessageCard
{
    /// <summary>
    /// Title colours of the template (Adaptive Card text colours). A warning is written in the default colour: Teams'
    /// light theme draws "Warning" yellow on white (contrast about 1.5:1, a visual review), unreadable as text.
    /// </summary>
    public enum Tone { Default, Warning, Attention }

    /// <param name="title">Plain text (escaped here).</param>
    /// <param name="text">Plain text (escaped here).</param>
    /// <param name="suggestions">Button labels (plain) with their action data.</param>
    public static CardAnswer Create(string title, string text, Tone tone = Tone.Default, IEnumerable<(string Label, JsonObject Data)>? suggestions = null, string suggestionsIntro = "Probeer:")
    {
        var buttons = new JsonArray();
        foreach (var (label, data) in (suggestions ?? []).Take(5))
        {
            buttons.Add(new JsonObject { ["title"] = CardText.Truncate(label, 60), ["data"] = data });
        }
        var cardData = new JsonObject
        {
            ["title"] = TeamsMarkdown.Escape(CardText.Truncate(title, 200)),
            ["color"] = tone == Tone.Attention ? "Attention" : "Default",
            ["text"] = TeamsMarkdown.Escape(CardText.Truncate(text, 1500)),
            ["hasSuggestions"] = buttons.Count > 0,
            ["suggestionsIntro"] = suggestionsIntro,
            ["suggestions"] = buttons,
        };
        return new CardAnswer(CardNames.Message, cardData, title + " " + text);
    }
}
