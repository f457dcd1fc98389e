using System.Text.Json.Nodes;
using Briefingbot.Chat.Search;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Cards;

/// <summary>How a results card is shown.</summary>
/// <param name="Interactive">Buttons that talk to the bot ("Toon brief", paging). Off for message-extension cards, which are posted where the bot may not be.</param>
/// <param name="ShowHeader">The heading and count line. Off for a single inserted result.</param>
/// <param name="Heading">Overrides "Resultaten voor ‘…’" (plain text).</param>
/// <param name="Suggestion">A command the user may have meant (router), shown as "Bedoelde je …?".</param>
/// <param name="Compact">Shorter passages and no summaries, to stay under the card size limit.</param>
public sealed record SearchCardOptions(bool Interactive = true, bool ShowHeader = true, string? Heading = null, string? Suggestion = null, bool Compact = false);

/// <summary>Builds the data of the <c>search-results</c> card from a page of search results.</summary>
public static class SearchResultsCard
{
    public static CardAnswer Create(SearchResponse response, SearchRequest request, SearchCardOptions options)
    {
        var hits = new JsonArray();
        foreach (var hit in response.Hits)
        {
            hits.Add(Hit(hit, request, options.Compact));
        }

        int pageSize = Math.Max(1, request.Filters.PageSize ?? Math.Max(response.Hits.Count, 1));
        int pages = Math.Max(response.Page + 1, (response.TotalLetters + pageSize - 1) / pageSize);
        var countLine = response.TotalLetters == 1
            ? "1 brief gevonden"
            : $"{response.TotalLetters} brieven gevonden · pagina {response.Page + 1} van {pages}";
        var filters = DescribeFilters(request.Filters);
        if (filters.Length > 0)
        {
            countLine += " · " + filters;
        }

        var notice = Notice(response.Relaxation);
        var data = new JsonObject
        {
            ["heading"] = CardText.EscapeMarkdown(options.Heading ?? Heading(request)),
            ["countLine"] = CardText.EscapeMarkdown(countLine),
            ["showHeader"] = options.ShowHeader,
            ["interactive"] = options.Interactive,
            ["hasNotice"] = notice.Length > 0,
            ["notice"] = notice,
            ["hasSuggestion"] = options.Suggestion is not null,
            ["suggestion"] = CardText.EscapeMarkdown(CardText.Truncate(options.Suggestion, 80)),
            ["hits"] = hits,
            ["hasPrevious"] = response.Page > 0,
            ["previous"] = response.Page > 0 ? request.WithPage(response.Page - 1).ToActionData("meer", "meer") : new JsonObject(),
            ["hasMore"] = response.HasMore,
            ["more"] = response.HasMore ? request.WithPage(response.Page + 1).ToActionData("meer", "meer") : new JsonObject(),
        };
        return new CardAnswer(CardNames.SearchResults, data, countLine);
    }

    /// <summary>"Resultaten voor ‘drones’" (the query cut to a readable length).</summary>
    public static string Heading(SearchRequest request) =>
        request.Query.Trim().Length > 0
            ? $"Resultaten voor ‘{CardText.Truncate(request.Query, 80)}’"
            : "Brieven";

    /// <summary>The filters in words: "dossier 21501-28, sinds 1 januari 2025".</summary>
    public static string DescribeFilters(SearchFilters f)
    {
        var parts = new List<string>();
        if (f.Dossier is { } d) parts.Add($"dossier {d}");
        if (f.DocumentType is { } t) parts.Add($"type {t}");
        if (f.Chamber is { } c) parts.Add(c);
        if (f.From is { } from && f.To is { } to) parts.Add($"van {DutchDates.Format(from)} tot en met {DutchDates.Format(to)}");
        else if (f.From is { } since) parts.Add($"sinds {DutchDates.Format(since)}");
        else if (f.To is { } until) parts.Add($"tot en met {DutchDates.Format(until)}");
        return string.Join(", ", parts);
    }

