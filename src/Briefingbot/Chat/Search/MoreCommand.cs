using System.Text.RegularExpressions;
using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary>
/// <c>meer</c>: the next page of the last search; <c>vorige</c>: the page before it; <c>terug</c>: the page last shown
/// (back from a letter). From a button the page and query come in the button's data (so any old card still pages
/// correctly); typed, they continue the conversation's last search, which is what the text fallback of the buttons
/// tells a channel without cards to type (a QA pass: "Vorige: typ `meer`" paged forward). Words after the command
/// ("meer over navo") are a new search for those words, not ignored.
/// </summary>
public sealed partial class MoreCommand(SearchAnswers answers, IConversationState state, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["meer", "volgende", "more", "next", "vorige", "previous", "terug", "back"];

    public string Usage => "`meer`: de volgende resultaten van je laatste zoekopdracht; `vorige`: de resultaten ervoor; `terug`: terug naar de resultaten (na ‘brief’)";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.SubmitData is not null)
        {
            if (SearchRequest.TryRead(context.SubmitData, out var fromButton))
            {
                await answers.AnswerAsync(context, fromButton, cancellationToken).ConfigureAwait(false);
                return;
            }
            await responder.SendAsync(context, MessageCard.Create(
                "Deze knop werkt niet meer",
                "Ik kon niet lezen welke resultaten je wilde zien. Zoek opnieuw, bijvoorbeeld ‘zoek drones’.",
                MessageCard.Tone.Warning,
                [("help", ActionData.TypedText("help"))]), cancellationToken).ConfigureAwait(false);
            return;
        }

        var step = context.Command.ToLowerInvariant() switch
        {
            "vorige" or "previous" => -1,
            "terug" or "back" => 0,
            _ => 1,
        };
        if (Words(context.Arguments) is { Length: > 0 } words)
        {
            // "meer over navo", "vorige kabinet defensie": the user asks about those words.
            await answers.AnswerAsync(context, SearchQueryParser.Parse(words), cancellationToken).ConfigureAwait(false);
            return;
        }

        var conversationId = context.Turn.Activity.Conversation?.Id;
        // Read, then move the last search in one step; a turn that moved it first (two "meer" at once, a redelivered
        // message) makes this one read it again, so each gets the next page instead of the same one (a QA pass: four
        // "meer" at once showed pages 2, 2, 2, 3). Bounded: after a few lost races the page is shown anyway.
        for (var attempt = 0; ; attempt++)
        {
            var last = conversationId is null ? null : await state.GetLastSearchAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (last is null)
            {
                await responder.SendAsync(context, MessageCard.Create(
                    "Er is nog geen zoekopdracht",
                    "‘meer’, ‘vorige’ en ‘terug’ bladeren door de resultaten van je laatste zoekopdracht. Zoek eerst, bijvoorbeeld ‘zoek drones’.",
                    MessageCard.Tone.Default,
                    [("zoek drones", ActionData.TypedText("zoek drones"))]), cancellationToken).ConfigureAwait(false);
                return;
            }
            if (step == -1 && last.Page == 0)
            {
                await responder.SendAsync(context, MessageCard.Create(
                    "Dit is de eerste pagina",
                    "Er zijn geen resultaten vóór deze. Typ ‘meer’ voor de volgende.",
                    MessageCard.Tone.Default,
                    [("meer", ActionData.TypedText("meer"))]), cancellationToken).ConfigureAwait(false);
                return;
            }
            var next = last.WithPage(last.Page + step);
            if (step == 0 || attempt >= 4 || await state.TryAdvanceLastSearchAsync(conversationId!, last, next, cancellationToken).ConfigureAwait(false))
            {
                var moved = step != 0 && attempt < 4;
                if (!await answers.AnswerAsync(context, next, cancellationToken, remembered: moved).ConfigureAwait(false) && moved)
                {
                    // Past the end: the last search stays on the last page that had results.
                    await state.TryAdvanceLastSearchAsync(conversationId!, next, last, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
        }
    }

    /// <summary>The words typed after the command, without a leading "over"/"van"/"about"; a page number alone is none.</summary>
    private static string Words(string arguments)
    {
        var text = LeadingPreposition().Replace(arguments.Trim(), "");
        return text.All(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c)) ? "" : text;
    }

    [GeneratedRegex(@"^(?:over|van|about|on)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPreposition();
}
