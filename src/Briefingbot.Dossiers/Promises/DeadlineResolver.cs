using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters.Parsing;

namespace Briefingbot.Dossiers.Promises;

/// <summary>
/// Resolves the deadline phrase of a toezegging to a due date, against the letter's date. Conventions (a promise is due
/// on the last day the phrase still allows):
/// <list type="bullet">
/// <item>"voor de zomer" / "voor het zomerreces" [van YYYY] = 1 July (of YYYY; without a year the first 1 July on or after the letter date).</item>
/// <item>"na de zomer" / "na het zomerreces" [van YYYY] = 1 October; "in het najaar" / "dit najaar" [van YYYY] = 1 December;
/// "in het voorjaar" [van YYYY] = 31 May (without a year: the first such date on or after the letter date).</item>
/// <item>"begin YYYY" / "Q1 YYYY" / "eerste kwartaal van YYYY" = 31 March; "medio YYYY" / "eerste helft van YYYY" / "Q2" = 30 June;
/// "Q3" = 30 September; "eind YYYY" / "einde van YYYY" / "tweede helft van YYYY" / "Q4" / "in YYYY" = 31 December.</item>
/// <item>"voor het einde van het jaar" / "eind dit jaar" / "later dit jaar" = 31 December of the letter's year.</item>
/// <item>"binnen N weken" = letter date + 7·N days (vier weken = 28 days); "binnen N maanden" = letter date + N months.</item>
/// <item>"voor / uiterlijk / op 1 maart 2026" = that date.</item>
/// <item>"tijdig", "binnenkort", "spoedig", "zo snel mogelijk", "op korte termijn", or no phrase = no due date (null).</item>
/// </list>
/// A phrase that needs the letter date (no year, "binnen vier weken") yields no due date when the letter is undated.
/// </summary>
public static partial class DeadlineResolver
{
    /// <summary>The deadline phrase found in <paramref name="sentence"/> and the date it resolves to (either may be null).</summary>
    public static (string? Phrase, DateOnly? Due) Resolve(string sentence, DateOnly? letterDate)
    {
        if (ExplicitDate().Match(sentence) is { Success: true } e
            && DutchDates.ParseDayMonthYear(e.Groups["date"].Value) is { } explicitDate)
        {
            return (e.Value.Trim(), explicitDate);
        }
        if (Weeks().Match(sentence) is { Success: true } w)
        {
            var n = Number(w.Groups["n"].Value);
            return (w.Value, letterDate is { } d && n > 0 ? d.AddDays(7 * n) : null);
        }
        if (Months().Match(sentence) is { Success: true } mo)
        {
            var n = Number(mo.Groups["n"].Value);
            return (mo.Value, letterDate is { } d && n > 0 ? d.AddMonths(n) : null);
        }
        if (Season().Match(sentence) is { Success: true } s)
        {
            var (month, day) = s.Groups["kind"].Value.ToLowerInvariant() switch
            {
                var k when k.StartsWith("voor", StringComparison.Ordinal) && k.Contains("zomer", StringComparison.Ordinal) => (7, 1),
                var k when k.StartsWith("na", StringComparison.Ordinal) => (10, 1),
                var k when k.Contains("najaar", StringComparison.Ordinal) => (12, 1),
                _ => (5, 31),
            };
            return (s.Value.Trim(), YearOrNext(s.Groups["year"].Value, month, day, letterDate));
        }
        if (YearPart().Match(sentence) is { Success: true } y)
        {
            var year = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
            var part = y.Groups["part"].Value.ToLowerInvariant();
            var due = part switch
            {
                "begin" or "q1" or "eerste kwartaal van" or "het eerste kwartaal van" => new DateOnly(year, 3, 31),
                "medio" or "halverwege" or "q2" or "de eerste helft van" or "eerste helft van" => new DateOnly(year, 6, 30),
                "q3" => new DateOnly(year, 9, 30),
                _ => new DateOnly(year, 12, 31),
            };
            return (y.Value.Trim(), due);
        }
        if (EndOfThisYear().Match(sentence) is { Success: true } eoy)
        {
            return (eoy.Value, letterDate is { } d ? new DateOnly(d.Year, 12, 31) : null);
        }
        if (InYear().Match(sentence) is { Success: true } iy)
        {
            return (iy.Value.Trim(), new DateOnly(int.Parse(iy.Groups["year"].Value, CultureInfo.InvariantCulture), 12, 31));
        }
        if (Undated().Match(sentence) is { Success: true } u)
        {
            return (u.Value, null);
        }
        return (null, null);
    }

    private static DateOnly? YearOrNext(string year, int month, int day, DateOnly? letterDate)
    {
        if (year.Length == 4)
        {
            return new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), month, day);
        }
        if (letterDate is not { } d)
        {
            return null;
        }
        var candidate = new DateOnly(d.Year, month, day);
        return candidate >= d ? candidate : candidate.AddYears(1);
    }

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "een" or "één" => 1, "twee" => 2, "drie" => 3, "vier" => 4, "vijf" => 5, "zes" => 6, "zeven" => 7, "acht" => 8,
        "negen" => 9, "tien" => 10, "twaalf" => 12,
        var digits when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 1000 => n,
        _ => 0,
    };

    [GeneratedRegex(@"\b(?:vóór|voor|uiterlijk|op|per)\s+(?<date>\d{1,2}\s+(?:" + DutchDates.MonthPattern + @")\s+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitDate();

    [GeneratedRegex(@"\bbinnen\s+(?<n>\d{1,3}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s+weken\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weeks();

    [GeneratedRegex(@"\bbinnen\s+(?<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes|twaalf)\s+maanden\b", RegexOptions.IgnoreCase)]
    private static partial Regex Months();

    [GeneratedRegex(@"\b(?<kind>(?:vóór|voor)\s+(?:de\s+zomer|het\s+zomerreces)|na\s+(?:de\s+zomer|het\s+zomerreces)|(?:in\s+het|dit|komend)\s+najaar|(?:in\s+het|dit|komend)\s+voorjaar)(?:\s+(?:van\s+)?(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Season();

    [GeneratedRegex(@"\b(?<part>begin|medio|halverwege|eind|einde|eind\s+van|einde\s+van|uiterlijk\s+eind|Q[1-4]|(?:het\s+)?eerste\s+kwartaal\s+van|(?:de\s+)?eerste\s+helft\s+van|(?:de\s+)?tweede\s+helft\s+van)\s+(?<year>20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearPart();

    [GeneratedRegex(@"\b(?:(?:vóór|voor)\s+het\s+einde?\s+van\s+(?:het|dit)\s+jaar|eind\s+dit\s+jaar|later\s+dit\s+jaar|dit\s+kalenderjaar)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndOfThisYear();

    [GeneratedRegex(@"\b(?:in|vóór|voor)\s+(?<year>20\d\d)\b(?!\s*[-–])", RegexOptions.IgnoreCase)]
    private static partial Regex InYear();

    [GeneratedRegex(@"\b(?:tijdig|binnenkort|spoedig|zo\s+snel\s+mogelijk|op\s+korte\s+termijn|te\s+zijner\s+tijd|separaat|regelmatig)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Undated();
}
