using Briefingbot.Cards;

namespace Briefingbot.Chat.Search;

/// <summary>
/// <c>meer</c>: the next page of the last search. From a button the page and query come in the button's data
/// (so any old card still pages correctly); typed, it continues the conversation's last search.
/// </summary>
public sealed class MoreCommand(SearchAnswers answers, IConversationState state, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["meer", "volgende", "more", "next"];

    public string Usage => "`meer`: de volgende resultaten van je laatste zoekopdracht";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.SubmitData is not null)
        {
            if (SearchRequest.TryRead(context.SubmitData, out var fromButton))
            {
                return answers.AnswerAsync(context, fromButton, cancellationToken);
            }
            return responder.SendAsync(context, MessageCard.Create(
                "Deze knop werkt niet meer",
                "Ik kon niet lezen welke resultaten je wilde zien. Zoek opnieuw, bijvoorbeeld ‘zoek drones’.",
                MessageCard.Tone.Warning,
                [("help", ActionData.TypedText("help"))]), cancellationToken);
        }

        var last = context.Turn.Activity.Conversation?.Id is { } id ? state.GetLastSearch(id) : null;
        if (last is null)
        {
            return responder.SendAsync(context, MessageCard.Create(
                "Er is nog geen zoekopdracht",
                "‘meer’ toont de volgende resultaten van je laatste zoekopdracht. Zoek eerst, bijvoorbeeld ‘zoek drones’.",
                MessageCard.Tone.Default,
                [("zoek drones", ActionData.TypedText("zoek drones"))]), cancellationToken);
        }
        return answers.AnswerAsync(context, last.WithPage(last.Page + 1), cancellationToken);
    }
}
