using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary>
/// <c>meer</c>: the next page of the last search. From a button the page and query come in the button's data
/// (so any old card still pages correctly); typed, it continues the conversation's last search.
/// </summary>
public sealed class MoreCommand(SearchAnswers answers, IConversationState state, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["meer", "volgende", "more", "next"];

    public string Usage => "`meer`: de volgende resultaten van je laatste zoekopdracht";

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

        var last = context.Turn.Activity.Conversation?.Id is { } id ? await state.GetLastSearchAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (last is null)
        {
            await responder.SendAsync(context, MessageCard.Create(
                "Er is nog geen zoekopdracht",
                "‘meer’ toont de volgende resultaten van je laatste zoekopdracht. Zoek eerst, bijvoorbeeld ‘zoek drones’.",
                MessageCard.Tone.Default,
                [("zoek drones", ActionData.TypedText("zoek drones"))]), cancellationToken).ConfigureAwait(false);
            return;
        }
        await answers.AnswerAsync(context, last.WithPage(last.Page + 1), cancellationToken).ConfigureAwait(false);
    }
}
