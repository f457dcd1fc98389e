using System.Xml;
using System.Xml.Linq;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// Reads the XML of officiële bekendmakingen (<c>kst-&lt;dossier&gt;-&lt;nr&gt;.xml</c>; also <c>ah-tk-…</c> answers to
/// written questions) into paragraphs. The vocabulary is the one of the publication schema (op-xsd, documented on
/// technische-documentatie.oep.overheid.nl) as the public renderer in berthubert/tkconv (<c>op.xslt</c>) reads it:
/// <c>kamerstuk</c> › <c>dossier</c> (<c>dossiernummer/dossiernr</c>, <c>titel</c>) and <c>stuk</c>
/// (<c>stuknr/ondernummer</c>, <c>titel</c>, <c>algemeen</c>); body paragraphs are <c>al</c>, headings
/// <c>tussenkop</c>/<c>kop</c>, lists <c>lijst/li</c> with <c>li.nr</c>, tables CALS <c>table/tgroup/…/row/entry</c>,
/// footnotes <c>noot</c> (<c>noot.nr</c>, <c>noot.al</c>) placed inline where they are referenced, questions
/// <c>vraag</c>/<c>antwoord</c> with <c>nr</c>, signatures <c>ondertekening</c>; <c>metadata</c> and <c>meta</c> carry
/// no text. Element names are matched by local name, so a namespace or prefix does not matter. Footnotes are taken
/// out of the running text and listed apart at the end.
/// </summary>
internal static class OfficialPublicationXmlReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "metadata", "meta", "officiele-inhoudsopgave", "colspec", "spanspec", "illustratie", "plaatje",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "al", "tussenkop", "kop", "titel", "datumtekst", "kamervraagomschrijving", "kamervraagonderwerp",
        "kamervraagnummer", "nr", "label", "wat", "considerans.al", "slotformulering", "aanhef", "vraagnummer",
        "kamerstukkop", "naam", "functie", "plaats", "dagtekening", "omschr",
    };

    public static DocumentText Read(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings());
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            // Cut off (a download that stopped, a file truncated at the source): what is there is a fragment, and a
            // reader that tolerates it would keep the fragment as the letter (a QA pass: "Voortgang" for a whole
            // letter). A failure lets the caller take the document from elsewhere.
            if (!ClosesItsRoot(xml))
            {
                return DocumentText.Failed("xml", $"XML cut off: the document ends before its root element closes ({ex.Message})");
            }
            // Not well-formed otherwise (undeclared HTML entities): the lenient HTML reader still gets the words out.
            var fallback = HtmlTextReader.Read(xml);
            return fallback.Succeeded
                ? fallback with { Format = "xml" }
                : DocumentText.Failed("xml", $"XML not well-formed ({ex.Message})");
        }
        if (document.Root is null)
        {
            return DocumentText.Failed("xml", "XML without a root element");
        }

        var state = new State();
        Walk(document.Root, state);
        if (state.Footnotes.Count > 0)
        {
            state.Layout.Paragraph();
            foreach (var note in state.Footnotes)
            {
                state.Layout.Block(note);
            }
        }
        return new DocumentText(true, state.Layout.ToString(), null, "xml");
    }

    /// <summary>No DTD, no external resolution, a bound on size: for the letter and for the check of its root alike.</summary>
    private static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = 50_000_000,
    };

    /// <summary>Whether the text ends with the closing tag of the element it opens with (its root).</summary>
    private static bool ClosesItsRoot(string xml)
    {
        string root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings());
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return false;
            }
            root = reader.Name;
        }
        catch (XmlException)
        {
            return false;
        }
        var end = xml.AsSpan().TrimEnd();
        if (!end.EndsWith(">", StringComparison.Ordinal))
        {
            return false;
        }
        var open = end.LastIndexOf("</", StringComparison.Ordinal);
        return open >= 0 && end[(open + 2)..^1].Trim().SequenceEqual(root);
    }

    private sealed class State
    {
        public TextLayout Layout { get; } = new();
        public List<string> Footnotes { get; } = [];
    }

    private static void Walk(XElement element, State state)
    {
        var name = element.Name.LocalName;
        if (Skipped.Contains(name))
        {
            return;
        }
        switch (name)
        {
            case "noot":
                AddFootnote(element, state);
                return;
            case "dossier":
                // "21 501-28 Defensieraad": the line the parser reads the dossier from.
                state.Layout.Block(Join(Text(Child(element, "dossiernummer") ?? Child(element, "dossiernr")), Text(Child(element, "titel"))));
                return;
            case "stuk":
                Stuk(element, state);
                return;
            case "table":
                Table(element, state);
                return;
            case "li":
                ListItem(element, state);
                return;
            case "ondertekening":
                Lines(element, state);
                return;
        }
        if (Paragraphs.Contains(name) || !element.Elements().Any())
        {
            state.Layout.Paragraph();
            Inline(element, state);
            state.Layout.Paragraph();
            return;
        }
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Walk(child, state);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    state.Layout.Inline(text.Value);
                    break;
            }
        }
        state.Layout.Paragraph();
    }

    /// <summary>"Nr. 281 BRIEF VAN DE MINISTER VAN DEFENSIE" on one line, then the letter.</summary>
    private static void Stuk(XElement stuk, State state)
    {
        var number = Child(stuk, "stuknr");
        var title = Child(stuk, "titel");
        if (number is not null || title is not null)
        {
            var nr = Text(number).Trim();
            if (nr.Length > 0 && !nr.StartsWith("Nr", StringComparison.OrdinalIgnoreCase) && char.IsDigit(nr[0]))
            {
                nr = "Nr. " + nr;
            }
            state.Layout.Block(Join(nr, Text(title)));
        }
        foreach (var child in stuk.Elements().Where(e => e != number && e != title))
        {
            Walk(child, state);
        }
        state.Layout.Paragraph();
    }

    private static void ListItem(XElement li, State state)
    {
        state.Layout.Paragraph();
        var first = true;
        foreach (var node in li.Nodes())
        {
            switch (node)
            {
                case XElement { Name.LocalName: "li.nr" } nr:
                    state.Layout.Inline(Text(nr) + " ");
                    break;
                case XElement { Name.LocalName: "al" } al when first:
                    Inline(al, state);
                    first = false;
                    break;
                case XElement { Name.LocalName: "noot" } noot:
                    AddFootnote(noot, state);
                    break;
                case XElement other:
                    state.Layout.Paragraph();
                    Walk(other, state);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    state.Layout.Inline(text.Value);
                    break;
            }
        }
        state.Layout.Paragraph();
    }

    /// <summary>A CALS table: one line per row, cells separated by " | ".</summary>
    private static void Table(XElement table, State state)
    {
        state.Layout.Paragraph();
        var title = Child(table, "title") ?? Child(table, "titel");
        if (title is not null)
        {
            state.Layout.Inline(Text(title));
            state.Layout.LineBreak();
        }
        foreach (var row in table.Descendants().Where(e => e.Name.LocalName == "row"))
        {
            var cells = row.Elements().Where(e => e.Name.LocalName == "entry").Select(e => CellText(e, state)).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                state.Layout.Inline(string.Join(" | ", cells));
                state.Layout.LineBreak();
            }
        }
        state.Layout.Paragraph();
    }

    private static string CellText(XElement entry, State state)
    {
        var cell = new TextLayout();
        InlineInto(entry, cell, state);
        return cell.ToString().Replace('\n', ' ');
    }

    /// <summary>Signature lines: each name, function and place on a line of its own.</summary>
    private static void Lines(XElement element, State state)
    {
        state.Layout.Paragraph();
        foreach (var node in element.Nodes())
        {
            if (node is XElement child)
            {
                Inline(child, state);
                state.Layout.LineBreak();
            }
            else if (node is XText text && !string.IsNullOrWhiteSpace(text.Value))
            {
                state.Layout.Inline(text.Value);
                state.Layout.LineBreak();
            }
        }
        state.Layout.Paragraph();
    }

    private static void Inline(XElement element, State state) => InlineInto(element, state.Layout, state);

    private static void InlineInto(XElement element, TextLayout layout, State state)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    layout.Inline(text.Value);
                    break;
                case XElement { Name.LocalName: "noot" } noot:
                    AddFootnote(noot, state);
                    break;
                case XElement { Name.LocalName: "br" }:
                    layout.LineBreak();
                    break;
                case XElement child when Skipped.Contains(child.Name.LocalName):
                    break;
                case XElement child:
                    InlineInto(child, layout, state);
                    break;
            }
        }
    }

    private static void AddFootnote(XElement noot, State state)
    {
        var nr = Text(Child(noot, "noot.nr")).Trim();
        var body = string.Join(" ", noot.Elements().Where(e => e.Name.LocalName != "noot.nr").Select(Text).Where(t => t.Length > 0));
        if (body.Length > 0)
        {
            state.Footnotes.Add(nr.Length > 0 ? $"{nr} {body}" : body);
        }
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The element's words without its footnotes, whitespace collapsed.</summary>
    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return "";
        }
        var layout = new TextLayout();
        void Add(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t)
                {
                    layout.Inline(t.Value);
                }
                else if (node is XElement c && c.Name.LocalName is not ("noot" or "noot.nr") && !Skipped.Contains(c.Name.LocalName))
                {
                    Add(c);
                }
            }
        }
        Add(element);
        return layout.ToString().Replace('\n', ' ').Trim();
    }

    private static string Join(string a, string b) => (a.Trim() + " " + b.Trim()).Trim();
}
