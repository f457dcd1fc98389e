using Briefingbot.Dossiers.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Cards;

/// <summary>One row of a <see cref="ListCard"/>; all text plain (escaped by the builder).</summary>
public sealed record ListCardItem(string Title, string? Meta = null, string? Text = null, string? Url = null, string UrlTitle = "Bron");

/// <summary>
/// The generic <c>list</c> card for features that show a list (promises, meetings, topics, subscriptions):
/// a title, rows with a meta line, text and link, a footer and buttons.
/// </summary>
public static class ListCard
{
    public static CardAnswer Create(
        string title,
        IEnumerable<ListCardItem> items,
        string? subtitle = null,
        string? footer = null,
        string emptyText = "Er is niets om te tonen.",
        IEnumerable<(string Label, JsonObject Data)>? buttons = null,
        int maxItems = 25)
    {
        var rows = new JsonArray();
        foreach (var item in items.Take(maxItems))
        {
            var url = CardLinks.IsSafeHttpUrl(item.Url) ? item.Url! : "";
            rows.Add(new JsonObject
            {
                ["title"] = TeamsMarkdown.Escape(CardText.Truncate(item.Title, 200)),
                ["hasMeta"] = !string.IsNullOrWhiteSpace(item.Meta),
                ["meta"] = TeamsMarkdown.Escape(CardText.Truncate(item.Meta, 200)),
                ["hasText"] = !string.IsNullOrWhiteSpace(item.Text),
                ["text"] = TeamsMarkdown.Escape(CardText.Truncate(item.Text, 600)),
                ["hasUrl"] = url.Length > 0,
                ["urlTitle"] = CardText.Truncate(item.UrlTitle, 40),
                ["url"] = url,
            });
        }
        var actions = new JsonArray();
        foreach (var (label, data) in (buttons ?? []).Take(5))
        {
            actions.Add(new JsonObject { ["title"] = CardText.Truncate(label, 60), ["data"] = data });
        }
        var cardData = new JsonObject
        {
            ["title"] = TeamsMarkdown.Escape(CardText.Truncate(title, 200)),
            ["hasSubtitle"] = !string.IsNullOrWhiteSpace(subtitle),
            ["subtitle"] = TeamsMarkdown.Escape(CardText.Truncate(subtitle, 300)),
            ["items"] = rows,
            ["isEmpty"] = rows.Count == 0,
            ["emptyText"] = TeamsMarkdown.Escape(emptyText),
            ["hasFooter"] = !string.IsNullOrWhiteSpace(footer),
            ["footer"] = TeamsMarkdown.Escape(CardText.Truncate(footer, 500)),
            ["buttons"] = actions,
        };
        return new CardAnswer(CardNames.List, cardData, title);
    }
}
