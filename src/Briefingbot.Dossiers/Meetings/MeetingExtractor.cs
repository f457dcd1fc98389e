using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;

namespace Briefingbot.Dossiers.Meetings;

/// <summary>
/// Finds the scheduled or held meetings a letter names with a date, at the precision the text gives:
/// <list type="bullet">
/// <item>Councils and summits with a day: "de Raad Buitenlandse Zaken Defensie van 1 december 2025", "de Europese Raad
/// van 26–27 juni a.s.", "op 19 januari a.s. plenair in het Europees Parlement";</item>
/// <item>debates of the Tweede Kamer: "de begrotingsbehandeling van Defensie op 3 december 2020", a commissiedebat,
/// a notaoverleg (a parenthetical between month and year is skipped: "3 december (Handelingen II …) 2020");</item>
/// <item>other meetings by their noun, name first ("de Coalitie-vergadering van 25 november jl.", "de eerste bijeenkomst
/// van het PCA Drones en Counter-Drones op 15 oktober") or date first ("Op 15 oktober jl. heeft Nederland een eerste
/// bijeenkomst georganiseerd … deze PCA": "deze PCA" is resolved to the PCA named before it);</item>
/// <item>month precision: "de NAVO-top in Vilnius in juli 2023" stays "juli 2023"; NATO summits named without any date
/// ("de recente NAVO-top in Den Haag", "tijdens de NAVO-top") are dated from <see cref="NatoSummits"/>, relative to
/// the letter's date, and marked inferred.</item>
/// </list>
/// Missing years resolve against the letter date (<see cref="MeetingDateResolver"/>). A letter without a date uses the
/// meeting its opening names ("geannoteerde agenda … van 1 december 2025": the letter is written before it) as its
/// reference date, else the first full date its text states; with neither, year-less mentions are dropped. Headers
/// and footnotes are not read: only passages. Each returned item is one mention; mentions of the same meeting share a key.
/// </summary>
public sealed partial class MeetingExtractor : IMeetingExtractor
{
    private sealed record Context(Letter Letter, DateOnly? Reference, DateOnly? Bound, List<ExtractedMeeting> Result, List<(int Start, int End)> Taken);

    public IReadOnlyList<ExtractedMeeting> Extract(Letter letter)
    {
        var bound = letter.Date is null ? DateBound(letter) : null;
        var context = new Context(letter, letter.Date ?? bound ?? AnchorDate(letter), bound, [], []);
        foreach (var passage in letter.Passages)
        {
            var text = letter.RawText[passage.Start..passage.End];
            var offset = passage.Start;
            // Debates first: "het commissiedebat over de RBZ op 12 maart" is a debate, not the RBZ.
            foreach (Match m in TkDebate().Matches(text))
            {
                var (type, kind) = TkType(m.Groups["noun"].Value);
                var subject = Clean(m.Groups["subject"].Value);
                AddDay(context, m, offset, subject.Length > 0 ? $"{type} {subject}" : type, kind, m.Groups["name"].Value);
            }
            foreach (Match m in NamedMeeting().Matches(text))
            {
                if (TypeOf(m.Groups["name"].Value) is { } type)
                {
                    AddDay(context, m, offset, type, MeetingKinds.FromType(type), m.Groups["name"].Value);
                }
            }
            foreach (Match m in ParliamentPlenary().Matches(text))
            {
                AddDay(context, m, offset, MeetingTypes.EpPlenair, MeetingKind.EpPlenary, "plenair in het Europees Parlement");
            }
            foreach (Match m in NounFirst().Matches(text))
            {
                var name = Clean(m.Groups["name"].Value);
                var subject = Clean(m.Groups["subject"].Value);
                var (type, kind) = GenericType(name, subject);
                AddDay(context, m, offset, type, kind, name);
            }
            foreach (Match m in DateFirst().Matches(text))
            {
                var name = Clean(m.Groups["name"].Value);
                var subject = SubjectAfter(m.Groups["after"].Value, text[..m.Index]);
                var (type, kind) = GenericType(name, subject);
                if (!IsGenericNoun(name) && TypeOf(name) is { } council)
                {
                    (type, kind) = (council, MeetingKinds.FromType(council));
                }
                AddDay(context, m, offset, type, kind, name, end: m.Groups["name"].Index + m.Groups["name"].Length);
            }
            foreach (Match m in NamedMonth().Matches(text))
            {
                if (TypeOf(m.Groups["name"].Value) is { } type)
                {
                    AddMonth(context, m, offset, type);
                }
            }
            foreach (Match m in UndatedSummit().Matches(text))
            {
                AddUndatedSummit(context, m, offset);
            }
        }
        var result = context.Result;
        if (letter.Date is null && result.Where(m => m.IsAfterLetter == false).Select(m => (DateOnly?)m.EndDate).Max() is { } after)
        {
            // An undated letter that reports on a meeting ("jl.") is written after it: earlier meetings are past too.
            result = result.Select(m => m.IsAfterLetter is null && m.EndDate <= after ? m with { IsAfterLetter = false } : m).ToList();
        }
        return result.OrderBy(r => r.Start).ToList();
    }

