using Briefingbot.Dossiers.Text;
using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Chat.Search;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Chat.Letters;

/// <summary>Builds the data of the <c>letter</c> card: metadata, summary, and the letter's questions or sections.</summary>
public static class LetterCard
{
    /// <summary>At most this many questions/sections are listed; the rest is counted.</summary>
    public const int MaxSections = 15;

    /// <summary>The furthest a list may start (0-based); a letter has far fewer questions.</summary>
    internal const int MaxFrom = 100_000;

    /// <param name="back">Button data to return to the results the letter was opened from, or null.</param>
    /// <param name="interactive">Buttons that talk to the bot.</param>
    /// <param name="from">The 0-based position of the first question or section listed (<c>brief &lt;id&gt; vanaf &lt;n&gt;</c>).</param>
    public static CardAnswer Create(Letter letter, string? summary, JsonObject? back, bool interactive = true, int from = 0)
    {
        var facts = new JsonArray();
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new JsonObject { ["name"] = name, ["value"] = TeamsMarkdown.Escape(CardText.Truncate(value, 300)) });
            }
        }
        Fact("Soort", letter.DocumentType);
        // A letter without a date: what the meeting it prepares says, as the search results show it (a visual review).
        Fact("Datum", DutchDates.FormatOrBound(letter.Date, letter.Meeting, letter.MeetingDate));
        Fact("Kamer", letter.Chamber);
        Fact("Kamerstuk", SearchResultsCard.Reference(letter.Dossier, letter.DocumentNumber));
        Fact("Ondertekend", letter.Signatories.Count > 0 ? string.Join("; ", letter.Signatories) : null);
        Fact("Id", letter.Id);

        var questions = letter.Passages.Where(p => p.Kind == PassageKind.QuestionAnswer).ToList();
        var isQa = questions.Count > 0;
        var entries = isQa
            ? questions.Select(QuestionLine).ToList()
            : letter.Passages.Where(p => p.Kind == PassageKind.Heading).Select(p => TeamsMarkdown.Escape(CardText.Truncate(p.Heading ?? p.Text, 200))).Where(s => s.Length > 0).ToList();
        // Past the last one ("vanaf 999"): the last parts, not "Vragen 48-48 van 48" alone (a QA pass).
        from = from >= entries.Count ? Math.Max(0, entries.Count - MaxSections) : Math.Max(0, from);
        var sections = new JsonArray();
        foreach (var entry in entries.Skip(from).Take(MaxSections))
        {
            sections.Add(new JsonObject { ["text"] = entry });
        }
        int rest = entries.Count - from - sections.Count;
        var next = from + sections.Count + 1; // the 1-based number the next part starts at
        var noun = isQa ? (rest == 1 ? "vraag" : "vragen") : (rest == 1 ? "onderdeel" : "onderdelen");
        var sourceUrl = CardLinks.IsSafeHttpUrl(letter.SourceUrl) ? letter.SourceUrl! : "";
        var cleanSummary = TeamsMarkdown.Escape(CardText.Truncate(summary, 1200));

        var data = new JsonObject
        {
            ["title"] = TeamsMarkdown.Escape(CardText.Truncate(letter.Title ?? letter.SourceFile, 250)),
            ["facts"] = facts,
            ["hasSummary"] = cleanSummary.Length > 0,
            ["summary"] = cleanSummary,
            ["hasSections"] = sections.Count > 0,
            ["sectionsHeading"] = (isQa ? "Vragen" : "Onderdelen")
                + (from > 0 ? $" {from + 1}-{from + sections.Count} van {entries.Count}" : isQa ? $" ({entries.Count})" : ""),
            ["sections"] = sections,
            ["hasMoreSections"] = rest > 0,
            ["moreSections"] = rest > 0 ? $"… en nog {rest} {noun}: typ `brief {letter.Id} vanaf {next}`." : "",
            ["hasNextSections"] = rest > 0 && interactive,
            ["nextSectionsTitle"] = isQa ? "Volgende vragen" : "Volgende onderdelen",
            // With the way back to the results, so the next card keeps "Terug naar resultaten" (a QA pass lost it).
            ["nextSections"] = ActionData.Command("brief", $"brief {letter.Id} vanaf {next}", ("id", letter.Id), ("from", next), ("back", back?.DeepClone())),
            ["hasSource"] = sourceUrl.Length > 0,
            ["sourceUrl"] = sourceUrl,
            ["interactive"] = interactive,
            ["hasBack"] = back is not null,
            ["back"] = back ?? new JsonObject(),
            ["similar"] = ActionData.Command("zoals", $"zoals {letter.Id}", ("id", letter.Id)),
        };
        return new CardAnswer(CardNames.Letter, data, letter.Title ?? letter.Id);
    }

    private static string QuestionLine(Passage p)
    {
        var label = "Vraag" + (p.QuestionNumber is { Length: > 0 } n ? " " + n : "") + (p.Party is { Length: > 0 } party ? " (" + party + ")" : "");
        var question = CardText.Truncate(p.Question ?? p.Text, 200);
        return $"**{TeamsMarkdown.Escape(label)}** {TeamsMarkdown.Escape(question)}";
    }
}
