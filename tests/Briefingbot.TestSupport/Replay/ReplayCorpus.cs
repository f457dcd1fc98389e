using Briefingbot.TestSupport.Letters;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;

namespace Briefingbot.TestSupport.Replay;

/// <summary>One change in a replayed feed: its position (skiptoken), time, entity id and the entity's XML.</summary>
public sealed record ReplayChange(long Seq, DateTimeOffset Updated, string Id, string EntityXml);

/// <summary>A document's file as the replay server serves it.</summary>
public sealed record ReplayFile(string ContentType, byte[] Content);

/// <summary>
/// A generated, deterministic copy of the Gegevensmagazijn's shape (tests/data/sources/README.md cites where each
/// detail comes from): per category a list of changes in skiptoken order, entity XML in the tkData namespace with
/// a different prefix per entity (<c>document</c> in the default namespace with <c>tk:</c> attributes, like the
/// live feed; <c>ns1:toezegging</c>), a year of history before the start window, a deleted document, a corrupt PDF
/// and Kamerstuk XML at "officiële bekendmakingen" for every third letter.
/// </summary>
public sealed class ReplayCorpus
{
    public const string TkNs = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    // Concurrent: a test may add a letter (AppendLetter) while the server answers the bot.
    private readonly ConcurrentDictionary<string, List<ReplayChange>> _feeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ReplayFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _kstXml = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _appendLock = new();

    public IReadOnlyDictionary<string, List<ReplayChange>> Feeds => _feeds;

    /// <summary>Ids of the generated followed documents (letters) in the window, the corrupt one and the deleted one.</summary>
    public List<string> LetterDocumentIds { get; } = [];
    public string? CorruptDocumentId { get; private set; }
    public string? DeletedDocumentId { get; private set; }

    /// <summary>Followed documents dated before the window (history the fresh start must not fetch).</summary>
    public List<string> HistoricDocumentIds { get; } = [];

    public ReplayFile? File(string id) => _files.GetValueOrDefault(id);

    public string? Entity(string id) => _entities.GetValueOrDefault(id);

    public string? KamerstukXml(string kst) => _kstXml.GetValueOrDefault(kst);

    /// <summary>Replaces a document's file (a "fixed" upload after a corrupt one).</summary>
    public void SetFile(string id, ReplayFile file) => _files[id] = file;

