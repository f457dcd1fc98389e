using Briefingbot.Cards;
using Briefingbot.Chat.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Chat.Search;

/// <summary><c>zoals &lt;id&gt;</c> ("Meer zoals dit"): letters on the same subject, found with the letter's own title words.</summary>
public sealed class SimilarCommand(ILetterSearch search, SearchAnswers answers, ChatResponder responder) : ICommandHandler
{
    // Words that say nothing about a letter's subject; they would only add noise to the query.
    private static readonly HashSet<string> StopWords =
    [
        "de", "het", "een", "en", "van", "voor", "over", "met", "op", "in", "aan", "bij", "tot", "naar", "om", "te", "uit", "door",
        "inzake", "betreft", "brief", "kamerbrief", "regering", "verslag", "nota", "vragen", "antwoorden", "antwoord", "schriftelijk",
        "overleg", "aanleiding", "n.a.v.", "naar", "als", "of", "die", "dat", "ten", "behoeve", "kabinetsappreciatie",
    ];

    private static readonly char[] TitleSeparators = [' ', ',', ':', ';', '(', ')', '"', '\'', '–', '-', '/'];

    public IReadOnlyList<string> Names { get; } = ["zoals", "vergelijkbaar", "similar"];

    public string Usage => "`zoals <id>`: brieven over hetzelfde onderwerp als een brief";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = LetterIds.FromContext(context);
        var letter = id is null ? null : await search.GetLetterAsync(id, cancellationToken).ConfigureAwait(false);
        if (letter is null)
        {
            await responder.SendAsync(context, LetterIds.UnknownLetter(id), cancellationToken).ConfigureAwait(false);
            return;
        }
        var words = (letter.Title ?? "")
            .Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !StopWords.Contains(CommandText.Fold(w)) && !w.Any(char.IsDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(6)
            .ToList();
        if (words.Count == 0)
        {
            await responder.SendAsync(context, MessageCard.Create(
                "Geen vergelijkbare brieven",
                "Deze brief heeft geen titel om mee te zoeken. Zoek met eigen woorden, bijvoorbeeld ‘zoek drones’."), cancellationToken).ConfigureAwait(false);
            return;
        }
        var request = new SearchRequest(string.Join(' ', words), new SearchFilters { Unit = SearchUnit.Letters }, 0);
        await answers.AnswerAsync(context, request, cancellationToken,
            heading: $"Brieven zoals ‘{CardText.Truncate(letter.Title, 80)}’", excludeLetterId: letter.Id).ConfigureAwait(false);
    }
}
