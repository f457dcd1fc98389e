using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Cards;
using Briefingbot.Kernel.Replies;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Briefings.NewLetters;

/// <summary>What an instant alert tells: one new letter on the conversation's topics.</summary>
public sealed record LetterAlert(
    string LetterId,
    string Title,
    string? DocumentType,
    DateOnly? Date,
    string? Dossier,
    string? DocumentNumber,
    string? Url,
    string? Passage,
    IReadOnlyList<string> MatchedTopics);

/// <summary>The alert as an Adaptive Card (template <c>cards/letter-alert.json</c>) or, without cards, as Markdown text.</summary>
public static class LetterAlertCard
{
    public const string Template = CardNames.LetterAlert;

    public static string Heading(LetterAlert alert) =>
        "Nieuw in je dossiers" + (alert.MatchedTopics.Count > 0 ? $" · onderwerp: {string.Join(", ", alert.MatchedTopics)}" : "");

    private const string Footer = "Direct gemeld omdat dit gesprek `abonneer direct` heeft aangezet; zet het uit met `abonneer direct uit`.";

    public static JsonObject Data(LetterAlert alert)
    {
        var facts = new JsonArray();
        if (alert.DocumentType is { Length: > 0 } type)
        {
            facts.Add(Fact("Soort", type));
        }
        if (alert.Date is { } date)
        {
            facts.Add(Fact("Datum", DutchFormat.ShortDate(date)));
        }
        if (DossierText(alert) is { } dossier)
        {
            facts.Add(Fact("Dossier", dossier));
        }
        var url = SafeUrl(alert.Url);
        return new JsonObject
        {
            ["heading"] = DutchFormat.Md(Heading(alert)),
            ["title"] = DutchFormat.Md(DutchFormat.Cap(alert.Title, 300)),
            ["facts"] = facts,
            ["hasPassage"] = alert.Passage is { Length: > 0 },
            ["passage"] = alert.Passage is { Length: > 0 } p ? $"“{DutchFormat.Md(DutchFormat.Cap(p, 600))}”" : "",
            ["footer"] = Footer,
            ["hasUrl"] = url is not null,
            ["url"] = url ?? "",
        };
    }

    /// <summary>The Markdown text for channels without cards (Slack) and the card's fallback.</summary>
    public static string Markdown(LetterAlert alert)
    {
        var lines = new List<string>
        {
            $"**{DutchFormat.Md(Heading(alert))}**",
            "",
            $"**{DutchFormat.Link(alert.Title, alert.Url)}**",
        };
        var facts = new List<string>();
        if (alert.DocumentType is { Length: > 0 } type) facts.Add(DutchFormat.Md(type));
        if (alert.Date is { } date) facts.Add(DutchFormat.ShortDate(date));
        if (DossierText(alert) is { } dossier) facts.Add(DutchFormat.Md(dossier));
        if (facts.Count > 0)
        {
            lines.Add(string.Join(" · ", facts));
        }
        if (alert.Passage is { Length: > 0 } passage)
        {
            lines.Add("");
            lines.Add($"> {DutchFormat.Md(DutchFormat.Cap(passage, 600))}");
        }
        if (SafeUrl(alert.Url) is { } url)
        {
            lines.Add("");
            lines.Add($"Lees de brief: {url}");
        }
        lines.Add("");
        lines.Add($"_{Footer}_");
        return string.Join("\n", lines);
    }

    /// <summary>One message: the card (with a text summary) where cards are shown, else the Markdown text.</summary>
    public static Activity Render(LetterAlert alert, CardRenderer? renderer, bool cards)
    {
        if (cards && renderer is not null)
        {
            try
            {
                var card = renderer.Render(Template, Data(alert));
                Kernel.Replies.CardInlineCode.Replace(card);
                return new Activity
                {
                    Type = ActivityTypes.Message,
                    Summary = $"Nieuwe brief: {DutchFormat.Cap(alert.Title, 200)}",
                    Attachments =
                    [
                        new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) },
                    ],
                };
            }
            catch (CardRenderException)
            {
                // A broken template is a deployment error; the alert still goes out, as text.
            }
        }
        return new Activity { Type = ActivityTypes.Message, TextFormat = "markdown", Text = Markdown(alert) };
    }

    private static string? DossierText(LetterAlert alert) => alert.Dossier is { Length: > 0 } dossier
        ? "Kamerstuk " + dossier + (alert.DocumentNumber is { Length: > 0 } nr ? $", nr. {nr}" : "")
        : null;

    private static string? SafeUrl(string? url) =>
        url is { Length: > 0 } && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? u.AbsoluteUri
            : null;

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
