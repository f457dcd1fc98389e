using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary><c>zoek &lt;woorden&gt;</c>, and any free text: keyword search with filters in plain words.</summary>
public sealed class SearchCommand(SearchAnswers answers, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["zoek", "zoeken", "search", "find"];

    public string Usage => "`zoek <woorden>`: zoek in Kamerbrieven (typ gerust alleen de woorden; `\"...\"` voor een vaste woordgroep, `-woord` om een woord uit te sluiten)";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var request = SearchQueryParser.Parse(context.Arguments);
        if (request.Query.Length == 0 && !request.HasFilters)
        {
            return responder.SendAsync(context, MessageCard.Create(
                "Waar wil je op zoeken?",
                "Typ na ‘zoek’ een paar woorden, bijvoorbeeld ‘zoek drones’ of ‘zoek Oekraïne sinds 2025’.",
                MessageCard.Tone.Default,
                [("zoek drones", ActionData.TypedText("zoek drones")), ("help", ActionData.TypedText("help"))]), cancellationToken);
        }
        return answers.AnswerAsync(context, request, cancellationToken);
    }
}
