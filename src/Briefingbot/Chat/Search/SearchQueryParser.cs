using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary>
/// Splits what a user typed into search words and filters written in plain words:
/// <c>dossier 21501-28</c>, <c>sinds 2025</c>, <c>van 2024 tot 2025</c>, <c>in 2024</c>, <c>tot maart 2025</c>,
/// <c>type brief regering</c>, <c>kamer eerste</c> / <c>Eerste Kamer</c>, with English aliases.
/// A filter word is only taken as a filter when a valid value follows ("van" before a year is a filter, "van" in
/// "brief van de minister" is a search word), so free text never loses words by accident.
/// </summary>
public static partial class SearchQueryParser
{
    /// <summary>Document types users may name after "type"; the search matches them against the letters' types.</summary>
    private static readonly string[] KnownTypes =
    [
        "brief regering", "schriftelijk overleg", "nota naar aanleiding van het verslag", "verslag", "motie",
        "geannoteerde agenda", "kamervragen", "antwoord", "nota van wijziging", "memorie van toelichting",
    ];

    public static SearchRequest Parse(string text)
    {
        var tokens = Whitespace().Split(CommandText.Sanitize(text).Trim()).Where(t => t.Length > 0).ToList();
        var norm = tokens.Select(CommandText.Fold).ToList();
        var words = new List<string>();
        var filters = new SearchFilters();

        var ignored = new List<string>();
        int i = 0;
        while (i < tokens.Count)
        {
            int used = TryFilter(tokens, norm, i, ref filters);
            if (used > 0)
            {
                i += used;
                continue;
            }
            if (tokens[i].Length > 2 && tokens[i].StartsWith("--", StringComparison.Ordinal))
            {
                // An option of another command ("--size 1000"): not a word to find (a QA pass searched "--size").
                ignored.Add(tokens[i]);
                i++;
                continue;
            }
            words.Add(tokens[i]);
            i++;
        }

        var query = string.Join(' ', words);
        if (query.Length > SearchRequest.MaxQueryLength)
        {
            query = query[..SearchRequest.MaxQueryLength];
        }
        var request = new SearchRequest(query, filters, 0) { Ignored = ignored.Count == 0 ? null : string.Join(' ', ignored) };
        if (request.HasFilters)
        {
            var typed = string.Join(' ', tokens);
            request = request with { Typed = typed.Length > SearchRequest.MaxQueryLength ? typed[..SearchRequest.MaxQueryLength] : typed };
        }
        return request;
    }

    private static int TryFilter(List<string> tokens, List<string> norm, int i, ref SearchFilters filters)
    {
        string w = norm[i];
        switch (w)
        {
            case "dossier" or "kamerstuk" or "dossiernummer":
                return TryDossier(tokens, i + 1, ref filters) is var n and > 0 ? n + 1 : 0;

            case "sinds" or "vanaf" or "since" or "after" or "na":
                if (TryPeriod(tokens, norm, i + 1) is { } since)
                {
                    filters = filters with { From = since.Start };
                    return since.Used + 1;
                }
                return 0;

            case "van" or "from" or "tussen" or "between":
                if (TryPeriod(tokens, norm, i + 1) is not { } start)
                {
                    return 0;
                }
                int j = i + 1 + start.Used;
                int sep = j < norm.Count ? SeparatorLength(norm, j) : 0;
                if (sep > 0 && TryPeriod(tokens, norm, j + sep) is { } end)
                {
                    filters = filters with { From = start.Start, To = end.End };
                    return 1 + start.Used + sep + end.Used;
                }
                // "van 2024" alone: that year.
                filters = filters with { From = start.Start, To = start.End };
                return 1 + start.Used;

            case "in" or "uit" when i + 1 < tokens.Count && Year().IsMatch(tokens[i + 1]):
                var year = TryPeriod(tokens, norm, i + 1)!.Value;
                filters = filters with { From = year.Start, To = year.End };
                return 2;

            // "--per 2025-01-01" as the register views and briefing take it: the letters up to that day.
            case "tot" or "t/m" or "until" or "tm" or "--per" or "--tot":
                {
                    int skip = i + 2 < norm.Count && norm[i + 1] == "en" && norm[i + 2] == "met" ? 2 : 0;
                    if (TryPeriod(tokens, norm, i + 1 + skip) is { } until)
                    {
                        filters = filters with { To = until.End };
                        return 1 + skip + until.Used;
                    }
                    return 0;
                }

            case "voor" or "before" or "voordat":
                if (TryPeriod(tokens, norm, i + 1) is { } before)
                {
                    filters = filters with { To = before.Start.AddDays(-1) };
                    return 1 + before.Used;
                }
                return 0;

            case "type" or "soort" or "documenttype":
                return TryType(norm, i + 1, ref filters) is var t and > 0 ? t + 1 : 0;

            case "kamer" or "chamber" when i + 1 < norm.Count && ChamberName(norm[i + 1]) is { } chamberAfter:
                filters = filters with { Chamber = chamberAfter };
                return 2;

            case "eerste" or "tweede" when i + 1 < norm.Count && norm[i + 1] == "kamer":
                filters = filters with { Chamber = ChamberName(w) };
                return 2;

            case "senaat" or "senate":
                filters = filters with { Chamber = "Eerste Kamer" };
                return 1;
        }
        return 0;
    }

