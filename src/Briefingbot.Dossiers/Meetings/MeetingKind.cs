namespace Briefingbot.Dossiers.Meetings;

/// <summary>What sort of meeting it is: the Council of the EU, a summit, a debate of the Tweede Kamer, ...</summary>
public enum MeetingKind
{
    /// <summary>A configuration of the Council of the EU: RBZ, RBZ Defensie, RAZ, Ecofin.</summary>
    EuCouncil,
    /// <summary>The European Council (heads of government), also the Versailles Top and other EU summits.</summary>
    EuropeanCouncil,
    /// <summary>Informal Councils: Gymnich, an informal RBZ Defensie.</summary>
    InformalCouncil,
    NatoSummit,
    /// <summary>NATO ministerials (defence ministers, DMM; foreign ministers).</summary>
    NatoMinisterial,
    /// <summary>A plenary sitting of the European Parliament.</summary>
    EpPlenary,
    /// <summary>A plenary debate of the Tweede Kamer (begrotingsbehandeling, tweeminutendebat, plenair debat).</summary>
    TkPlenaryDebate,
    /// <summary>A committee debate of the Tweede Kamer (commissiedebat, notaoverleg, wetgevingsoverleg).</summary>
    TkCommitteeDebate,
    /// <summary>Any other international meeting with a date: a coalition, a capability-area meeting, a conference.</summary>
    International,
}

/// <summary>How precisely the text dates a meeting.</summary>
public enum DatePrecision
{
    /// <summary>The text gives the day (or days).</summary>
    Day,
    /// <summary>The text gives only month and year ("juli 2023"): start = first, end = last day of that month.</summary>
    Month,
    /// <summary>The text gives no day; the dates are derived (from the table of known NATO summits).</summary>
    Inferred,
}

/// <summary>Stable ids (JSON, store, labels) and Dutch names of <see cref="MeetingKind"/> and <see cref="DatePrecision"/>.</summary>
public static class MeetingKinds
{
    public static string Id(MeetingKind kind) => kind switch
    {
        MeetingKind.EuCouncil => "eu-council",
        MeetingKind.EuropeanCouncil => "european-council",
        MeetingKind.InformalCouncil => "informal-council",
        MeetingKind.NatoSummit => "nato-summit",
        MeetingKind.NatoMinisterial => "nato-ministerial",
        MeetingKind.EpPlenary => "ep-plenary",
        MeetingKind.TkPlenaryDebate => "tk-plenary",
        MeetingKind.TkCommitteeDebate => "tk-committee",
        _ => "international",
    };

    public static string Id(DatePrecision precision) => precision switch
    {
        DatePrecision.Month => "month",
        DatePrecision.Inferred => "inferred",
        _ => "day",
    };

    /// <summary>Reads an id, the enum name or a common alias ("NAVO-top", "commissiedebat"); null if unknown.</summary>
    public static MeetingKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        foreach (var kind in Enum.GetValues<MeetingKind>())
        {
            if (t == Id(kind) || t == kind.ToString().ToLowerInvariant())
            {
                return kind;
            }
        }
        return t switch
        {
            "nato-summit" or "navo-top" or "summit" => MeetingKind.NatoSummit,
            "tk-plenary-debate" or "plenary-debate" or "plenair-debat" or "begrotingsbehandeling" => MeetingKind.TkPlenaryDebate,
            "tk-committee-debate" or "committee-debate" or "commissiedebat" or "notaoverleg" => MeetingKind.TkCommitteeDebate,
            "other" or "other-international" or "international-meeting" => MeetingKind.International,
            "council" or "eu-council-configuration" => MeetingKind.EuCouncil,
            "informal" or "gymnich" => MeetingKind.InformalCouncil,
            _ => FromType(text) is var k && k != MeetingKind.International ? k : null,
        };
    }

    public static DatePrecision? ParsePrecision(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "day" or "dag" => DatePrecision.Day,
        "month" or "maand" => DatePrecision.Month,
        "inferred" or "afgeleid" => DatePrecision.Inferred,
        _ => null,
    };

    /// <summary>The kind of a normalised meeting type (<see cref="MeetingTypes"/>); anything else is international.</summary>
    public static MeetingKind FromType(string type) => type switch
    {
        MeetingTypes.RbzDefensie or MeetingTypes.Rbz or MeetingTypes.Raz or MeetingTypes.Ecofin => MeetingKind.EuCouncil,
        MeetingTypes.EuropeseRaad => MeetingKind.EuropeanCouncil,
        MeetingTypes.Informeel or MeetingTypes.Gymnich => MeetingKind.InformalCouncil,
        MeetingTypes.NavoTop => MeetingKind.NatoSummit,
        MeetingTypes.NavoMinisterieel => MeetingKind.NatoMinisterial,
        MeetingTypes.EpPlenair => MeetingKind.EpPlenary,
        MeetingTypes.Begrotingsbehandeling or MeetingTypes.PlenairDebat => MeetingKind.TkPlenaryDebate,
        MeetingTypes.Commissiedebat or MeetingTypes.Notaoverleg or MeetingTypes.Wetgevingsoverleg => MeetingKind.TkCommitteeDebate,
        _ => MeetingKind.International,
    };

    /// <summary>Dutch name of the kind, for cards and the calendar.</summary>
    public static string DutchName(MeetingKind kind) => kind switch
    {
        MeetingKind.EuCouncil => "Raad van de EU",
        MeetingKind.EuropeanCouncil => "Europese Raad",
        MeetingKind.InformalCouncil => "Informele Raad",
        MeetingKind.NatoSummit => "NAVO-top",
        MeetingKind.NatoMinisterial => "NAVO-ministeriële",
        MeetingKind.EpPlenary => "Europees Parlement",
        MeetingKind.TkPlenaryDebate => "Plenair debat Tweede Kamer",
        MeetingKind.TkCommitteeDebate => "Commissiedebat Tweede Kamer",
        _ => "Internationale bijeenkomst",
    };
}
