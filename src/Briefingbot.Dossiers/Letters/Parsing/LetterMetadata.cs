using Briefingbot.Dossiers.Text;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>Facts read from a letter's header and signature. Unknown facts are null.</summary>
internal sealed record LetterMetadata(
    string? Title,
    string? DocumentType,
    IReadOnlyList<DateOnly> Dates,
    string? Chamber,
    string? Dossier,
    string? DocumentNumber,
    IReadOnlyList<string> Signatories,
    string? ExternalId)
{
    /// <summary>
    /// Who signs for a committee ("Koen Petersen, voorzitter van de vaste commissie voor …"): not the government's
    /// signatories, but a name an MP searches for.
    /// </summary>
    public IReadOnlyList<string> CommitteeSigners { get; init; } = [];

    /// <summary>The letter's own date: the last dated letter in the file (a report's answer letter comes last).</summary>
    public DateOnly? Date => Dates.Count == 0 ? null : Dates[^1];

    /// <summary>https://zoek.officielebekendmakingen.nl/kst-{dossier}-{nr}.html, when dossier and number are known.</summary>
    public string? SourceUrl => Dossier is null || DocumentNumber is null
        ? null
        : $"https://zoek.officielebekendmakingen.nl/kst-{Regex.Replace(Dossier, @"^(\d{2}) (\d{3})", "$1$2").Replace(' ', '-')}-{DocumentNumber}.html";
}

/// <summary>Reads <see cref="LetterMetadata"/> from classified lines.</summary>
internal static partial class LetterMetadataReader
{
    private static readonly (Regex Pattern, string Type)[] TypeNames =
    [
        (new Regex(@"^brief regering\b", RegexOptions.IgnoreCase), "Brief regering"),
        (new Regex(@"^(?:verslag van een )?schriftelijk overleg\b", RegexOptions.IgnoreCase), "Schriftelijk overleg"),
        (new Regex(@"^nota naar aanleiding van het (?:nader )?verslag\b", RegexOptions.IgnoreCase), "Nota naar aanleiding van het verslag"),
        (new Regex(@"^geannoteerde agenda\b", RegexOptions.IgnoreCase), "Geannoteerde agenda"),
        (new Regex(@"^verslag van een (?:commissiedebat|notaoverleg|wetgevingsoverleg)\b", RegexOptions.IgnoreCase), "Verslag"),
        (new Regex(@"^(?:eind)?verslag\b", RegexOptions.IgnoreCase), "Verslag"),
        (new Regex(@"^motie\b", RegexOptions.IgnoreCase), "Motie"),
        (new Regex(@"^amendement\b", RegexOptions.IgnoreCase), "Amendement"),
        (new Regex(@"^nota van wijziging\b", RegexOptions.IgnoreCase), "Nota van wijziging"),
        (new Regex(@"^memorie van (?:toelichting|antwoord)\b", RegexOptions.IgnoreCase), "Memorie van toelichting"),
        (new Regex(@"^brief (?:van de )?(?:vaste )?commissie\b", RegexOptions.IgnoreCase), "Brief commissie"),
        (new Regex(@"^brief van de (?:minister|ministers|staatssecretaris|minister-president)\b", RegexOptions.IgnoreCase), "Brief regering"),
        (new Regex(@"^(?:kamer)?vragen\b", RegexOptions.IgnoreCase), "Kamervragen"),
    ];

