using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Briefings.Composition;

/// <summary>Looks each letter up once per briefing (meetings, promises and new letters often share letters).</summary>
internal sealed class LetterCache(ILetterSearch search)
{
    private readonly Dictionary<string, Letter?> _letters = new(StringComparer.Ordinal);

    public async Task<Letter?> GetAsync(string letterId, CancellationToken ct)
    {
        if (!_letters.TryGetValue(letterId, out var letter))
        {
            _letters[letterId] = letter = await search.GetLetterAsync(letterId, ct);
        }
        return letter;
    }

    public async Task<BriefingLetterLink> LinkAsync(string letterId, CancellationToken ct)
    {
        if (Sources.Registers.OfficialPromises.IsOfficialLetterId(letterId))
        {
            // An official register promise has no letter: its source is the register entry.
            var (title, url) = Sources.Registers.OfficialPromises.Source(letterId);
            return new BriefingLetterLink(letterId, title, url);
        }
        var letter = await GetAsync(letterId, ct);
        return new BriefingLetterLink(letterId, letter?.Title ?? letterId, letter?.SourceUrl);
    }
}
