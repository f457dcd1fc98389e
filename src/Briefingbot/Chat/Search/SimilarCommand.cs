using Briefingbot.Cards;
using Briefingbot.Chat.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Search;

/// <summary>
/// <c>zoals &lt;id&gt;</c> ("Meer zoals dit"): letters related to a letter by its most distinctive terms and its
/// dossier (<see cref="ILetterSearch.FindSimilarAsync"/>). When nothing is related it says so plainly, never
/// "Niets gevonden voor ‘&lt;title words&gt;’".
/// </summary>
public sealed class SimilarCommand(ILetterSearch search, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["zoals", "vergelijkbaar", "similar"];

    public string Usage => "`zoals <id>`: brieven over hetzelfde onderwerp als een brief";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = LetterIds.FromContext(context);
        var letter = id is null ? null : await search.GetLetterAsync(id, cancellationToken).ConfigureAwait(false);
        if (letter is null)
        {
            await responder.SendAsync(context, LetterIds.UnknownLetter(id, "zoals"), cancellationToken).ConfigureAwait(false);
            return;
        }
        await context.Turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
        var response = await search.FindSimilarAsync(letter.Id, 0, cancellationToken).ConfigureAwait(false);
        var title = CardText.Truncate(letter.Title ?? letter.SourceFile, 80);
        if (response.Hits.Count == 0)
        {
            await responder.SendAsync(context, MessageCard.Create(
                "Geen vergelijkbare brieven",
                $"Ik vond geen andere brieven over hetzelfde onderwerp als ‘{title}’. Zoek met eigen woorden, bijvoorbeeld ‘zoek drones’.",
                MessageCard.Tone.Default,
                [("help", ActionData.TypedText("help"))]), cancellationToken).ConfigureAwait(false);
            return;
        }
        var request = new SearchRequest(response.Query, new SearchFilters { Unit = SearchUnit.Letters }, 0);
        var answer = SearchResultsCard.Create(response, request, new SearchCardOptions(Heading: $"Brieven zoals ‘{title}’"));
        await responder.SendAsync(context, answer, cancellationToken).ConfigureAwait(false);
    }
}