    /// <param name="documents">Followed documents in the window (letters).</param>
    /// <param name="anchor">"Today" of the replayed feed: changes run up to it.</param>
    /// <param name="windowDays">Documents in the last <paramref name="windowDays"/> days; a year of history before.</param>
    /// <param name="pdfFolder">PDFs to serve as the documents' files (round robin); null = text files.</param>
    /// <param name="generatePdfs">Serve generated PDFs (with real text) instead of text files.</param>
    public static ReplayCorpus Generate(int documents, DateOnly anchor, int windowDays = 90, string? pdfFolder = null, bool generatePdfs = false, int historic = 40)
    {
        var corpus = new ReplayCorpus();
        var random = new Random(4242);
        var windowStart = anchor.AddDays(-windowDays);
        var dossiers = new List<(string Id, string Nummer, string? Toevoeging, string Titel)>
        {
            ("d0000000-0000-0000-0000-000000000001", "21501", "28", "Defensieraad"),
            ("d0000000-0000-0000-0000-000000000002", "21501", "02", "Raad Algemene Zaken en Raad Buitenlandse Zaken"),
            ("d0000000-0000-0000-0000-000000000003", "36600", "X", "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2025"),
            ("d0000000-0000-0000-0000-000000000004", "27925", null, "Bestrijding internationaal terrorisme"),
        };
        var pdfs = pdfFolder is null ? [] : Directory.GetFiles(pdfFolder, "*.pdf").Order(StringComparer.Ordinal).Select(System.IO.File.ReadAllBytes).ToArray();

        // Kamerstukdossiers: changed long ago (before the window), so a fresh start skips them and fetches by id.
        var origin = new DateTimeOffset(anchor.AddDays(-windowDays - 365).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var seq = 1000L;
        foreach (var d in dossiers)
        {
            var xml = $"""<kamerstukdossier xmlns="{TkNs}" xmlns:tk="{TkNs}" tk:id="{d.Id}" tk:bijgewerkt="{Stamp(origin)}" tk:verwijderd="false"><titel>{X(d.Titel)}</titel><nummer>{d.Nummer}</nummer>{(d.Toevoeging is null ? "<toevoeging xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>" : $"<toevoeging>{d.Toevoeging}</toevoeging>")}<afgesloten>false</afgesloten></kamerstukdossier>""";
            corpus.Add("Kamerstukdossier", seq += 7, origin, d.Id, xml);
        }

        // Documents: history (a year before the window, the feed's long past) then the window. Updated times grow
        // with the skiptoken, as in the live feed; a few unfollowed kinds are mixed in.
        var historyStep = TimeSpan.FromDays(365) / Math.Max(1, historic);
        var docSeq = 5000L;
        var volg = 100;
        for (var i = 0; i < historic; i++)
        {
            var updated = origin + historyStep * i;
            var id = $"a{i:D7}-0000-0000-0000-000000000000";
            corpus.HistoricDocumentIds.Add(id);
            var dossier = dossiers[i % dossiers.Count];
            corpus.AddDocument(docSeq += 3, updated, id, "Brief regering", DateOnly.FromDateTime(updated.UtcDateTime), dossier.Id, (volg++).ToString(CultureInfo.InvariantCulture),
                $"2024D{i:D5}", $"Oude brief {i}", "text/plain", Encoding.UTF8.GetBytes(LetterText(i, "Oude brief", random)));
        }
        var windowOrigin = new DateTimeOffset(windowStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1);
        var step = TimeSpan.FromDays(windowDays) / Math.Max(1, documents + documents / 10 + 2);
        var t = windowOrigin;
        for (var i = 0; i < documents; i++)
        {
            t += step;
            var id = $"b{i:D7}-0000-0000-0000-000000000000";
            var dossier = dossiers[i % dossiers.Count];
            var number = (volg++).ToString(CultureInfo.InvariantCulture);
            var title = TitleOf(i);
            var kind = Kinds[i % Kinds.Length];
            ReplayFile file;
            if (i == Math.Min(documents - 1, 7))
            {
                // A corrupt PDF: the header and then noise.
                file = new ReplayFile("application/pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 600).Select(n => (byte)random.Next(256))]);
                corpus.CorruptDocumentId = id;
            }
            else if (pdfs.Length > 0)
            {
                file = new ReplayFile("application/pdf", pdfs[i % pdfs.Length]);
            }
            else if (generatePdfs)
            {
                file = new ReplayFile("application/pdf", SyntheticDocuments.Pdf([], LetterText(i, title, random).Split("\n\n")));
            }
            else
            {
                file = new ReplayFile("text/plain", Encoding.UTF8.GetBytes(LetterText(i, title, random)));
            }
            corpus.AddDocument(docSeq += 3, t, id, kind, DateOnly.FromDateTime(t.UtcDateTime), dossier.Id, number, $"2025D{i:D5}", title, file.ContentType, file.Content);
            corpus.LetterDocumentIds.Add(id);
            if (i % 3 == 1 && id != corpus.CorruptDocumentId)
            {
                var kst = $"kst-{dossier.Nummer}{(dossier.Toevoeging is null ? "" : "-" + dossier.Toevoeging)}-{number}";
                corpus._kstXml[kst] = KamerstukXml(dossier.Nummer, dossier.Toevoeging, number, title, LetterText(i, title, random));
            }
            if (i % 10 == 5)
            {
                // An unfollowed kind in between (a motion): followed by nobody, fetched by nobody.
                t += step;
                corpus.AddDocument(docSeq += 3, t, $"c{i:D7}-0000-0000-0000-000000000000", "Motie", DateOnly.FromDateTime(t.UtcDateTime), dossier.Id,
                    null, $"2025D9{i:D4}", "Motie van het lid X", "application/pdf", [1, 2, 3]);
            }
        }
        // A deleted document: the second letter is withdrawn later; the deletion carries no children.
        if (corpus.LetterDocumentIds.Count > 2)
        {
            var deleted = corpus.LetterDocumentIds[1];
            corpus.DeletedDocumentId = deleted;
            t += step;
            corpus.Add("Document", docSeq += 3, t, deleted, $"""<document xmlns="{TkNs}" xmlns:tk="{TkNs}" tk:id="{deleted}" tk:bijgewerkt="{Stamp(t)}" tk:verwijderd="true"/>""");
        }

        // Toezeggingen (ns1 prefix, like the live feed) and activities (commissiedebatten, some followed).
        var promiseSeq = 9000L;
        var activitySeq = 12000L;
        var promises = Math.Max(3, documents / 20);
        for (var i = 0; i < promises; i++)
        {
            var at = windowOrigin + TimeSpan.FromDays(windowDays) * i / promises;
            var id = $"e{i:D7}-0000-0000-0000-000000000000";
            var status = i % 4 == 3 ? "Voldaan" : "Openstaand";
            var due = i % 2 == 0 ? DateOnly.FromDateTime(at.UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00" : "0001-01-01T00:00:00";
            var xml = $"""<ns1:toezegging xmlns:ns1="{TkNs}" ns1:id="{id}" ns1:bijgewerkt="{Stamp(at)}" ns1:verwijderd="false"><ns1:nummer>TZ2025{i:D2}-{100 + i}</ns1:nummer><ns1:tekst>De minister zegt toe de Kamer te informeren over de voortgang van de levering van luchtverdedigingssystemen aan Oekraïne, deel {i}.</ns1:tekst><ns1:aanmaakdatum>{Stamp(at)}</ns1:aanmaakdatum><ns1:naam>Brekelmans, R.P.</ns1:naam><ns1:functie>minister van Defensie</ns1:functie><ns1:ministerie>Ministerie van Defensie</ns1:ministerie><ns1:status>{status}</ns1:status><ns1:datumNakoming>{due}</ns1:datumNakoming><ns1:kamerbriefNakoming xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><ns1:activiteit ref="f{i:D7}-0000-0000-0000-000000000000"/></ns1:toezegging>""";
            corpus.Add("Toezegging", promiseSeq += 5, at, id, xml);

            var onderwerp = (i % 3) switch
            {
                0 => "Raad Buitenlandse Zaken Defensie",
                1 => "Europese Raad",
                _ => "Stikstof en natuur",
            };
            var date = anchor.AddDays(7 + i * 5);
            var aid = $"f{i:D7}-0000-0000-0000-000000000000";
            var axml = $"""<activiteit xmlns="{TkNs}" xmlns:tk="{TkNs}" tk:id="{aid}" tk:bijgewerkt="{Stamp(at)}" tk:verwijderd="false"><soort>Commissiedebat</soort><nummer>2025A0{i:D4}</nummer><onderwerp>{onderwerp}</onderwerp><datum>{date:yyyy-MM-dd}T00:00:00+01:00</datum><aanvangstijd>{date:yyyy-MM-dd}T14:00:00+01:00</aanvangstijd><eindtijd>{date:yyyy-MM-dd}T16:00:00+01:00</eindtijd><status>Gepland</status><voortouwnaam>vaste commissie voor Defensie</voortouwnaam></activiteit>""";
            corpus.Add("Activiteit", activitySeq += 5, at, aid, axml);
        }
        return corpus;
    }

    /// <summary>
    /// A followed letter that appears in the feed after the corpus was generated ("a new letter today"): the next change
    /// of the Document feed, a Brief regering in the Defensieraad dossier (21501-28) with a text file and no Kamerstuk
    /// XML, so its text comes from the resource. Safe while the server answers: the feed list is replaced, not changed.
    /// </summary>
    /// <returns>The document's id.</returns>
    public string AppendLetter(string title, string text, DateOnly date, DateTimeOffset updated)
    {
        lock (_appendLock)
        {
            var documents = _feeds.TryGetValue("Document", out var list) ? list : [];
            var seq = (documents.Count == 0 ? 5000 : documents.Max(c => c.Seq)) + 3;
            var id = $"n{seq:D7}-0000-0000-0000-000000000000";
            var content = Encoding.UTF8.GetBytes(text);
            var xml = DocumentXml(id, updated, "Brief regering", date, "d0000000-0000-0000-0000-000000000001", (90000 + seq).ToString(CultureInfo.InvariantCulture),
                $"2026D{seq:D5}", title, "text/plain", content.Length);
            _entities[id] = xml;
            _files[id] = new ReplayFile("text/plain", content);
            _feeds["Document"] = [.. documents, new ReplayChange(seq, updated, id, xml)];
            LetterDocumentIds.Add(id);
            return id;
        }
    }

    /// <summary>A later change of an entity in a feed (an update of a promise, say), as the next change of that feed.</summary>
    public void AppendChange(string feed, string id, string entityXml, DateTimeOffset updated)
    {
        lock (_appendLock)
        {
            var changes = _feeds.TryGetValue(feed, out var list) ? list : [];
            var seq = (changes.Count == 0 ? 1 : changes.Max(c => c.Seq)) + 3;
            _entities[id] = entityXml;
            _feeds[feed] = [.. changes, new ReplayChange(seq, updated, id, entityXml)];
        }
    }

    private static readonly string[] Kinds = ["Brief regering", "Brief regering", "Verslag van een schriftelijk overleg", "Nota naar aanleiding van het verslag", "Antwoord schriftelijke vragen"];

    private static readonly string[] Topics =
    [
        "de levering van luchtverdedigingssystemen aan Oekraïne", "de inzet van drones en counter-drone middelen", "de herstellening van Oekraïne",
        "de Europese defensie-industrie", "de NAVO-norm van twee procent", "de munitievoorraden van de krijgsmacht", "cyberdreigingen tegen vitale infrastructuur",
        "de militaire mobiliteit in Europa", "het Europees Vredesfaciliteit", "de sancties tegen Rusland",
    ];

    private static string TitleOf(int i) => $"Geannoteerde agenda over {Topics[i % Topics.Length]} ({i})";

    internal static string LetterText(int i, string title, Random random)
    {
        var topic = Topics[i % Topics.Length];
        var other = Topics[(i * 7 + 3) % Topics.Length];
        var sb = new StringBuilder();
        sb.Append("Geachte voorzitter,\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Hierbij informeer ik uw Kamer over {topic}. Deze brief ({title}) gaat in op de stand van zaken en de inzet van het kabinet.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Het kabinet blijft zich inzetten voor {other}. In de afgelopen periode is met de Europese partners gesproken over de voortgang en de financiering, waarbij {random.Next(2, 40)} lidstaten een bijdrage toezegden.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Ik zal uw Kamer voor de zomer van 2026 informeren over de uitkomst van het overleg over {topic} (kenmerk {i}).\n\n");
        sb.Append("De Minister van Defensie,\n\nR.P. Brekelmans\n");
        return sb.ToString();
    }

    private static string KamerstukXml(string nummer, string? toevoeging, string volgnummer, string title, string body)
    {
        var sb = new StringBuilder();
        sb.Append("""<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata><meta name="DC.title" content="Kamerstuk"/></metadata><kamerstuk><dossier><dossiernummer><dossiernr>""")
            .Append(nummer).Append(toevoeging is null ? "" : "-" + toevoeging).Append("</dossiernr></dossiernummer></dossier><stuk><stuknr><ondernummer>Nr. ")
            .Append(volgnummer).Append("</ondernummer></stuknr><titel>").Append(X(title)).Append("</titel><brief>");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("<al>").Append(X(paragraph.Trim())).Append("</al>");
        }
        sb.Append("</brief></stuk></kamerstuk></officiele-publicatie>");
        return sb.ToString();
    }

    private void AddDocument(long seq, DateTimeOffset updated, string id, string soort, DateOnly datum, string dossierId, string? volgnummer,
        string documentNummer, string titel, string contentType, byte[] content)
    {
        Add("Document", seq, updated, id, DocumentXml(id, updated, soort, datum, dossierId, volgnummer, documentNummer, titel, contentType, content.Length));
        _files[id] = new ReplayFile(contentType, content);
    }

    private static string DocumentXml(string id, DateTimeOffset updated, string soort, DateOnly datum, string dossierId, string? volgnummer,
        string documentNummer, string titel, string contentType, int contentLength) =>
        $"""<document xmlns="{TkNs}" xmlns:tk="{TkNs}" tk:id="{id}" tk:bijgewerkt="{Stamp(updated)}" tk:verwijderd="false" tk:contentType="{contentType}" tk:contentLength="{contentLength}"><soort>{X(soort)}</soort><documentNummer>{documentNummer}</documentNummer><titel>{X(titel)}</titel><onderwerp>{X(titel)}</onderwerp><datum>{datum:yyyy-MM-dd}T00:00:00</datum><vergaderjaar>2025-2026</vergaderjaar>{(volgnummer is null ? "" : $"<volgnummer>{volgnummer}</volgnummer>")}<citeerTitel xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><kamerstukdossier ref="{dossierId}"/></document>""";

    private void Add(string category, long seq, DateTimeOffset updated, string id, string xml)
    {
        if (!_feeds.TryGetValue(category, out var list))
        {
            _feeds[category] = list = [];
        }
        list.Add(new ReplayChange(seq, updated, id, xml));
        _entities[id] = xml;
    }

    // Seven fractional digits and no zone, as the live feed writes bijgewerkt.
    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static string X(string s) => SecurityElement.Escape(s) ?? "";
}
