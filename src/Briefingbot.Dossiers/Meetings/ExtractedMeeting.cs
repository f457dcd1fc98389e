namespace Briefingbot.Dossiers.Meetings;

/// <summary>Normalised meeting types.</summary>
public static class MeetingTypes
{
    public const string RbzDefensie = "RBZ Defensie";
    public const string Rbz = "RBZ";
    public const string Raz = "RAZ";
    public const string Ecofin = "Ecofin";
    public const string EuropeseRaad = "Europese Raad";
    public const string Informeel = "Informele Raad";
    public const string Gymnich = "Gymnich";
    public const string NavoTop = "NAVO-top";
    public const string NavoMinisterieel = "NAVO-ministeriële";
    public const string EpPlenair = "EP-plenaire";
    public const string Begrotingsbehandeling = "Begrotingsbehandeling";
    public const string PlenairDebat = "Plenair debat";
    public const string Commissiedebat = "Commissiedebat";
    public const string Notaoverleg = "Notaoverleg";
    public const string Wetgevingsoverleg = "Wetgevingsoverleg";
}

/// <summary>
/// One mention of a dated meeting in a letter (several mentions of the same meeting share its <see cref="Key"/>). The same meeting (type + start date) from several letters is merged by the store.
/// </summary>
/// <param name="Key">Type + start date, e.g. "RBZ Defensie|2025-12-01" (month precision: "NAVO-top|2023-07"): the identity used for merging.</param>
/// <param name="MentionText">The mention as written, e.g. "de Raad Buitenlandse Zaken Defensie van 1 december 2025".</param>
/// <param name="Start">Raw-text offset of the mention.</param>
/// <param name="End">Raw-text end offset of the mention.</param>
/// <param name="IsAfterLetter">Whether the meeting lies after the letter's date (prepared by it) or before (reported on); null if the letter has no date.</param>
public sealed record ExtractedMeeting(
    string Key,
    string Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Location,
    string LetterId,
    string MentionText,
    int Start,
    int End,
    bool? IsAfterLetter,
    double Confidence)
{
    /// <summary>What sort of meeting; by default the kind of <see cref="Type"/>.</summary>
    public MeetingKind Kind { get; init; } = MeetingKinds.FromType(Type);

    /// <summary>How precisely the text dates it: a month-precise meeting runs from the first to the last day of its month.</summary>
    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    /// <summary>Where inferred dates come from (<see cref="NatoSummits.Source"/>); null when the text gives them.</summary>
    public string? DateSource { get; init; }

    /// <summary>The meeting's name as written ("Raad buitenlandse zaken Defensie", "Coalitie-vergadering"); null = the mention.</summary>
    public string? Name { get; init; }

    /// <summary>The register key: "Type|yyyy-MM-dd", or "Type|yyyy-MM" for a month-precise meeting.</summary>
    public static string KeyOf(string type, DateOnly start, DatePrecision precision) =>
        precision == DatePrecision.Month
            ? $"{type}|{start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{type}|{start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}
