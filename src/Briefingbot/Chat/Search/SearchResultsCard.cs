using Briefingbot.Dossiers.Text;
using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Chat.Search;

/// <summary>How a results card is shown.</summary>
/// <param name="Interactive">Buttons that talk to the bot ("Toon brief", paging). Off for message-extension cards, which are posted where the bot may not be.</param>
/// <param name="ShowHeader">The heading and count line. Off for a single inserted result.</param>
/// <param name="Heading">Overrides "Resultaten voor ‘…’" (plain text).</param>
/// <param name="Suggestion">A command the user may have meant (router), shown as "Bedoelde je …?".</param>
/// <param name="Compact">Shorter passages and no summaries, to stay under the card size limit.</param>
/// <param name="Notice">A line above the results that says how they were found, before the search's own notice
/// (the filters read from the text found nothing, so these are the typed words without them).</param>
public sealed record SearchCardOptions(bool Interactive = true, bool ShowHeader = true, string? Heading = null, string? Suggestion = null, bool Compact = false,
    string? Notice = null);

/// <summary>Builds the data of the <c>search-results</c> card from a page of search results.</summary>
public static class SearchResultsCard
{
    public static CardAnswer Create(SearchResponse response, SearchRequest request, SearchCardOptions options)
    {
        var hits = new JsonArray();
        var partialShown = false;
        var tierShown = -1;
        foreach (var hit in response.Hits)
        {
            var passages = PassagesOf(hit);
            var first = passages.Count > 0 ? passages[0] : null;
            string? label = null;
            if (first is { MatchesAllTerms: false, Words: > 0 } && response.QueryWords > 0)
            {
                // Partial matches in tiers: a line where each tier begins ("2 van je 3 zoekwoorden").
                label = first.Words != tierShown ? TierLabel(first.Words, response.QueryWords) : null;
                tierShown = first.Words;
            }
            else if (!partialShown && response.FullMatches > 0 && first is { MatchesAllTerms: false })
            {
                // The line that says the partial matches begin, once, where they begin (not when all are partial: the notice says so).
                label = PartialLabel;
                partialShown = true;
            }
            hits.Add(Hit(hit, passages, request, options.Compact, label));
        }

        var countLine = CountLine(response, request);
        var filters = DescribeFilters(request.Filters);
        if (filters.Length > 0)
        {
            countLine += " · " + filters;
        }

        // The caller's notice may quote what the user typed (a filter's value): escaped, the search's own is fixed text.
        var notice = string.Join(' ', new[] { TeamsMarkdown.Escape(options.Notice ?? ""), Notice(response.Relaxation) }.Where(n => n.Length > 0));
        var alsoSearched = AlsoSearchedLine(response.AlsoSearched);
        var data = new JsonObject
        {
            ["heading"] = TeamsMarkdown.Escape(options.Heading ?? Heading(request)),
            ["countLine"] = TeamsMarkdown.Escape(countLine),
            ["showHeader"] = options.ShowHeader,
            ["hasAlsoSearched"] = options.ShowHeader && alsoSearched.Length > 0,
            ["alsoSearched"] = TeamsMarkdown.Escape(alsoSearched),
            ["interactive"] = options.Interactive,
            ["hasNotice"] = notice.Length > 0,
            ["notice"] = notice,
            ["hasSuggestion"] = options.Suggestion is not null,
            ["suggestion"] = TeamsMarkdown.Escape(CardText.Truncate(options.Suggestion, 80)),
            ["hits"] = hits,
            ["hasPrevious"] = response.Page > 0,
            ["previous"] = response.Page > 0 ? request.WithPage(response.Page - 1).ToActionData("meer", "vorige") : new JsonObject(),
            ["hasMore"] = response.HasMore,
            ["more"] = response.HasMore ? request.WithPage(response.Page + 1).ToActionData("meer", "meer") : new JsonObject(),
        };
        return new CardAnswer(CardNames.SearchResults, data, $"{options.Heading ?? Heading(request)}: {countLine}");
    }

