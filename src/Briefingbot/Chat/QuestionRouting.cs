using System.Text.RegularExpressions;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat;

/// <summary>
/// Natural questions and small talk, recognised before free text becomes a keyword search (issue 14 item 6):
/// "wanneer is de volgende Raad Buitenlandse Zaken?" goes to the meetings register, "wat heeft de minister
/// toegezegd over drones?" to the promises about drones, a greeting or thanks to a short reply. A question that
/// looks like it is about meetings without saying when or which is still searched, with "Bedoelde je
/// `vergaderingen`?".
/// </summary>
public static partial class QuestionRouting
{
    /// <summary>A route for <paramref name="text"/>: (command word, arguments, suggestion), or null for a plain search.</summary>
    public static (string? Command, string Arguments, string? Suggestion)? Route(string text)
    {
        var folded = CommandText.Fold(text).Trim();
        if (Greeting().IsMatch(folded) || Thanks().IsMatch(folded))
        {
            return ("groet", folded, null);
        }
        if (PromiseQuestion().IsMatch(folded))
        {
            var subject = About().Match(folded) is { Success: true } m ? m.Groups[1].Value.Trim() : "";
            return ("toezeggingen", subject, null);
        }
        if (MeetingQuestion().IsMatch(folded))
        {
            return ("vergaderingen", "", null);
        }
        if (folded.EndsWith('?') && MeetingWords().IsMatch(folded))
        {
            return (null, text, "vergaderingen");
        }
        return null;
    }

    public static bool IsThanks(string text) => Thanks().IsMatch(CommandText.Fold(text).Trim());

    [GeneratedRegex(@"^(?:hallo|hoi|hey|hi|hee|dag|goedemorgen|goedemiddag|goedenavond|goedendag|hello|yo)(?:\s+(?:bot|briefingbot|daar|allemaal))?\s*[!.,?]*$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:(?:heel\s+)?(?:erg\s+)?bedankt|dank\s*je(?:\s*wel)?|dank\s*u(?:\s*wel)?|dankjewel|dankuwel|thanks|thank\s+you|thx|top|super|prima|fijn)(?:\s+(?:hoor|voor\s+de\s+hulp|!))?\s*[!.,]*$")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(?:toegezegd|toezegging(?:en)?|beloofd|belooft|beloften?|zegt\s+toe|zeggen\s+toe)\b")]
    private static partial Regex PromiseQuestion();

    [GeneratedRegex(@"\bover\s+(.+?)\s*[?!.]*$")]
    private static partial Regex About();

    [GeneratedRegex(@"^(?:wanneer|welke\s+(?:vergadering|raad|raden|top)|hoe\s+laat)\b.*\b(?:raad|raden|rbz|raz|ecofin|europese\s+raad|top|navo|vergadering|gymnich)")]
    private static partial Regex MeetingQuestion();

    [GeneratedRegex(@"\b(?:volgende|komende)\b.*\b(?:raad|rbz|raz|ecofin|top|vergadering)\b")]
    private static partial Regex MeetingWords();
}
