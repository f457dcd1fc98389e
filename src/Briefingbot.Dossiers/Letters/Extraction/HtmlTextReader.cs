using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// HTML to text with AngleSharp's HTML5 parser: block elements become paragraphs, table rows lines with cells
/// separated by " | ", <c>br</c> a line break; scripts, styles, navigation, headers and footers are dropped.
/// </summary>
internal static class HtmlTextReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "svg", "head", "button", "form", "iframe",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main", "aside",
        "blockquote", "pre", "dd", "dt", "dl", "hr", "table", "body", "figure", "figcaption", "address",
    };

    public static DocumentText Read(string html)
    {
        try
        {
            var parser = new HtmlParser();
            using var document = parser.ParseDocument(html);
            var layout = new TextLayout();
            if (document.Body is { } body)
            {
                Walk(body, layout);
            }
            return new DocumentText(true, layout.ToString(), null, "html");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return DocumentText.Failed("html", $"the HTML cannot be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static void Walk(INode node, TextLayout layout)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    layout.Inline(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    layout.LineBreak();
                    break;
                case IElement { LocalName: "tr" } row:
                    var cells = row.Children.Where(c => c.LocalName is "td" or "th")
                        .Select(c => c.TextContent.Trim()).Select(Collapse).ToList();
                    if (cells.Any(c => c.Length > 0))
                    {
                        layout.LineBreak();
                        layout.Inline(string.Join(" | ", cells));
                        layout.LineBreak();
                    }
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    layout.Paragraph();
                    Walk(element, layout);
                    layout.Paragraph();
                    break;
                case IElement element:
                    Walk(element, layout);
                    break;
            }
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