    /// <summary>
    /// "12 passages in 4 brieven · pagina 1 van 2". The page count comes from the totals and the search's page size,
    /// both the same on every page of one search, so it does not change between pages.
    /// </summary>
    public static string CountLine(SearchResponse response, SearchRequest request)
    {
        var byPassage = response.Unit == SearchUnit.Passages && response.TotalPassages > 0;
        var total = byPassage ? response.TotalPassages : response.TotalLetters;
        var pageSize = Math.Max(1, response.PageSize > 0 ? response.PageSize : request.Filters.PageSize ?? Math.Max(response.Hits.Count, 1));
        var pages = Math.Max(response.Page + 1, (total + pageSize - 1) / pageSize);
        var found = byPassage
            ? (total == 1 ? "1 passage" : $"{total} passages") + " in " + (response.TotalLetters == 1 ? "1 brief" : $"{response.TotalLetters} brieven")
            : total == 1 ? "1 brief" : $"{total} brieven";
        return pages <= 1 ? found + " gevonden" : $"{found} gevonden · pagina {response.Page + 1} van {pages}";
    }

    /// <summary>The hit's passages; a hit from a letter ranking has one, its best passage.</summary>
    private static IReadOnlyList<PassageHit> PassagesOf(LetterHit hit) =>
        hit.Passages.Count > 0
            ? hit.Passages
            : [new PassageHit(hit.BestPassage, RoleOf(hit.BestPassage), hit.BestPassage.Start, hit.BestPassage.End, hit.Snippet, hit.Score, 0, true,
                hit.BestPassage.Kind == PassageKind.QuestionAnswer && hit.BestPassage.Answer is { Length: > 0 } && hit.BestPassage.Question is { Length: > 0 } q
                    ? new QuestionContext(hit.BestPassage.Party, hit.BestPassage.QuestionNumber, q)
                    : null)];