    private static string? ChamberName(string w) => w switch
    {
        "eerste" or "ek" or "first" or "senaat" or "senate" => "Eerste Kamer",
        "tweede" or "tk" or "second" or "house" => "Tweede Kamer",
        _ => null,
    };

    private static int SeparatorLength(List<string> norm, int j) => norm[j] switch
    {
        "tot" when j + 2 < norm.Count && norm[j + 1] == "en" && norm[j + 2] == "met" => 3,
        "tot" or "t/m" or "tm" or "en" or "to" or "until" or "and" or "-" or "–" => 1,
        _ => 0,
    };

    private static int TryDossier(List<string> tokens, int i, ref SearchFilters filters)
    {
        if (i >= tokens.Count)
        {
            return 0;
        }
        int used;
        string number;
        if (DossierWhole().IsMatch(tokens[i]))
        {
            number = tokens[i];
            used = 1;
        }
        else if (i + 1 < tokens.Count && DossierHead().IsMatch(tokens[i]) && DossierTail().IsMatch(tokens[i + 1]))
        {
            number = tokens[i] + " " + tokens[i + 1];
            used = 2;
        }
        else
        {
            return 0;
        }
        // An optional roman or letter suffix, as printed: "36 410 X". Upper case only, so "a" in text is no suffix.
        if (i + used < tokens.Count && DossierSuffix().IsMatch(tokens[i + used]))
        {
            number += " " + tokens[i + used];
            used++;
        }
        filters = filters with { Dossier = number };
        return used;
    }

    private static int TryType(List<string> norm, int i, ref SearchFilters filters)
    {
        foreach (var type in KnownTypes.OrderByDescending(t => t.Length))
        {
            var parts = type.Split(' ');
            if (i + parts.Length <= norm.Count && parts.Select((p, k) => norm[i + k] == p).All(x => x))
            {
                filters = filters with { DocumentType = type };
                return parts.Length;
            }
        }
        // An unknown single word ("type motie" is known; "type verslagen"): pass it on, the search decides.
        if (i < norm.Count && norm[i].Length is > 2 and <= 40 && norm[i].All(char.IsLetter))
        {
            filters = filters with { DocumentType = norm[i] };
            return 1;
        }
        return 0;
    }

    /// <summary>A period at token <paramref name="i"/>: "2025", "maart 2025", "3 maart 2025", "2025-03-03", "3-3-2025".</summary>
    private static (DateOnly Start, DateOnly End, int Used)? TryPeriod(List<string> tokens, List<string> norm, int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }
        var t = tokens[i].TrimEnd(',', '.', ';');
        if (Year().IsMatch(t))
        {
            int y = int.Parse(t, CultureInfo.InvariantCulture);
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), 1);
        }
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "d-M-yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
            && exact.Year is >= 1900 and <= 2100)
        {
            return (exact, exact, 1);
        }
        if (DutchDates.ParseMonth(norm[i]) is { } month && i + 1 < tokens.Count && Year().IsMatch(tokens[i + 1].TrimEnd(',', '.')))
        {
            int y = int.Parse(tokens[i + 1].TrimEnd(',', '.'), CultureInfo.InvariantCulture);
            var first = new DateOnly(y, month, 1);
            return (first, first.AddMonths(1).AddDays(-1), 2);
        }
        if (i + 2 < tokens.Count && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            && DutchDates.ParseMonth(norm[i + 1]) is { } m && Year().IsMatch(tokens[i + 2].TrimEnd(',', '.')))
        {
            int y = int.Parse(tokens[i + 2].TrimEnd(',', '.'), CultureInfo.InvariantCulture);
            if (day <= DateTime.DaysInMonth(y, m))
            {
                var date = new DateOnly(y, m, day);
                return (date, date, 3);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\d{4,6}(-\d{1,3})?$")]
    private static partial Regex DossierWhole();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex DossierHead();

    [GeneratedRegex(@"^\d{3}(-\d{1,3})?$")]
    private static partial Regex DossierTail();

    [GeneratedRegex(@"^([IVXLC]{1,6}|[A-Z])$")]
    private static partial Regex DossierSuffix();
}
