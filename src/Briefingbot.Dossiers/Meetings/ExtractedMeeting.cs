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
}

/// <summary>
/// A dated meeting mentioned in a letter. The same meeting (type + start date) from several letters is merged by the store.
/// </summary>
/// <param name="Key">Type + start date, e.g. "RBZ Defensie|2025-12-01": the identity used for merging.</param>
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
    double Confidence);
