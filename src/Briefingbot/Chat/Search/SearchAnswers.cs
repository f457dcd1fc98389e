using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary>
/// Runs a search for a chat turn and answers it: typing indicator, the search, then a results card, an empty
/// card with suggestions, or "no more results" for a page past the end. Shared by zoek, meer and zoals.
/// </summary>
public sealed class SearchAnswers(ILetterSearch search, IConversationState state, ChatResponder responder)
{
    /// <param name="remembered">The caller already stored <paramref name="request"/> as the conversation's last search
    /// (typed paging, which moves it in one step); it is not written again.</param>
    /// <returns>Whether results were shown (false: nothing found, or a page past the end).</returns>
    public async Task<bool> AnswerAsync(CommandContext context, SearchRequest request, CancellationToken cancellationToken, string? heading = null, string? excludeLetterId = null,
        bool remembered = false)
    {
        await context.Turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
        var response = await search.SearchAsync(request.Query, request.Filters, request.Page, cancellationToken).ConfigureAwait(false);
        if (excludeLetterId is not null)
        {
            var hits = response.Hits.Where(h => h.LetterId != excludeLetterId).ToList();
            response = response with { Hits = hits, TotalLetters = Math.Max(0, response.TotalLetters - (response.Hits.Count - hits.Count)) };
        }

        string? notice = null;
        if (response.Hits.Count == 0 && request is { Page: 0, Typed: { } typed } && excludeLetterId is null)
        {
            // Words read as a filter may have been meant as words ("militaire steun in 2026", "kamerstuk 30821 nr 321"):
            // when the filters find nothing, the whole text is searched as typed, without filters, and the card says so.
            var noFilters = new SearchFilters { PageSize = request.Filters.PageSize, Unit = request.Filters.Unit };
            var unfiltered = new SearchRequest(typed, noFilters, 0);
            var retried = await search.SearchAsync(unfiltered.Query, unfiltered.Filters, 0, cancellationToken).ConfigureAwait(false);
            var filterText = SearchResultsCard.DescribeFilters(request.Filters);
            // Only when the text as typed matches as a whole: a partial match finds the filter's own words ("drones van
            // 2023 tot 2024" showed a letter of 2023 without drones; "navo sinds 2030" marked "sinds"; a QA pass). Then
            // the search words alone, without the filter, come first.
            if (retried.Hits.Count > 0 && retried.Relaxation is null)
            {
                notice = $"Met het filter ‘{filterText}’ vond ik niets; dit zijn de treffers voor al je woorden, zonder filter.";
                (request, response) = (unfiltered, retried);
            }
            else if (request.Query.Trim().Length > 0 && request.Query != typed
                && await search.SearchAsync(request.Query, noFilters, 0, cancellationToken).ConfigureAwait(false) is { Hits.Count: > 0 } wordsAlone)
            {
                notice = $"Met het filter ‘{filterText}’ vond ik niets; dit zijn de treffers voor ‘{CardText.Truncate(request.Query, 80)}’ zonder filter.";
                (request, response) = (request with { Filters = noFilters }, wordsAlone);
            }
            else if (retried.Hits.Count > 0)
            {
                notice = $"Met het filter ‘{filterText}’ vond ik niets; dit zijn de treffers voor al je woorden, zonder filter.";
                (request, response) = (unfiltered, retried);
            }
        }

        // A page past the end is not remembered: "terug" would show it again, "vorige" the last page's neighbour (a review).
        if (context.Turn.Activity.Conversation?.Id is { } conversationId && !remembered && (response.Hits.Count > 0 || request.Page == 0))
        {
            await state.SetLastSearchAsync(conversationId, request, cancellationToken).ConfigureAwait(false);
        }

        if (response.Hits.Count > 0)
        {
            if (notice is null && UserQueryParser.IsShortened(request.Query))
            {
                // A pasted paragraph is searched by its first words: say so (a QA pass found it cut silently).
                notice = $"Je zoekvraag is lang; ik heb gezocht op de eerste {UserQueryParser.MaxLeaves} woorden.";
            }
            if (request.Ignored is { } ignored)
            {
                var unknown = string.Join(", ", ignored.Split(' ').Take(3).Select(o => $"‘{CardText.Truncate(o, 30)}’"));
                notice = (notice is null ? "" : notice + " ")
                    + $"Zoeken kent {unknown} niet; ik heb het overgeslagen. Filters typ je als woorden, bijvoorbeeld ‘sinds 2025’, ‘tot maart 2025’ of ‘dossier 21501-28’.";
            }
            // "Bedoelde je meer stand?" under full matches of "weer stand" (weerstand) contradicts the answer (a QA pass).
            // Only an exact answer (no typo reading, no partial step) outweighs the suggestion: "hlep" still offers help.
            var suggestion = context.SuggestionIsNearMiss && response.Relaxation is null && response.Passages.Any(p => p.MatchesAllTerms) ? null : context.Suggestion;
            var options = new SearchCardOptions(Heading: heading, Suggestion: suggestion, Notice: notice);
            var answer = SearchResultsCard.Create(response, request, options);
            // Long letters can push a page over the card limit: drop summaries and shorten passages first.
            if (context.SupportsCards && responder.RenderCard(answer) is { } card && CardRenderer.SizeOf(card) > 20 * 1024)
            {
                answer = SearchResultsCard.Create(response, request, options with { Compact = true });
            }
            await responder.SendAsync(context, answer, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (request.Page > 0 && response.TotalLetters > 0)
        {
            await responder.SendAsync(context, MessageCard.Create(
                "Geen resultaten meer",
                $"Er zijn geen verdere resultaten voor ‘{CardText.Truncate(request.Query, 80)}’.",
                MessageCard.Tone.Default,
                // Back to the last page as well, not only a fresh search (a QA pass); typed, that is "terug": the last
                // search stays on the last page with results.
                [("Vorige", request.WithPage(request.Page - 1).ToActionData("meer", "terug")),
                 ("Opnieuw vanaf het begin", request.WithPage(0).ToActionData("meer", "zoek " + request.Query))]), cancellationToken).ConfigureAwait(false);
            return false;
        }

        await responder.SendAsync(context, EmptyAnswer(request, response, context.Suggestion), cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static CardAnswer EmptyAnswer(SearchRequest request, SearchResponse response, string? suggestion)
    {
        var buttons = new List<(string, JsonObject)>();
        if (suggestion is not null)
        {
            buttons.Add((suggestion, ActionData.TypedText(suggestion)));
        }
        foreach (var s in response.Suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Take(3))
        {
            buttons.Add((CardText.Truncate(s, 60), ActionData.TypedText("zoek " + CardText.Truncate(s, 60))));
        }
        if (request.HasFilters && request.Query.Length > 0)
        {
            buttons.Add(("Zonder filters", ActionData.TypedText("zoek " + CardText.Truncate(request.Query, 100))));
        }
        buttons.Add(("help", ActionData.TypedText("help")));

        var what = request.Query.Length > 0 ? $"‘{CardText.Truncate(request.Query, 80)}’" : "deze filters";
        var filters = SearchResultsCard.DescribeFilters(request.Filters);
        var text = request.Query.Length == 0 && !request.HasFilters
            ? "Typ een paar woorden om te zoeken, bijvoorbeeld ‘zoek drones’."
            : UserQueryParser.WhyUnsearchable(request.Query) switch
            {
                // Say why, where the words themselves can find nothing (a QA pass: "de het een" and "🚀" were told to
                // check their spelling).
                UnsearchableReason.NoWords => "Je zoekopdracht bevat geen letters of cijfers om op te zoeken. Typ een paar woorden, bijvoorbeeld ‘zoek drones’.",
                UnsearchableReason.OnlyCommonWords => "Je zoekopdracht bevat alleen woorden die in bijna elke brief staan (zoals ‘de’ en ‘het’); daarop zoek ik niet. Typ een onderwerp, bijvoorbeeld ‘zoek drones’.",
                UnsearchableReason.OnlyExclusions => "Je zoekopdracht zegt alleen wat er niet in mag staan. Zet er een woord bij om op te zoeken, bijvoorbeeld ‘drones -oekraine’.",
                // "or leave out a filter" only where there is one (a visual review).
                _ => "Ik vond geen brieven" + (filters.Length > 0 ? $" ({filters})" : "") + ". Controleer de spelling"
                    + (filters.Length > 0 ? ", gebruik minder of andere woorden, of laat een filter weg." : " of gebruik minder of andere woorden."),
            };
        return MessageCard.Create(
            request.Query.Length == 0 && !request.HasFilters ? "Waar wil je op zoeken?" : $"Niets gevonden voor {what}",
            text,
            MessageCard.Tone.Warning,
            buttons,
            suggestion is not null ? "Bedoelde je:" : "Probeer:");
    }
}
