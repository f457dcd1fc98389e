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

    public string Usage => "`brief <id> [vanaf <nr>]`: toon één brief met samenvatting en vragen of onderdelen (vanaf de vraag met dat volgnummer)";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = LetterIds.FromContext(context);
        // "brief <id> vanaf 16" (typed, or the "Volgende vragen" button): the questions from the 16th on (a QA pass: the
        // card said "… en nog 33 vragen" with no way to see them).
        var from = FromNumber(context, ref id);
        if (from is null)
        {
            // "brief <id> vanaf abc": say what "vanaf" wants rather than start at the first question (a QA pass).
            await responder.SendAsync(context, MessageCard.Create("Vanaf welke vraag?",
                $"Na ‘vanaf’ komt het volgnummer van een vraag of onderdeel, bijvoorbeeld ‘brief {CardText.Truncate(id, 60)} vanaf 16’.", MessageCard.Tone.Default), cancellationToken).ConfigureAwait(false);
            return;
        }
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
        await responder.SendAsync(context, LetterCard.Create(letter, summary, back, from: from.Value), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The 0-based position to list a letter's questions or sections from: the button's "from", or "vanaf &lt;n&gt;"
    /// after a typed id (taken off <paramref name="id"/>); 0 otherwise; null for "vanaf" without a number (the id is
    /// then taken off too).
    /// </summary>
    private static int? FromNumber(CommandContext context, ref string? id)
    {
        if (context.SubmitData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("from", out var f)
            && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var given))
        {
            return Math.Clamp(given - 1, 0, LetterCard.MaxFrom);
        }
        if (id?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, "vanaf" or "Vanaf", var number]
            && int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var typed))
        {
            id = first;
            return Math.Clamp(typed - 1, 0, LetterCard.MaxFrom);
        }
        if (id?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var letterId, "vanaf" or "Vanaf", ..])
        {
            id = letterId;
            return null;
        }
        return 0;
    }
}