    private static bool Claim(Context c, int start, int end)
    {
        if (c.Taken.Any(t => start < t.End && t.Start < end))
        {
            return false;
        }
        c.Taken.Add((start, end));
        return true;
    }

    private static string? Relative(Match m) => m.Groups["rel"].Value.ToLowerInvariant() switch
    {
        "a.s." or "aanstaande" => "a.s.",
        "jl." or "j.l." or "jongstleden" => "jl.",
        _ => null,
    };

    private static void AddDay(Context c, Match m, int offset, string type, MeetingKind kind, string name, int? end = null)
    {
        var month = DutchDates.Month(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["d1"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var relative = Relative(m);
        if (month is null || MeetingDateResolver.Resolve(day, month.Value, year, relative, c.Reference) is not { } start)
        {
            return;
        }
        var matchEnd = end ?? m.Index + m.Length;
        if (!Claim(c, offset + m.Index, offset + matchEnd))
        {
            return;
        }
        var last = start;
        if (m.Groups["d2"].Success && int.Parse(m.Groups["d2"].Value, CultureInfo.InvariantCulture) is var d2 && d2 > day
            && DutchDates.Create(start.Year, start.Month, d2) is { } e)
        {
            last = e;
        }
        var confidence = year is not null ? 0.95 : relative is not null ? 0.9 : 0.75;
        if (c.Letter.Date is null && year is null)
        {
            confidence -= 0.15;
        }
        var location = m.Groups["loc"].Success ? m.Groups["loc"].Value : null;
        Add(c, type, kind, start, last, DatePrecision.Day, null, location, m.Value[..(matchEnd - m.Index)],
            offset + m.Index, offset + matchEnd, relative, confidence, name);
    }

    private static void AddMonth(Context c, Match m, int offset, string type)
    {
        var month = DutchDates.Month(m.Groups["month"].Value)!.Value;
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var relative = Relative(m);
        // The first day of the month stands for the month when resolving a missing year.
        if (MeetingDateResolver.Resolve(1, month, year, relative, c.Reference is { } r ? new DateOnly(r.Year, r.Month, 1) : null) is not { } first
            || !Claim(c, offset + m.Index, offset + m.Index + m.Length))
        {
            return;
        }
        // Month precision stays a month ("juli 2023"), also for a summit the table knows: the text gives no day, and
        // the summit table only dates summits the text names without any date.
        var location = m.Groups["loc"].Success ? m.Groups["loc"].Value : null;
        Add(c, type, MeetingKinds.FromType(type), first, first.AddMonths(1).AddDays(-1), DatePrecision.Month, null, location, m.Value,
            offset + m.Index, offset + m.Index + m.Length, relative, year is null ? 0.6 : 0.7, m.Groups["name"].Value);
    }

    private static void AddUndatedSummit(Context c, Match m, int offset)
    {
        if (c.Reference is not { } reference)
        {
            return;
        }
        var location = m.Groups["loc"].Success ? m.Groups["loc"].Value : null;
        var direction = m.Groups["dir"].Value.ToLowerInvariant() switch
        {
            "recente" or "afgelopen" or "vorige" or "laatste" or "jongstleden" => -1,
            "komende" or "aanstaande" or "volgende" or "eerstvolgende" or "aankomende" => 1,
            _ => 0,
        };
        var summit = location is not null ? NatoSummits.ByPlace(location, null, null, reference) : NatoSummits.Relative(reference, direction);
        if (summit is null || !Claim(c, offset + m.Index, offset + m.Index + m.Length))
        {
            return;
        }
        Add(c, MeetingTypes.NavoTop, MeetingKind.NatoSummit, summit.Start, summit.End, DatePrecision.Inferred, NatoSummits.Source,
            summit.Place, m.Value, offset + m.Index, offset + m.Index + m.Length, direction < 0 ? "jl." : direction > 0 ? "a.s." : null,
            location is not null ? 0.8 : 0.6, m.Groups["name"].Value);
    }

    private static void Add(Context c, string type, MeetingKind kind, DateOnly start, DateOnly end, DatePrecision precision, string? source,
        string? location, string mention, int from, int to, string? relative, double confidence, string name)
    {
        var letter = c.Letter;
        bool? after = letter.Date is { } ld ? start >= ld
            // An undated letter: "a.s." / "jl." say it; a meeting on or after the date bound is after the letter.
            : relative == "a.s." ? true : relative == "jl." ? false : c.Bound is { } b && start >= b ? true : null;
        c.Result.Add(new ExtractedMeeting(ExtractedMeeting.KeyOf(type, start, precision), type, start, end, location, letter.Id,
            Clean(mention), from, to, after, Math.Round(confidence, 2))
        {
            Kind = kind,
            Precision = precision,
            DateSource = source,
            Name = Clean(name),
        });
    }

    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim().Trim(',').Trim();

    /// <summary>For an undated letter: the meeting its opening names as the subject ("geannoteerde agenda … van 1 december 2025"); the letter precedes it.</summary>
    private static DateOnly? DateBound(Letter letter)
    {
        var opening = letter.RawText[..Math.Min(letter.RawText.Length, 1500)];
        var agenda = AgendaFor().Match(opening);
        if (!agenda.Success)
        {
            return null;
        }
        var named = NamedMeeting().Match(opening, agenda.Index + agenda.Length);
        if (!named.Success || named.Index - (agenda.Index + agenda.Length) > 120 || !named.Groups["year"].Success)
        {
            return null;
        }
        var month = DutchDates.Month(named.Groups["month"].Value);
        return month is null ? null
            : DutchDates.Create(int.Parse(named.Groups["year"].Value, CultureInfo.InvariantCulture), month.Value, int.Parse(named.Groups["d1"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>For an undated letter without a named agenda: the first full date ("1 december 2025") its passages state.</summary>
    private static DateOnly? AnchorDate(Letter letter)
    {
        foreach (var passage in letter.Passages)
        {
            if (DutchDates.ParseDayMonthYear(passage.Text) is { } d)
            {
                return d;
            }
        }
        return null;
    }

    private static (string Type, MeetingKind Kind) TkType(string noun) => Clean(noun).ToLowerInvariant() switch
    {
        "begrotingsbehandeling" => (MeetingTypes.Begrotingsbehandeling, MeetingKind.TkPlenaryDebate),
        "commissiedebat" => (MeetingTypes.Commissiedebat, MeetingKind.TkCommitteeDebate),
        "notaoverleg" => (MeetingTypes.Notaoverleg, MeetingKind.TkCommitteeDebate),
        "wetgevingsoverleg" => (MeetingTypes.Wetgevingsoverleg, MeetingKind.TkCommitteeDebate),
        "algemeen overleg" => ("Algemeen overleg", MeetingKind.TkCommitteeDebate),
        "tweeminutendebat" => ("Tweeminutendebat", MeetingKind.TkPlenaryDebate),
        "dertigledendebat" => ("Dertigledendebat", MeetingKind.TkPlenaryDebate),
        _ => (MeetingTypes.PlenairDebat, MeetingKind.TkPlenaryDebate),
    };

    private static bool IsGenericNoun(string name) => GenericNoun().IsMatch(name);

    /// <summary>Type and kind of a meeting named by a noun ("Coalitie-vergadering", "bijeenkomst" + subject "PCA Drones en Counter-Drones").</summary>
    private static (string Type, MeetingKind Kind) GenericType(string name, string subject)
    {
        var lower = name.ToLowerInvariant();
        foreach (var (noun, type, kind) in new[]
        {
            ("begrotingsbehandeling", MeetingTypes.Begrotingsbehandeling, MeetingKind.TkPlenaryDebate),
            ("commissiedebat", MeetingTypes.Commissiedebat, MeetingKind.TkCommitteeDebate),
            ("notaoverleg", MeetingTypes.Notaoverleg, MeetingKind.TkCommitteeDebate),
            ("wetgevingsoverleg", MeetingTypes.Wetgevingsoverleg, MeetingKind.TkCommitteeDebate),
            ("plenair debat", MeetingTypes.PlenairDebat, MeetingKind.TkPlenaryDebate),
        })
        {
            if (lower.EndsWith(noun, StringComparison.Ordinal))
            {
                return (subject.Length > 0 ? $"{type} {subject}" : type, kind);
            }
        }
        var kindOf = lower.Contains("navo", StringComparison.Ordinal) || lower.Contains("nato", StringComparison.Ordinal)
            ? lower.EndsWith("top", StringComparison.Ordinal) || lower.EndsWith("summit", StringComparison.Ordinal) ? MeetingKind.NatoSummit : MeetingKind.NatoMinisterial
            : MeetingKind.International;
        if (kindOf == MeetingKind.NatoSummit)
        {
            return (MeetingTypes.NavoTop, kindOf);
        }
        var head = char.ToUpperInvariant(name[0]) + name[1..];
        return (subject.Length > 0 ? $"{head} {subject}" : head, kindOf);
    }

    /// <summary>
    /// The subject a date-first sentence gives its meeting after the noun: "van/over het X Y" (capitalised), or "deze X"
    /// resolved to the full name "X Y Z" written earlier in the passage ("deze PCA" → "PCA Drones en Counter-Drones").
    /// </summary>
    private static string SubjectAfter(string after, string before)
    {
        var named = NamedSubject().Match(after);
        if (named.Success)
        {
            return Clean(named.Groups["subject"].Value);
        }
        var anaphor = Anaphor().Match(after);
        if (!anaphor.Success)
        {
            return "";
        }
        var head = anaphor.Groups["head"].Value;
        var full = Regex.Matches(before, @"\b" + Regex.Escape(head) + @"(?:\s+(?:en|of|and|the|&)?\s*\p{Lu}[\p{L}\-]*)+", RegexOptions.None, TimeSpan.FromSeconds(1));
        return full.Count > 0 ? Clean(full[^1].Value) : head;
    }

    internal static string? TypeOf(string name)
    {
        var n = Whitespace().Replace(name, " ").ToLowerInvariant();
        if (n.Contains("gymnich", StringComparison.Ordinal))
        {
            return MeetingTypes.Gymnich;
        }
        if (n.StartsWith("informele", StringComparison.Ordinal))
        {
            return MeetingTypes.Informeel;
        }
        if (n.Contains("defensie", StringComparison.Ordinal) && (n.Contains("rbz", StringComparison.Ordinal) || n.Contains("buitenlandse zaken", StringComparison.Ordinal) || n == "defensieraad"))
        {
            return MeetingTypes.RbzDefensie;
        }
        if (n.Contains("rbz", StringComparison.Ordinal) || n.Contains("buitenlandse zaken", StringComparison.Ordinal))
        {
            return MeetingTypes.Rbz;
        }
        if (Regex.IsMatch(n, @"\braz\b") || n.Contains("algemene zaken", StringComparison.Ordinal))
        {
            return MeetingTypes.Raz;
        }
        if (n.Contains("ecofin", StringComparison.Ordinal) || n.Contains("economische en financiële", StringComparison.Ordinal))
        {
            return MeetingTypes.Ecofin;
        }
        if ((n.Contains("navo", StringComparison.Ordinal) || n.Contains("nato", StringComparison.Ordinal) || Regex.IsMatch(n, @"\bdmm\b"))
            && (n.Contains("ministeri", StringComparison.Ordinal) || n.Contains("dmm", StringComparison.Ordinal) || n.Contains("defensieministers", StringComparison.Ordinal)))
        {
            return MeetingTypes.NavoMinisterieel;
        }
        if (n == "dmm")
        {
            return MeetingTypes.NavoMinisterieel;
        }
        if (n.Contains("navo", StringComparison.Ordinal) || n.Contains("nato", StringComparison.Ordinal))
        {
            return MeetingTypes.NavoTop;
        }
        if (n.Contains("europese raad", StringComparison.Ordinal) || n == "er" || n.Contains("top", StringComparison.Ordinal))
        {
            return MeetingTypes.EuropeseRaad;
        }
        return null;
    }

    private const string MonthAndYear =
        @"(?<month>" + DutchDates.MonthPattern + @")(?:(?:\s*\((?!\s*(?:RBZ|ER|RAZ))[^()]{1,80}\))?\s+(?<year>(?:19|20)\d{2})\b)?(?:\s+(?<rel>a\.s\.|aanstaande|jl\.|j\.l\.|jongstleden))?";

    private const string DatePart =
        @"(?<d1>\d{1,2})(?:\s*(?:[-–—]|en|t/m|tot\s+en\s+met)\s*(?<d2>\d{1,2}))?\s+" + MonthAndYear;

    private const string CouncilNames =
        @"(?<name>Raad\s+Buitenlandse\s+Zaken(?:\s*\(?\s*Defensie\s*\)?|\s+met\s+de\s+defensieministers)?|RBZ(?:[\s\-]*\(?\s*Defensie\s*\)?)?|Defensieraad|Raad\s+Algemene\s+Zaken|(?-i:\bRAZ\b)|Ecofin(?:-?raad)?|Raad\s+Economische\s+en\s+Financiële\s+Zaken|Europese\s+Raad|(?-i:\bER\b)|Versailles[\s\-]+[Tt]op|EU-top|informele\s+(?:Raad|Europese\s+Raad|bijeenkomst\s+van\s+(?:de\s+)?(?:EU-)?(?:defensie|ministers)\w*|RBZ)(?:\s+\p{L}+)?|Gymnich(?:-bijeenkomst)?|NAVO[\s\-]?[Tt]op|NATO[\s\-]?[Ss]ummit|NAVO[\s\-]+(?:defensie)?ministeriële|NAVO[\s\-]+DMM|(?-i:\bDMM\b)|NAVO[\s\-]+defensieministersbijeenkomst)" +
        @"(?:\s*\((?:RBZ|ER|RAZ)[^)]{0,20}\))?(?:\s+in\s+(?<loc>(?-i:Den\s+Haag|\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)))?";

    [GeneratedRegex(CouncilNames + @"\s*,?\s*(?:van|op|d\.d\.|dd|in\s+de\s+week\s+van)?\s*" + DatePart, RegexOptions.IgnoreCase)]
    private static partial Regex NamedMeeting();

    [GeneratedRegex(CouncilNames + @"\s*,?\s*(?:van|in)\s+" + MonthAndYear, RegexOptions.IgnoreCase)]
    private static partial Regex NamedMonth();

    [GeneratedRegex(@"(?:op\s+)?" + DatePart + @"\s+(?:\p{L}+\s+){0,2}?plenair\s+(?:in|door)\s+het\s+Europe\w*\s+Parlement\w*", RegexOptions.IgnoreCase)]
    private static partial Regex ParliamentPlenary();

    [GeneratedRegex(
        @"(?<name>(?<noun>begrotingsbehandeling|commissiedebat|notaoverleg|wetgevingsoverleg|algemeen\s+overleg|tweeminutendebat|dertigledendebat|plenaire?\s+debat)(?:\s+(?:van|over|inzake|voor)\s+(?:de\s+|het\s+)?(?<subject>\p{L}[\p{L}\-]*(?:\s+\p{L}[\p{L}\-]*){0,3}?))?)\s*,?\s+(?:van|op|d\.d\.)\s+" + DatePart,
        RegexOptions.IgnoreCase)]
    private static partial Regex TkDebate();

    [GeneratedRegex(
        @"(?<name>(?:(?-i:\p{Lu})[\p{L}]*\s+(?:(?:of|the|and)\s+)*){0,4}[\p{L}\-]*(?:vergadering|bijeenkomst|conferentie|topontmoeting))\b(?:\s+(?:van|voor|over)\s+(?:het\s+|de\s+)?(?<subject>(?-i:\p{Lu})[^,.;()]{1,60}?))?\s*,?\s+(?:van|op|d\.d\.)\s+" + DatePart,
        RegexOptions.IgnoreCase)]
    private static partial Regex NounFirst();

    [GeneratedRegex(
        @"\b(?:op|tijdens)\s+" + DatePart + @"\s*,?\s+(?<clause>[^.;:?!]{0,100}?)\b(?<name>[\p{L}\-]*(?:vergadering|bijeenkomst|conferentie|topontmoeting|commissiedebat|notaoverleg|wetgevingsoverleg|begrotingsbehandeling)|plenair\s+debat|(?:\p{L}+-)?top|(?:\p{L}+-)?ministeriële)\b(?<after>[^.;?!]{0,160})",
        RegexOptions.IgnoreCase)]
    private static partial Regex DateFirst();

    [GeneratedRegex(
        @"\bde\s+(?:(?<dir>recente|afgelopen|vorige|laatste|komende|aanstaande|aankomende|volgende|eerstvolgende)\s+)?(?<name>NAVO[\s\-]?[Tt]op|NATO[\s\-]?[Ss]ummit)(?![\p{L}\-])(?:\s+(?:in|van)\s+(?<loc>(?-i:Den\s+Haag|\p{Lu}\p{L}+)))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex UndatedSummit();

    [GeneratedRegex(@"geannoteerde\s+agenda", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaFor();

    [GeneratedRegex(@"^(?:vergadering|bijeenkomst|conferentie|topontmoeting|top)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericNoun();

    [GeneratedRegex(@"^\s*(?:van|over|voor)\s+(?:het\s+|de\s+)?(?<subject>\p{Lu}[\p{L}\-]*(?:\s+(?:en|of|and|the|&)?\s*\p{Lu}[\p{L}\-]*){0,5})")]
    private static partial Regex NamedSubject();

    [GeneratedRegex(@"\b(?:deze|dit|die)\s+(?<head>\p{Lu}{2,}|\p{Lu}\p{L}+)")]
    private static partial Regex Anaphor();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