    public static LetterMetadata Read(List<SourceLine> lines, int headerEnd, SourceText source, bool isQuestionAnswer)
    {
        var header = lines.Take(Math.Max(0, headerEnd + 1)).Where(l => !l.IsBlank).Select(l => l.Clean).Where(c => c.Length > 0).ToList();
        var top = lines.Where(l => !l.IsBlank && l.Clean.Length > 0).Take(40).Select(l => l.Clean).ToList();
        var all = lines.Where(l => !l.IsBlank).Select(l => l.Clean).ToList();

        var (title, type) = ReadTitleAndType(header, top, source, isQuestionAnswer, all);
        var dates = ReadDates(lines, header);
        var chamber = ReadChamber(header, all);
        var (dossier, dossierTitle, number) = ReadDossier(header, top);
        if (chamber is null && number is not null && number.All(char.IsLetter))
        {
            // Eerste Kamer documents are numbered with letters (A, B, C, ...); Tweede Kamer documents with digits.
            chamber = "Eerste Kamer";
        }
        title ??= dossierTitle;
        var externalId = ExternalIdPattern().Match(string.Join('\n', top)) is { Success: true } m ? m.Value : null;
        var (signatories, committee) = ReadSignatories(lines);
        return new LetterMetadata(title, type, dates, chamber, dossier, number, signatories, externalId) { CommitteeSigners = committee };
    }

    private static (string? Title, string? Type) ReadTitleAndType(List<string> header, List<string> top, SourceText source, bool qa, List<string> all)
    {
        string? title = null;
        string? type = null;

        // "Brief regering : Kabinetsappreciatie Witboek ..." (export title line).
        foreach (var line in top.Take(5))
        {
            var m = TypeColonTitle().Match(line);
            if (m.Success && TypeOf(m.Groups["type"].Value) is { } t)
            {
                type = t;
                title = Tidy(m.Groups["title"].Value);
                break;
            }
        }

        // A captured web page: the first line after the navigation is the title, then the dossier name and type.
        var nav = top.FindIndex(l => LinePatterns.NavigationBar().IsMatch(l) || l.StartsWith('['));
        if (title is null && nav >= 0)
        {
            var afterNav = top.Skip(nav + 1).SkipWhile(l => l.StartsWith('[')).ToList();
            if (afterNav.Count > 0 && afterNav[0].Length is > 3 and < 300)
            {
                title = Tidy(afterNav[0]);
            }
            type ??= afterNav.Take(5).Select(TypeOf).FirstOrDefault(t => t is not null);
        }

        // "overleg gevoerd met de minister ..." (the start of "Verslag van een schriftelijk overleg ...").
        if (title is null && top.Count > 0 && SchriftelijkOverlegTitle().IsMatch(top[0]))
        {
            title = Tidy(top[0]);
            type ??= "Schriftelijk overleg";
        }

        type ??= header.Select(l => TypeOf(l.TrimStart('*', ' ').Length > 0 ? StripNumberPrefix(l) : l)).FirstOrDefault(t => t is not null);

        if (title is null && source.HtmlTitle is { } htmlTitle)
        {
            title = Tidy(htmlTitle);
        }

        if (qa)
        {
            type ??= "Schriftelijk overleg";
            if (title is null && header.Count == 0)
            {
                // A bare Q&A without a header: name it after what the members reacted to, as the text states it.
                var subject = all.Take(12).Select(l => l).Aggregate("", (a, b) => a + " " + b);
                var s = KennisgenomenVan().Match(subject);
                if (s.Success)
                {
                    title = "Schriftelijk overleg over de " + TextCleaner.Collapse(s.Groups["subject"].Value);
                }
            }
        }

        // The first line, unless it is the salutation ("Geachte voorzitter,": a synced letter whose source gave no
        // title was shown as "Geachte voorzitter", a QA pass).
        if (title is null && header.Count == 0 && top.Count > 0 && top[0].Length is > 3 and < 200
            && !LinePatterns.PartyHeading().IsMatch(top[0]) && !LinePatterns.VraagMarker().IsMatch(top[0])
            && !Salutation().IsMatch(top[0]))
        {
            title = Tidy(top[0]);
        }
        return (title, type);
    }

    private static string StripNumberPrefix(string line) => Regex.Replace(line, @"^\s*(?:Nr\.\s*\d+|[A-Z]{1,2})\s+", "");

