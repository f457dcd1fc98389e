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
            if (PromiseNumber().Match(folded) is { Success: true } number)
            {
                // "wat is de status van toezegging 5?": that promise, not the list (a QA pass).
                return ("toezegging", number.Groups[1].Value, null);
            }
            var subject = About().Match(folded) is { Success: true } m ? m.Groups[1].Value.Trim() : "";
            // "zijn er verlopen toezeggingen?": the overdue view, not the open one (a QA pass).
            var status = Overdue().IsMatch(folded) ? "verlopen" : "";
            return ("toezeggingen", string.Join(' ', new[] { subject, status }.Where(a => a.Length > 0)), null);
        }
        if (AdminsQuestion().IsMatch(folded))
        {
            return ("beheerders", "", null);
        }
        if (MeetingQuestion().IsMatch(folded))
        {
            return ("vergaderingen", MeetingArguments(folded), null);
        }
        if (folded.EndsWith('?') && MeetingWords().IsMatch(folded))
        {
            return (null, text, "vergaderingen");
        }
        return null;
    }

    /// <summary>
    /// What a meeting question asks for, as arguments of <c>vergaderingen</c>: a week ("deze week", "volgende week"), a
    /// number of days or weeks ahead, or the meeting it names ("wanneer is de volgende RBZ Defensie": "rbz defensie",
    /// which the command reads as that meeting's next dates; a QA pass got every meeting of the next 30 days).
    /// </summary>
    private static string MeetingArguments(string folded)
    {
        if (WeekPeriod().Match(folded) is { Success: true } week)
        {
            return week.Value;
        }
        if (DaysAhead().Match(folded) is { Success: true } ahead)
        {
            return ahead.Value;
        }
        var named = NextMeeting().Match(folded) is { Success: true } next ? next.Groups[1].Value
            : MeetingName().Match(folded) is { Success: true } name ? folded[name.Index..] : "";
        named = named.TrimEnd('?', '!', '.', ' ');
        return GenericMeeting().IsMatch(named) ? "" : named;
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

    [GeneratedRegex(@"\btoezegging\s+(?:nr\.?\s*|nummer\s+|#)?(\d{1,6})\b")]
    private static partial Regex PromiseNumber();

    [GeneratedRegex(@"\b(?:verlopen|verlopene|achterstallige?|over\s+(?:de\s+)?tijd|te\s+laat)\b")]
    private static partial Regex Overdue();

    [GeneratedRegex(@"^(?:wie\s+(?:zijn|is)\s+(?:hier\s+)?(?:de\s+)?beheerders?|welke\s+beheerders|wie\s+beheer(?:t|en))\b")]
    private static partial Regex AdminsQuestion();

    [GeneratedRegex(@"\b(?:deze|volgende)\s+week\b")]
    private static partial Regex WeekPeriod();

    [GeneratedRegex(@"\b(?:komende|volgende)\s+\d{1,3}\s+(?:dagen|weken|maanden)\b")]
    private static partial Regex DaysAhead();

    [GeneratedRegex(@"\b(?:eerstvolgende|volgende|komende)\s+(.+)$")]
    private static partial Regex NextMeeting();

    [GeneratedRegex(@"\b(?:raad(?!\s+van\s+state)|rbz|raz|ecofin|europese\s+raad|navo|gymnich|eurogroep)")]
    private static partial Regex MeetingName();

    [GeneratedRegex(@"^(?:vergadering(?:en)?|raad|raden|top|toppen)?$")]
    private static partial Regex GenericMeeting();

    [GeneratedRegex(@"^(?:(?:wanneer|hoe\s+laat)\b.*\b(?:raad(?!\s+van\s+state)|raden|rbz|raz|ecofin|europese\s+raad|top\b|navo|vergadering|vergaderingen|gymnich)|welke\s+(?:vergaderingen|vergadering|raad|raden|top|toppen)\b)")]
    private static partial Regex MeetingQuestion();

    [GeneratedRegex(@"\b(?:volgende|komende)\b.*\b(?:raad(?!\s+van\s+state)|rbz|raz|ecofin|top|vergadering)\b")]
    private static partial Regex MeetingWords();
}
