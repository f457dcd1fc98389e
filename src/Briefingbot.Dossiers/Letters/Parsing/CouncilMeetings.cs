using Briefingbot.Dossiers.Text;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>A Council or summit meeting a letter's title names, with the dossier its papers are filed under.</summary>
/// <param name="Name">Short name as Dutch readers use it ("RBZ Defensie").</param>
/// <param name="Date">The meeting's date.</param>
/// <param name="Dossier">The standard dossier for that meeting's papers ("21 501-28"), or null.</param>
internal sealed record CouncilMeeting(string Name, DateOnly Date, string? Dossier)
{
    /// <summary>The dossier's page on officielebekendmakingen.nl (an overview of the dossier, not one document), or null.</summary>
    public string? DossierUrl => Dossier is null ? null : "https://zoek.officielebekendmakingen.nl/dossier/" + Dossier.Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// Reads the meeting from a title such as "Geannoteerde agenda Raad Buitenlandse Zaken (Defensie) van 1 december 2025".
/// Only the standard dossiers of the EU Council formations and NATO are known: 21 501-28 (Defensieraad, RBZ Defensie),
/// 21 501-02 (RAZ, RBZ), 21 501-07 (Ecofin), 21 501-20 (Europese Raad), 28 676 (NAVO). Anything else stays unknown.
/// </summary>
internal static partial class CouncilMeetings
{
    public static CouncilMeeting? FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var m = Meeting().Match(title);
        if (!m.Success || DutchDates.ParseDayMonthYear(m.Groups["date"].Value) is not { } date)
        {
            return null;
        }
        var body = m.Groups["body"].Value.ToLowerInvariant();
        var defence = m.Groups["defence"].Success;
        return body switch
        {
            _ when body.StartsWith("raad buitenlandse zaken", StringComparison.Ordinal) && defence => new CouncilMeeting("RBZ Defensie", date, "21 501-28"),
            _ when body.StartsWith("defensieraad", StringComparison.Ordinal) => new CouncilMeeting("Defensieraad", date, "21 501-28"),
            _ when body.StartsWith("raad buitenlandse zaken", StringComparison.Ordinal) => new CouncilMeeting("RBZ", date, "21 501-02"),
            _ when body.StartsWith("raad algemene zaken", StringComparison.Ordinal) => new CouncilMeeting("RAZ", date, "21 501-02"),
            _ when body.StartsWith("ecofin", StringComparison.Ordinal) => new CouncilMeeting("Ecofinraad", date, "21 501-07"),
            _ when body.StartsWith("europese raad", StringComparison.Ordinal) => new CouncilMeeting("Europese Raad", date, "21 501-20"),
            _ when body.StartsWith("navo", StringComparison.Ordinal) => new CouncilMeeting("NAVO-top", date, "28 676"),
            _ => null,
        };
    }

    [GeneratedRegex(@"(?<body>Raad\s+Buitenlandse\s+Zaken|Raad\s+Algemene\s+Zaken|Defensieraad|Ecofin(?:-?raad)?|Europese\s+Raad|NAVO-top|NAVO\s+top)(?<defence>\s*\(?\s*(?:Defensie|RBZ\s+Defensie)\s*\)?)?[^.]{0,40}?\b(?:van|d\.d\.|op)\s+(?<date>\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Meeting();
}