    private static string? TypeOf(string line)
    {
        var text = line.Trim().TrimStart('*', '#', ' ');
        foreach (var (pattern, type) in TypeNames)
        {
            if (pattern.IsMatch(text))
            {
                return type;
            }
        }
        return null;
    }

    private static string Tidy(string text)
    {
        var t = TextCleaner.Collapse(text).Trim(' ', ':', ';', ',', '-', '–');
        return t.Length > 0 && char.IsLower(t[0]) ? char.ToUpperInvariant(t[0]) + t[1..] : t;
    }

    private static List<DateOnly> ReadDates(List<SourceLine> lines, List<string> header)
    {
        var dates = new List<DateOnly>();
        foreach (var line in lines)
        {
            var m = LinePatterns.PlaceDateLine().Match(line.Clean);
            if (m.Success && DutchDates.ParseDayMonthYear(m.Groups["date"].Value) is { } d)
            {
                dates.Add(d);
            }
        }
        if (dates.Count == 0)
        {
            foreach (var line in header)
            {
                var m = LinePatterns.ReceivedLine().Match(line);
                if (m.Success && DutchDates.ParseDayMonthYear(m.Groups["date"].Value) is { } d)
                {
                    dates.Add(d);
                }
            }
        }
        if (dates.Count == 0)
        {
            foreach (var line in lines.Take(60))
            {
                var m = PageDate().Match(line.Clean);
                if (m.Success && DutchDates.ParseIso(m.Groups["date"].Value) is { } d)
                {
                    dates.Add(d);
                    break;
                }
            }
        }
        return dates;
    }

    private static string? ReadChamber(List<string> header, List<string> all)
    {
        foreach (var line in header.Concat(all))
        {
            var m = ChamberPattern().Match(line);
            if (m.Success)
            {
                return m.Groups["k"].Value + " Kamer";
            }
        }
        return null;
    }

    private static (string? Dossier, string? DossierTitle, string? Number) ReadDossier(List<string> header, List<string> top)
    {
        string? dossier = null;
        string? dossierTitle = null;
        string? number = null;
        foreach (var line in header.Concat(top))
        {
            if (dossier is null && DossierLine().Match(line) is { Success: true } d)
            {
                dossier = d.Groups["base"].Value + (d.Groups["dash"].Success ? "-" + d.Groups["dash"].Value : d.Groups["suffix"].Success ? " " + d.Groups["suffix"].Value : "");
                dossierTitle = d.Groups["title"].Value.Trim();
            }
            if (number is null && NumberLine().Match(line) is { Success: true } n)
            {
                number = n.Groups["nr"].Value;
            }
            if (number is null && LetterNumberLine().Match(line) is { Success: true } ln)
            {
                number = ln.Groups["nr"].Value;
            }
        }
        // A captured page names the official version: "officiële HTML versie (kst-33279-36)".
        if ((dossier is null || number is null) && top.Select(l => KstId().Match(l)).FirstOrDefault(m => m.Success) is { } kst)
        {
            dossier ??= kst.Groups["d"].Value.Length == 5 ? kst.Groups["d"].Value[..2] + " " + kst.Groups["d"].Value[2..] : null;
            number ??= kst.Groups["nr"].Value;
        }
        return (dossier, dossierTitle, number);
    }

