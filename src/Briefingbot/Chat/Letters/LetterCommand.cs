using System.Text.Json;
using Briefingbot.Cards;
using Briefingbot.Chat.Search;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Letters;

/// <summary><c>brief &lt;id&gt;</c> and the "Toon brief" button: one letter with metadata, summary and its questions or sections.</summary>
public sealed class LetterCommand(ILetterSearch search, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["brief", "toon", "letter", "show"];

    public string Usage => "`brief <id>`: toon één brief met samenvatting en vragen of onderdelen";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = LetterIds.FromContext(context);
        var letter = id is null ? null : await search.GetLetterAsync(id, cancellationToken).ConfigureAwait(false);
        if (letter is null && id is not null && id.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, _])
        {
            // "brief 000_28c287220feeccd7 extra woorden": the id and words after it (a QA pass named the whole text
            // as an unknown id). Ids written with a space ("22 112-4027") were tried whole above.
            letter = await search.GetLetterAsync(first, cancellationToken).ConfigureAwait(false);
        }
        if (letter is null)
        {
            await responder.SendAsync(context, LetterIds.UnknownLetter(id), cancellationToken).ConfigureAwait(false);
            return;
        }
        var summary = await search.GetSummaryAsync(letter.Id, cancellationToken).ConfigureAwait(false);

        // "Terug naar resultaten": the button data is re-read and re-written, so forged data never reaches the card.
        System.Text.Json.Nodes.JsonObject? back = null;
        if (context.SubmitData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("back", out var b)
            && SearchRequest.TryRead(b, out var request))
        {
            back = request.ToActionData("meer", "zoek " + request.Query);
        }
        await responder.SendAsync(context, LetterCard.Create(letter, summary, back), cancellationToken).ConfigureAwait(false);
    }
}
