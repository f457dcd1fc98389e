using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Briefingbot.Sources.Feed;

/// <summary>
/// Reads a SyncFeed page (Atom 1.0) and the entities in it. Entities are found by namespace and local name, never by
/// prefix: the live feed writes <c>document</c> with <c>tk:</c> attributes but <c>ns1:toezegging</c> with
/// <c>ns1:</c> children, all in <see cref="TkNamespace"/>. A page that is not well-formed XML (a truncated
/// response) throws <see cref="FeedFormatException"/>, so the caller retries it instead of advancing.
/// </summary>
public static class SyncFeedParser
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace TkNamespace = "http://www.tweedekamer.nl/xsd/tkData/v1-0";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static FeedPage ParsePage(ReadOnlySpan<byte> xml)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(xml.ToArray());
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"The feed page is not well-formed XML: {ex.Message}", ex);
        }

        var feed = document.Root;
        if (feed is null || feed.Name != Atom + "feed")
        {
            throw new FeedFormatException("The response is not an Atom feed.");
        }

        var entries = new List<FeedEntry>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "title")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }
            var content = entry.Element(Atom + "content");
            var entityElement = content?.Elements().FirstOrDefault(e => e.Name.Namespace == TkNamespace) ?? content?.Elements().FirstOrDefault();
            entries.Add(new FeedEntry(
                id,
                ParseTimestamp(entry.Element(Atom + "updated")?.Value),
                entry.Element(Atom + "category")?.Attribute("term")?.Value,
                entityElement is null ? null : ParseEntity(entityElement, id),
                Link(entry, "enclosure"),
                SkiptokenOf(Link(entry, "next"))));
        }
        return new FeedPage(entries, SkiptokenOf(Link(feed, "next")));
    }

    /// <summary>Parses one entity element (the feed's content, or the body of <c>/SyncFeed/2.0/Entiteiten/&lt;id&gt;</c>).</summary>
    public static TkEntity ParseEntity(XElement e, string? fallbackId = null)
    {
        var id = Attr(e, "id") ?? fallbackId ?? "";
        var deleted = string.Equals(Attr(e, "verwijderd"), "true", StringComparison.OrdinalIgnoreCase);
        var updated = ParseTimestamp(Attr(e, "bijgewerkt"));
        return e.Name.LocalName.ToLowerInvariant() switch
        {
            "document" => new TkDocument(id, deleted, updated,
                Child(e, "soort"), Child(e, "titel"), Child(e, "onderwerp"), Child(e, "citeerTitel"), ParseDate(Child(e, "datum")),
                Child(e, "documentNummer"), Child(e, "volgnummer"), Child(e, "vergaderjaar"), Ref(e, "kamerstukdossier"),
                Attr(e, "contentType"), long.TryParse(Attr(e, "contentLength"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null),
            "kamerstukdossier" => new TkDossier(id, deleted, updated, Child(e, "nummer"), Child(e, "toevoeging"), Child(e, "titel")),
            "toezegging" => new TkToezegging(id, deleted, updated,
                Child(e, "nummer"), Child(e, "tekst"), Child(e, "naam"), Child(e, "functie"), Child(e, "ministerie"), Child(e, "status"),
                ParseDate(Child(e, "aanmaakdatum")), ParseDate(Child(e, "datumNakoming")), Child(e, "kamerbriefNakoming"), Ref(e, "activiteit")),
            "activiteit" => new TkActiviteit(id, deleted, updated,
                Child(e, "nummer"), Child(e, "soort"), Child(e, "onderwerp"), ParseDate(Child(e, "datum")),
                ParseTime(Child(e, "aanvangstijd")), ParseTime(Child(e, "eindtijd")), Child(e, "status"), Child(e, "voortouwnaam")),
            var other => new TkOther(id, deleted, updated, other),
        };
    }

    /// <summary>Parses the body of <c>/SyncFeed/2.0/Entiteiten/&lt;id&gt;</c> (the entity element, or an Atom entry holding it).</summary>
    public static TkEntity? ParseEntityDocument(ReadOnlySpan<byte> xml, string id)
    {
        try
        {
            using var stream = new MemoryStream(xml.ToArray());
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var root = XDocument.Load(reader).Root;
            if (root is null)
            {
                return null;
            }
            var element = root.Name.Namespace == TkNamespace
                ? root
                : root.Descendants().FirstOrDefault(d => d.Name.Namespace == TkNamespace && Attr(d, "id") is not null);
            return element is null ? null : ParseEntity(element, id);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The <c>skiptoken</c> query value of a feed link, or null.</summary>
    public static string? SkiptokenOf(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }
        var query = href.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }
        foreach (var part in href[(query + 1)..].Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Equals("skiptoken", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(part[(eq + 1)..]);
            }
        }
        return null;
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => string.Equals(l.Attribute("rel")?.Value, rel, StringComparison.Ordinal))?.Attribute("href")?.Value;

    // Attributes: id, bijgewerkt, verwijderd, contentType, ... carry the tkData namespace (any prefix); accept none too.
    private static string? Attr(XElement e, string localName) =>
        e.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && (a.Name.Namespace == TkNamespace || a.Name.Namespace == XNamespace.None))?.Value;

    private static XElement? ChildElement(XElement e, string localName) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == localName && (c.Name.Namespace == TkNamespace || c.Name.Namespace == XNamespace.None));

    private static string? Child(XElement e, string localName)
    {
        var child = ChildElement(e, localName);
        if (child is null || string.Equals(child.Attribute(Xsi + "nil")?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var value = child.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? Ref(XElement e, string localName) => ChildElement(e, localName)?.Attribute("ref")?.Value;

    internal static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>
    /// The calendar date as written (the first ten characters, ISO or the Dutch day-month-year): a date is a day in Dutch
    /// time, not an instant. 0001-01-01 and a year from 9000 on (9999-12-31) are placeholders for "none": a QA pass saw
    /// "uiterlijk 31 december 9999" as a promise's deadline.
    /// </summary>
    internal static DateOnly? ParseDate(string? value)
    {
        if (value is null || value.Length < 10
            || !DateOnly.TryParseExact(value[..10], ["yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return null;
        }
        return d.Year <= 1 || d.Year >= 9000 ? null : d;
    }

    /// <summary>The time of day as written (Dutch local time in the feed).</summary>
    internal static TimeOnly? ParseTime(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var t = value.IndexOf('T', StringComparison.Ordinal);
        var part = t >= 0 ? value[(t + 1)..] : value;
        return part.Length >= 5 && TimeOnly.TryParseExact(part[..5], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }
}

/// <summary>A feed page or entity that cannot be read (truncated, not Atom).</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