    private static string Notice(string? relaxation) => relaxation switch
    {
        null => "",
        "some-terms" => "Geen brief bevat al je zoekwoorden; dit zijn de beste gedeeltelijke treffers.",
        "fuzzy" => "Geen exacte treffers; ik zocht ook op woorden die erop lijken.",
        _ => "Geen exacte treffers; dit zijn de beste benaderingen.",
    };

    private static JsonObject Hit(LetterHit hit, SearchRequest request, bool compact)
    {
        var passage = hit.BestPassage;
        // The question and answer lines need the question's text; without it (an index written before it was stored)
        // the passage shows as plain text.
        bool isQuestion = passage.Kind == PassageKind.QuestionAnswer && !string.IsNullOrWhiteSpace(passage.Question);
        var questionLabel = "Vraag" + (passage.QuestionNumber is { Length: > 0 } n ? " " + n : "") + (passage.Party is { Length: > 0 } p ? " · " + p : "");
        var snippet = hit.Snippet.Markdown is { Length: > 0 } md
            ? CardText.TruncateMarkdown(md, compact ? 300 : 600)
            : CardText.EscapeMarkdown(CardText.Truncate(passage.Text, compact ? 300 : 500));
        var summary = compact ? "" : CardText.EscapeMarkdown(CardText.Truncate(hit.Summary, 500));
        var sourceUrl = CardLinks.IsSafeHttpUrl(hit.SourceUrl) ? hit.SourceUrl! : "";

        return new JsonObject
        {
            ["title"] = CardText.EscapeMarkdown(CardText.Truncate(hit.Title ?? hit.SourceFile, 200)),
            ["meta"] = CardText.EscapeMarkdown(Meta(hit.DocumentType, hit.Date, hit.Chamber, hit.Dossier, hit.DocumentNumber)),
            ["isQuestion"] = isQuestion,
            ["questionLabel"] = CardText.EscapeMarkdown(CardText.Truncate(questionLabel, 80)),
            ["question"] = isQuestion ? CardText.EscapeMarkdown(CardText.Truncate(passage.Question, compact ? 150 : 250)) : "",
            ["hasAnswer"] = isQuestion && !string.IsNullOrWhiteSpace(passage.Answer),
            ["answerStart"] = isQuestion ? CardText.EscapeMarkdown(CardText.Truncate(passage.Answer, compact ? 150 : 250)) : "",
            ["passage"] = snippet,
            ["hasSummary"] = summary.Length > 0,
            ["summary"] = summary,
            ["hasSource"] = sourceUrl.Length > 0,
            ["sourceUrl"] = sourceUrl,
            ["showLetter"] = ActionData.Command("brief", $"brief {hit.LetterId}",
                ("id", hit.LetterId), ("back", request.ToActionData("meer", "meer"))),
            ["similar"] = ActionData.Command("zoals", $"zoals {hit.LetterId}", ("id", hit.LetterId)),
        };
    }

    /// <summary>"Brief regering · 11 april 2025 · Tweede Kamer · Kamerstuk 22 112, nr. 4027".</summary>
    public static string Meta(string? type, DateOnly? date, string? chamber, string? dossier, string? number)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(type)) parts.Add(type);
        parts.Add(DutchDates.FormatOrUnknown(date));
        if (!string.IsNullOrWhiteSpace(chamber)) parts.Add(chamber);
        if (Reference(dossier, number) is { Length: > 0 } reference) parts.Add("Kamerstuk " + reference);
        return CardText.Truncate(string.Join(" · ", parts), 300);
    }

    /// <summary>"22 112, nr. 4027", "22 112" or "".</summary>
    public static string Reference(string? dossier, string? number) =>
        string.IsNullOrWhiteSpace(dossier) ? "" : string.IsNullOrWhiteSpace(number) ? dossier : $"{dossier}, nr. {number}";
}
