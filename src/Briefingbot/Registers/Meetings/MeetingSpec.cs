using Briefingbot.Dossiers.Text;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// The meeting an admin describes: <c>2026-12-01 RBZ Defensie [tot 2026-12-02] [locatie]</c>. Every part is optional
/// for <c>vergadering wijzigen</c>; a type the bot does not know is accepted between quotes ("Informele Defensieraad").
/// </summary>
public sealed record MeetingSpec(DateOnly? Start, string? Type, DateOnly? End, string? Location)
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

    public static string UnknownType(string text) =>
        $"\"{text}\" herken ik niet als vergadering. Bekend zijn: {string.Join(", ", MeetingTypeNames.Known)}. Een andere naam kan tussen aanhalingstekens, bijvoorbeeld `vergadering toevoegen 2026-12-01 \"Informele Defensieraad\" Kopenhagen`.";
}
