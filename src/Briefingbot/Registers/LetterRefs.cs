using Briefingbot.Kernel.Letters;

namespace Briefingbot.Registers;

/// <summary>A letter as a register item links to it.</summary>
/// <param name="MeetingDate">The date of the meeting the letter's title names ("… RBZ Defensie van 1 december 2025"), if any.</param>
public sealed record LetterRef(string Id, string Title, DateOnly? Date, string? Url, DateOnly? MeetingDate = null);

/// <summary>Looks letters up once per answer (titles, dates, official links); unknown letters show their id.</summary>
public sealed class LetterRefs(LetterLookup lookup)
{
    private readonly Dictionary<string, LetterRef> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> raw = new(StringComparer.Ordinal);

    /// <summary>
    /// For a promise that leans on the sentence before it ("Hierover zal uw Kamer separaat worden geïnformeerd"), that
    /// sentence, at most <paramref name="max"/> characters (cut at its start); null otherwise or when the letter is not
    /// in the index.
    /// </summary>
    public async Task<string?> ContextAsync(string letterId, string sentence, int start, int max, CancellationToken cancellationToken)
    {
        if (!Promises.PromiseContext.LeansOnWhatCameBefore(sentence) || Sources.Registers.OfficialPromises.IsOfficialLetterId(letterId))
        {
            return null;
        }
        if (!raw.TryGetValue(letterId, out var text))
        {
            raw[letterId] = text = (await lookup.GetAsync(letterId, cancellationToken))?.RawText;
        }
        return Promises.PromiseContext.Of(sentence, text, start, max);
    }

    public async Task<LetterRef> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(id, out var known))
        {
            return known;
        }
        if (Sources.Registers.OfficialPromises.IsOfficialLetterId(id))
        {
            // A promise from the toezeggingenregister: its source is the register entry, not a letter.
            var (title, url) = Sources.Registers.OfficialPromises.Source(id);
            return cache[id] = new LetterRef(id, title, null, url);
        }
        var letter = await lookup.GetAsync(id, cancellationToken);
        var result = new LetterRef(id, letter?.Title ?? id, letter?.Date, letter?.SourceUrl, letter?.MeetingDate);
        cache[id] = result;
        return result;
    }
}
