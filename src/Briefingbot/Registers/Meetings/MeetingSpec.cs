using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Text;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// The meeting an admin describes: <c>2026-12-01 RBZ Defensie [tot 2026-12-02] [locatie]</c>. Every part is optional
/// for <c>vergadering wijzigen</c>; a type the bot does not know is accepted between quotes ("Informele Defensieraad").
/// </summary>
public sealed partial record MeetingSpec(DateOnly? Start, string? Type, DateOnly? End, string? Location)
{
    public static bool TryParse(string text, out MeetingSpec spec, out string problem)
    {
        spec = new MeetingSpec(null, null, null, null);
        problem = "";
        var rest = CommandText.NormaliseQuotes(text).Trim();

        DateOnly? start = null;
        if (rest.StartsWith("datum ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[6..];
        }
        if (DutchDates.TryParseLeading(rest, out var s, out var afterDate))
        {
            start = s;
            rest = afterDate;
        }
        else if (RelativeDay().Match(rest) is { Success: true } relative)
        {
            // "morgen Ecofin" was "herken ik niet als vergadering" (a QA pass): the date is what is missing.
            problem = $"‘{relative.Value}’ is geen datum die ik vastleg; schrijf de datum zelf, bijvoorbeeld `2026-12-01` of `1 december 2026`.";
            return false;
        }
        else if (DateLike().Match(rest) is { Success: true } wrongDate)
        {
            // "2026-13-45 RBZ Defensie": a date that does not exist, not a meeting named "2026-13-45" (a QA pass).
            var value = wrongDate.Value;
            problem = DutchDates.IsOutOfRange(value) ? $"‘{value}’ valt buiten het bereik: {DutchDates.RangeHint}."
                : wrongDate.Groups["year"].Success || !wrongDate.Groups["month"].Success ? $"‘{value}’ is geen bestaande datum. Schrijf bijvoorbeeld `2026-12-01` of `1 december 2026`."
                : $"Noem bij ‘{value}’ ook het jaar.";
            return false;
        }

        string? type = null;
        if (rest.StartsWith("type ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[5..].TrimStart();
        }
        if (rest.StartsWith('"'))
        {
            var close = rest.IndexOf('"', 1);
            if (close < 2)
            {
                problem = "Het aanhalingsteken na de naam van de vergadering ontbreekt.";
                return false;
            }
            type = rest[1..close].Trim();
            rest = rest[(close + 1)..].Trim();
            if (type.Length > MaxNameLength)
            {
                // As long as a calendar's event names are kept (CalendarImporter): the name is shown on cards and in
                // the calendar feed.
                problem = $"De naam van de vergadering is te lang (hooguit {MaxNameLength} tekens).";
                return false;
            }
        }
        else if (MeetingTypeNames.TryMatchPrefix(rest, out var known, out var afterType))
        {
            type = known;
            rest = afterType;
        }

        DateOnly? end = null;
        if (rest.StartsWith("tot ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("t/m ", StringComparison.OrdinalIgnoreCase))
        {
            if (!DutchDates.TryParseLeading(rest[4..], out var e, out var afterEnd))
            {
                problem = "Na `tot` verwacht ik een datum, bijvoorbeeld `tot 2026-12-02`.";
                return false;
            }
            end = e;
            rest = afterEnd;
        }

        foreach (var prefix in new[] { "locatie ", "in ", "te " })
        {
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[prefix.Length..].Trim();
                break;
            }
        }
        if (rest.Length > 200)
        {
            problem = "De locatie is te lang (hooguit 200 tekens).";
            return false;
        }
        if (type is null && start is null && end is null && rest.Length > 0 && !text.TrimStart().StartsWith("locatie", StringComparison.OrdinalIgnoreCase)
            && !text.TrimStart().StartsWith("in ", StringComparison.OrdinalIgnoreCase))
        {
            problem = UnknownType(rest);
            return false;
        }
        spec = new MeetingSpec(start, type, end, rest.Length == 0 ? null : rest);
        return true;
    }

    /// <summary>The longest name of a meeting between quotes.</summary>
    public const int MaxNameLength = 80;

    /// <summary>A leading word written as a date (digits and separators, or a day and a month) that is not one.</summary>
    [GeneratedRegex(@"^(\d{1,4}[-/]\d{1,2}[-/]\d{1,4}|\d{1,2} (?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)( (?<year>\d{4}))?)(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    /// <summary>A leading day named relative to today ("morgen", "volgende week"): a register keeps dates.</summary>
    [GeneratedRegex(@"^(vandaag|morgen|overmorgen|gisteren|eergisteren|volgende week|deze week|(volgende |komende )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDay();

    public static string UnknownType(string text) =>
        $"‘{text}’ herken ik niet als vergadering. Bekend zijn: {string.Join(", ", MeetingTypeNames.Known)}. Een andere naam kan tussen aanhalingstekens, bijvoorbeeld `vergadering toevoegen 2026-12-01 \"Informele Defensieraad\" Kopenhagen`.";
}