    private static (List<string> Government, List<string> Committee) ReadSignatories(List<SourceLine> lines)
    {
        var result = new List<string>();
        var committee = new List<string>();
        var signature = lines.Where(l => l.Kind is LineKind.Signature or LineKind.Chrome).ToList();
        for (var i = 0; i < signature.Count; i++)
        {
            var role = LinePatterns.SignatureRole().Match(signature[i].Clean);
            if (role.Success && signature[i].Kind == LineKind.Signature && i + 1 < signature.Count
                && signature[i + 1].Kind == LineKind.Signature && LinePatterns.PersonName().IsMatch(signature[i + 1].Clean))
            {
                Add(result, committee, signature[i + 1].Clean, role.Groups["role"].Value);
                i++;
                continue;
            }
            if (role.Success && signature[i].Kind == LineKind.Signature && i > 0
                && signature[i - 1].Kind == LineKind.Signature && LinePatterns.PersonName().IsMatch(signature[i - 1].Clean)
                && !GovernmentRole().IsMatch(TextCleaner.Collapse(role.Groups["role"].Value)))
            {
                // A committee letter is signed name first ("Koen Petersen" / "Voorzitter van de vaste commissie …").
                Add(result, committee, signature[i - 1].Clean, role.Groups["role"].Value);
                continue;
            }
            var pair = LinePatterns.NameCommaRole().Match(signature[i].Clean);
            if (pair.Success && signature[i].Kind == LineKind.Chrome)
            {
                Add(result, committee, pair.Groups["name"].Value, pair.Groups["role"].Value);
            }
        }
        return (result, committee);
    }

    private static void Add(List<string> result, List<string> committee, string name, string role)
    {
        var r = TextCleaner.Collapse(role).TrimEnd(',', ' ');
        // Committee chairs and clerks sign committee letters; they are not the government's signatories.
        var list = GovernmentRole().IsMatch(r) ? result : committee;
        r = char.ToLowerInvariant(r[0]) + r[1..];
        r = Regex.Replace(r, @"\b(Van|Voor)\b", m => m.Value.ToLowerInvariant());
        var entry = TextCleaner.Collapse(name).TrimEnd(',', ' ') + ", " + r;
        if (!list.Contains(entry, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(entry);
        }
    }

    [GeneratedRegex(@"^(?:\*\*)?(?:(?:zeer |hoog)?geachte|beste)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Salutation();

    [GeneratedRegex(@"^(?<type>[\p{L} ]{4,60}?)\s+:\s+(?<title>.{3,})$")]
    private static partial Regex TypeColonTitle();

    [GeneratedRegex(@"^(?:verslag van een )?(?:schriftelijk )?overleg gevoerd\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchriftelijkOverlegTitle();

    [GeneratedRegex(@"kennisgenomen van (?:de |het )?(?<subject>(?:geannoteerde agenda|brief|kabinetsappreciatie|verslag|nota)\b.{5,160}?\d{4})(?=[.,;]|\s+en\b)", RegexOptions.IgnoreCase)]
    private static partial Regex KennisgenomenVan();

    [GeneratedRegex(@"\b\d{4}D\d{5}\b")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"\bdatum:\s*(?<date>\d{4}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PageDate();

    [GeneratedRegex(@"(?:^|Voorzitter van de )(?<k>Tweede|Eerste) Kamer der Staten-Generaal\b")]
    private static partial Regex ChamberPattern();

    /// <summary>"22 112 Nieuwe Commissievoorstellen ...", "36 410 X Vaststelling ...", "21 501-28 Defensieraad".</summary>
    [GeneratedRegex(@"^\s*(?<base>\d{2} \d{3})(?:-(?<dash>\d{1,3})|\s(?<suffix>[IVXLC]+|[A-Z]{1,2})(?=\s))?\s+(?<title>\p{Lu}.{3,})$")]
    private static partial Regex DossierLine();

    [GeneratedRegex(@"^\s*Nr\.\s*(?<nr>\d{1,5})\b")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^\s*(?<nr>[A-Z]{1,2})\s+(?:NOTA|BRIEF|VERSLAG|MEMORIE|MOTIE|AMENDEMENT|VOORLOPIG|EINDVERSLAG)\b")]
    private static partial Regex LetterNumberLine();

    [GeneratedRegex(@"\bkst-(?<d>\d{5})(?:-[A-Z]+)?-(?<nr>\d{1,5})\b")]
    private static partial Regex KstId();

    [GeneratedRegex(@"^(?:minister|staatssecretaris|minister-president)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GovernmentRole();
}
