using System.Diagnostics.CodeAnalysis;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// The meeting types (Councils, summits and the Tweede Kamer's debates) as people write them (Dutch and English names, abbreviations) mapped to the normalised types of
/// <see cref="MeetingTypes"/>, and the Dutch names shown to users.
/// </summary>
public static class MeetingTypeNames
{
    private static readonly (string Alias, string Type)[] Aliases = new (string, string)[]
    {
        ("raad buitenlandse zaken defensie", MeetingTypes.RbzDefensie),
        ("raad buitenlandse zaken (defensie)", MeetingTypes.RbzDefensie),
        ("raad buitenlandse zaken met defensieministers", MeetingTypes.RbzDefensie),
        ("rbz defensie", MeetingTypes.RbzDefensie),
        ("rbz-defensie", MeetingTypes.RbzDefensie),
        ("rbz (defensie)", MeetingTypes.RbzDefensie),
        ("defensieraad", MeetingTypes.RbzDefensie),
        ("foreign affairs council (defence)", MeetingTypes.RbzDefensie),
        ("foreign affairs council defence", MeetingTypes.RbzDefensie),
        ("fac defence", MeetingTypes.RbzDefensie),
        ("raad buitenlandse zaken", MeetingTypes.Rbz),
        ("rbz", MeetingTypes.Rbz),
        ("foreign affairs council", MeetingTypes.Rbz),
        ("raad algemene zaken", MeetingTypes.Raz),
        ("raz", MeetingTypes.Raz),
        ("general affairs council", MeetingTypes.Raz),
        ("ecofinraad", MeetingTypes.Ecofin),
        ("ecofin-raad", MeetingTypes.Ecofin),
        ("ecofin", MeetingTypes.Ecofin),
        ("economic and financial affairs council", MeetingTypes.Ecofin),
        ("europese raad", MeetingTypes.EuropeseRaad),
        ("european council", MeetingTypes.EuropeseRaad),
        ("er", MeetingTypes.EuropeseRaad),
        ("informele raad", MeetingTypes.Informeel),
        ("informal meeting", MeetingTypes.Informeel),
        ("gymnich", MeetingTypes.Gymnich),
        ("navo-top", MeetingTypes.NavoTop),
        ("navo top", MeetingTypes.NavoTop),
        ("nato summit", MeetingTypes.NavoTop),
        ("navo-ministeriële", MeetingTypes.NavoMinisterieel),
        ("navo ministeriële", MeetingTypes.NavoMinisterieel),
        ("navo-defensieministeriële", MeetingTypes.NavoMinisterieel),
        ("dmm", MeetingTypes.NavoMinisterieel),
        ("ep-plenaire", MeetingTypes.EpPlenair),
        ("ep plenaire", MeetingTypes.EpPlenair),
        ("plenaire vergadering europees parlement", MeetingTypes.EpPlenair),
        ("begrotingsbehandeling", MeetingTypes.Begrotingsbehandeling),
        ("plenair debat", MeetingTypes.PlenairDebat),
        ("commissiedebat", MeetingTypes.Commissiedebat),
        ("notaoverleg", MeetingTypes.Notaoverleg),
        ("wetgevingsoverleg", MeetingTypes.Wetgevingsoverleg),
    }.OrderByDescending(a => a.Item1.Length).ToArray();

    public static IReadOnlyList<string> Known { get; } =
    [
        MeetingTypes.RbzDefensie, MeetingTypes.Rbz, MeetingTypes.Raz, MeetingTypes.Ecofin, MeetingTypes.EuropeseRaad,
        MeetingTypes.Informeel, MeetingTypes.Gymnich, MeetingTypes.NavoTop, MeetingTypes.NavoMinisterieel, MeetingTypes.EpPlenair,
        MeetingTypes.Begrotingsbehandeling, MeetingTypes.PlenairDebat, MeetingTypes.Commissiedebat, MeetingTypes.Notaoverleg,
        MeetingTypes.Wetgevingsoverleg,
    ];

