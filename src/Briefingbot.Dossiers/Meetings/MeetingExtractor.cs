using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Parsing;

namespace Briefingbot.Dossiers.Meetings;

/// <summary>
/// Finds dated mentions of Council meetings and summits in a letter's passages ("de Raad Buitenlandse Zaken Defensie
/// van 1 december 2025", "de Europese Raad van 26–27 juni a.s.", "op 19 januari a.s. plenair in het Europees Parlement").
/// Missing years resolve against the letter date (<see cref="MeetingDateResolver"/>); a letter without a date uses the
/// first full date its text states as reference, and yields nothing for year-less mentions when it states none.
/// Headers and footnotes are not read: only passages.
/// </summary>
public sealed partial class MeetingExtractor : IMeetingExtractor
{
    public IReadOnlyList<ExtractedMeeting> Extract(Letter letter)
    {
        var reference = letter.Date ?? AnchorDate(letter);
        var result = new List<ExtractedMeeting>();
        var seen = new HashSet<int>();
        foreach (var passage in letter.Passages)
        {
            var text = letter.RawText[passage.Start..passage.End];
            foreach (Match m in NamedMeeting().Matches(text))
            {
                Add(result, seen, letter, reference, m, passage.Start, TypeOf(m.Groups["name"].Value));
            }
            foreach (Match m in ParliamentPlenary().Matches(text))
            {
                Add(result, seen, letter, reference, m, passage.Start, MeetingTypes.EpPlenair);
            }
        }
        return result.OrderBy(r => r.Start).ToList();
    }

    private static void Add(List<ExtractedMeeting> result, HashSet<int> seen, Letter letter, DateOnly? reference, Match m, int offset, string? type)
    {
        if (type is null || !seen.Add(offset + m.Index))
        {
            return;
        }
        var month = DutchDates.Month(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["d1"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var relative = m.Groups["rel"].Value.ToLowerInvariant() switch
        {
            "a.s." or "aanstaande" => "a.s.",
            "jl." or "jongstleden" => "jl.",
            _ => null,
        };
        if (month is null || MeetingDateResolver.Resolve(day, month.Value, year, relative, reference) is not { } start)
        {
            return;
        }
        var end = start;
        if (m.Groups["d2"].Success && int.Parse(m.Groups["d2"].Value, CultureInfo.InvariantCulture) is var d2 && d2 > day
            && DutchDates.Create(start.Year, start.Month, d2) is { } e)
        {
            end = e;
        }
        var confidence = year is not null ? 0.95 : relative is not null ? 0.9 : 0.75;
        if (letter.Date is null && year is null)
        {
            confidence -= 0.15;
        }
        var location = m.Groups["loc"].Success ? m.Groups["loc"].Value : null;
        result.Add(new ExtractedMeeting($"{type}|{start:yyyy-MM-dd}", type, start, end, location, letter.Id,
            Regex.Replace(m.Value, @"\s+", " ").Trim(), offset + m.Index, offset + m.Index + m.Length,
            letter.Date is { } ld ? start >= ld : null, Math.Round(confidence, 2)));
    }

    /// <summary>For an undated letter: the first full date ("1 december 2025") its passages state.</summary>
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

    internal static string? TypeOf(string name)
    {
        var n = Regex.Replace(name, @"\s+", " ").ToLowerInvariant();
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
        if (n.Contains("raz", StringComparison.Ordinal) || n.Contains("algemene zaken", StringComparison.Ordinal))
        {
            return MeetingTypes.Raz;
        }
        if (n.Contains("ecofin", StringComparison.Ordinal) || n.Contains("economische en financiële", StringComparison.Ordinal))
        {
            return MeetingTypes.Ecofin;
        }
        if (n.Contains("ministeri", StringComparison.Ordinal) || n.Contains("dmm", StringComparison.Ordinal) || n.Contains("defensieministers", StringComparison.Ordinal))
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

    private const string DatePart =
        @"(?<d1>\d{1,2})(?:\s*(?:[-–—]|en|t/m|tot\s+en\s+met)\s*(?<d2>\d{1,2}))?\s+(?<month>" + DutchDates.MonthPattern + @")(?:\s+(?<year>\d{4}))?(?:\s+(?<rel>a\.s\.|aanstaande|jl\.|jongstleden))?";

    [GeneratedRegex(
        @"(?<name>Raad\s+Buitenlandse\s+Zaken(?:\s*\(?\s*Defensie\s*\)?|\s+met\s+de\s+defensieministers)?|RBZ(?:[\s\-]*\(?\s*Defensie\s*\)?)?|Defensieraad|Raad\s+Algemene\s+Zaken|(?-i:\bRAZ\b)|Ecofin(?:-?raad)?|Raad\s+Economische\s+en\s+Financiële\s+Zaken|Europese\s+Raad|(?-i:\bER\b)|Versailles[\s\-]+[Tt]op|EU-top|informele\s+(?:Raad|Europese\s+Raad|bijeenkomst\s+van\s+(?:de\s+)?(?:EU-)?(?:defensie|ministers)\w*|RBZ)(?:\s+\p{L}+)?|Gymnich(?:-bijeenkomst)?|NAVO[\s\-]?[Tt]op|NATO[\s\-]?[Ss]ummit|NAVO[\s\-]+(?:defensie)?ministeriële|NAVO[\s\-]+DMM|(?-i:\bDMM\b)|NAVO[\s\-]+defensieministersbijeenkomst)" +
        @"(?:\s*\((?:RBZ|ER|RAZ)[^)]{0,20}\))?(?:\s+in\s+(?<loc>\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?))?\s*,?\s*(?:van|op|d\.d\.|dd|in\s+de\s+week\s+van)?\s*" + DatePart,
        RegexOptions.IgnoreCase)]
    private static partial Regex NamedMeeting();

    [GeneratedRegex(@"(?:op\s+)?" + DatePart + @"\s+(?:\p{L}+\s+){0,2}?plenair\s+(?:in|door)\s+het\s+Europe\w*\s+Parlement\w*", RegexOptions.IgnoreCase)]
    private static partial Regex ParliamentPlenary();
}