    private static PassageRole RoleOf(Passage passage) => passage.Kind switch
    {
        PassageKind.Heading => PassageRole.Title,
        PassageKind.QuestionAnswer when passage.Answer is { Length: > 0 } => PassageRole.Answer,
        PassageKind.QuestionAnswer => PassageRole.Question,
        _ => PassageRole.Paragraph,
    };

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
        "some-terms" => "Geen passage bevat al je zoekwoorden zoals je ze typte; dit zijn de beste gedeeltelijke treffers.",
        "fuzzy" => "Geen exacte treffers; ik zocht ook op woorden die erop lijken.",
        LetterSearch.DossierListing => "Geen brief noemt dit nummer in de tekst; dit zijn de brieven in het dossier met dit nummer.",
        _ => "Geen exacte treffers; dit zijn de beste benaderingen.",
    };

    /// <summary>
    /// "Ook gezocht op: aanschaf, Europees Defensiefonds": the marked words the user did not type (synonyms, an
    /// abbreviation's other form, a typo's correction), so a passage without the typed word is not a riddle.
    /// </summary>
    internal static string AlsoSearchedLine(IReadOnlyList<string> forms) =>
        forms.Count == 0 ? "" : "Ook gezocht op: " + string.Join(", ", forms.Select(f => CardText.Truncate(f, 60)));

    private const string PartialLabel = "Minder passend: de passages hieronder bevatten niet al je zoekwoorden.";

    /// <summary>The line above a tier of partial matches.</summary>
    internal static string TierLabel(int words, int queryWords) => words >= queryWords
        ? "Minder passend: de passages hieronder bevatten je zoekwoorden niet allemaal zoals je ze typte (bijvoorbeeld als deel van een samenstelling)."
        : $"Minder passend: de passages hieronder bevatten {words} van je {queryWords} zoekwoorden.";

    private static JsonObject Hit(LetterHit hit, IReadOnlyList<PassageHit> passages, SearchRequest request, bool compact, string? partialLabel)
    {
        var sourceUrl = CardLinks.IsSafeHttpUrl(hit.SourceUrl) ? hit.SourceUrl! : "";
        var shown = new JsonArray();
        PassageHit? previous = null;
        foreach (var passage in passages)
        {
            shown.Add(PassageData(passage, compact, showContext: previous is null || !SameQuestion(previous, passage)));
            previous = passage;
        }
        return new JsonObject
        {
            ["partialStart"] = partialLabel is not null,
            ["partialLabel"] = partialLabel ?? string.Empty,
            ["title"] = TeamsMarkdown.Escape(CardText.Truncate(hit.Title ?? hit.SourceFile, 200)),
            ["meta"] = TeamsMarkdown.Escape(Meta(hit)),
            ["passages"] = shown,
            ["hasSource"] = sourceUrl.Length > 0,
            ["sourceUrl"] = sourceUrl,
            ["sourceTitle"] = sourceUrl.Contains("/dossier/", StringComparison.Ordinal) ? "Dossier" : "Bron", // short: three buttons fit on a phone (a visual review)
            ["showLetter"] = ActionData.Command("brief", $"brief {hit.LetterId}",
                ("id", hit.LetterId), ("back", request.ToActionData("meer", "terug"))),
            ["similar"] = ActionData.Command("zoals", $"zoals {hit.LetterId}", ("id", hit.LetterId)),
        };
    }

    /// <summary>
    /// One passage, shown once: its highlighted window, and for an answer the question it answers as one line of
    /// context ("Vraag 3 van de leden van de VVD-fractie: …").
    /// </summary>
    /// <summary>
    /// Whether <paramref name="next"/> answers the question that <paramref name="previous"/>, shown right above it, already
    /// showed: two parts of one answer, or a question and its answer. Then the question line is not repeated (a visual
    /// review: "Vraag 10 (PVV)" above each part of one answer).
    /// </summary>
    private static bool SameQuestion(PassageHit previous, PassageHit next)
    {
        if (next.Question is not { } q)
        {
            return false;
        }
        if (previous.Question is { } p)
        {
            return p.Number == q.Number && p.Party == q.Party && p.Text == q.Text;
        }
        return previous.Role == PassageRole.Question && q.Number is { Length: > 0 }
            && previous.Passage.QuestionNumber == q.Number && previous.Passage.Party == q.Party;
    }

    private static JsonObject PassageData(PassageHit passage, bool compact, bool showContext = true)
    {
        var snippet = passage.Snippet.Markdown is { Length: > 0 } md
            ? CardText.TruncateMarkdown(md, compact ? 300 : 700)
            : TeamsMarkdown.Escape(CardText.Truncate(passage.Passage.Text, compact ? 300 : 600));
        var context = showContext && passage.Question is { } q ? QuestionLine(q, compact ? 120 : 200) : "";
        var label = passage.Role switch
        {
            PassageRole.Answer => "**Antwoord:** ",
            PassageRole.Question => "**" + TeamsMarkdown.Escape(QuestionLabel(passage.Passage.QuestionNumber, passage.Passage.Party)) + ":** ",
            _ => "",
        };
        return new JsonObject
        {
            ["hasContext"] = context.Length > 0,
            ["context"] = context,
            ["text"] = label + snippet,
        };
    }

    /// <summary>
    /// "_Vraag 3 van de leden van de VVD-fractie:_ Hoe …" (Markdown). When the answer was found by the question's words
    /// alone, the question's marked window around them, so the user sees why the answer is there.
    /// </summary>
    internal static string QuestionLine(QuestionContext question, int max) =>
        "_" + TeamsMarkdown.Escape(QuestionLabel(question.Number, question.Party)) + ":_ "
        + (question.Marked is { Markdown.Length: > 0 } marked
            ? CardText.TruncateMarkdown(marked.Markdown, max + 40)
            : TeamsMarkdown.Escape(CardText.Truncate(question.Text, max)));

    private static string QuestionLabel(string? number, string? party)
    {
        var label = "Vraag" + (number is { Length: > 0 } n ? " " + n : "");
        return party is { Length: > 0 } p ? $"{label} van de leden van de {p}-fractie" : label;
    }

    /// <summary>The meta line of a hit; a letter without a date says what is known (the meeting it precedes).</summary>
    public static string Meta(LetterHit hit)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(hit.DocumentType)) parts.Add(hit.DocumentType);
        parts.Add(DutchDates.FormatOrBound(hit.Date, hit.Meeting, hit.MeetingDate));
        if (!string.IsNullOrWhiteSpace(hit.Chamber)) parts.Add(hit.Chamber);
        if (Reference(hit.Dossier, hit.DocumentNumber) is { Length: > 0 } reference) parts.Add("Kamerstuk " + reference);
        return CardText.Truncate(string.Join(" · ", parts), 300);
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