    /// <summary>The abbreviation users know with the full name, e.g. "RBZ Defensie (Raad Buitenlandse Zaken, Defensie)"; unknown types as they are.</summary>
    public static string DisplayName(string type) => type switch
    {
        MeetingTypes.RbzDefensie => "RBZ Defensie (Raad Buitenlandse Zaken, Defensie)",
        MeetingTypes.Rbz => "RBZ (Raad Buitenlandse Zaken)",
        MeetingTypes.Raz => "RAZ (Raad Algemene Zaken)",
        MeetingTypes.Ecofin => "Ecofinraad",
        MeetingTypes.EuropeseRaad => "Europese Raad",
        MeetingTypes.Informeel => "Informele Raad",
        MeetingTypes.Gymnich => "Gymnich (informele RBZ)",
        MeetingTypes.NavoTop => "NAVO-top",
        MeetingTypes.NavoMinisterieel => "NAVO-ministeriële",
        MeetingTypes.EpPlenair => "Plenaire vergadering Europees Parlement",
        MeetingTypes.Begrotingsbehandeling => "Begrotingsbehandeling (Tweede Kamer)",
        MeetingTypes.PlenairDebat => "Plenair debat (Tweede Kamer)",
        MeetingTypes.Commissiedebat => "Commissiedebat (Tweede Kamer)",
        MeetingTypes.Notaoverleg => "Notaoverleg (Tweede Kamer)",
        MeetingTypes.Wetgevingsoverleg => "Wetgevingsoverleg (Tweede Kamer)",
        _ => type,
    };

    /// <summary>
    /// The name in a headline, without the explanation <see cref="DisplayName"/> adds: "RBZ Defensie", "Ecofinraad",
    /// "Plenaire vergadering Europees Parlement". The briefing showed the type's code ("Ecofin", "EP-plenaire") where the
    /// meetings view said "Ecofinraad" (a QA pass).
    /// </summary>
    public static string ShortName(string type)
    {
        var name = DisplayName(type);
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    /// <summary>Whole-text match ("rbz defensie", "Ecofinraad"), case-insensitive; the canonical types match themselves.</summary>
    public static bool TryNormalise(string text, [NotNullWhen(true)] out string? type)
    {
        var t = Clean(text);
        type = Known.FirstOrDefault(k => string.Equals(k, t, StringComparison.OrdinalIgnoreCase))
            ?? Aliases.FirstOrDefault(a => a.Alias == t).Type;
        return type is not null;
    }

    /// <summary>The longest type name at the start of <paramref name="text"/> (at a word boundary) and the text after it.</summary>
    public static bool TryMatchPrefix(string text, [NotNullWhen(true)] out string? type, out string rest)
    {
        var t = text.TrimStart();
        foreach (var (alias, canonical) in Aliases)
        {
            if (t.StartsWith(alias, StringComparison.OrdinalIgnoreCase) && (t.Length == alias.Length || !char.IsLetterOrDigit(t[alias.Length])))
            {
                type = canonical;
                rest = t[alias.Length..].Trim();
                return true;
            }
        }
        type = null;
        rest = text;
        return false;
    }

    /// <summary>
    /// For imported calendar entries: the type named anywhere in a summary ("Foreign Affairs Council (Defence), Brussels").
    /// Short abbreviations (ER, RBZ, …) count only as whole words.
    /// </summary>
    public static bool TryFind(string summary, [NotNullWhen(true)] out string? type)
    {
        if (TryNormalise(summary, out type) || TryMatchPrefix(summary, out type, out _))
        {
            return true;
        }
        var padded = " " + Clean(summary).Replace(',', ' ').Replace(':', ' ') + " ";
        foreach (var (alias, canonical) in Aliases)
        {
            if (padded.Contains(" " + alias + " ", StringComparison.Ordinal))
            {
                type = canonical;
                return true;
            }
        }
        type = null;
        return false;
    }

    private static string Clean(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
