using Briefingbot.Dossiers.Search;
using Briefingbot.Sources.Registers;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// Which official register promises (toezeggingen, no letter of their own) topic queries cover: each query against the
/// promise's sentence (text, number, ministry, status) and the subject of the debate it was made in, with the search's
/// analysis and its strict step (<see cref="ShortTextMatcher"/>), as letters are. One rule for the weekly briefing and
/// the register view <c>toezeggingen &lt;onderwerp&gt;</c> (a QA pass: the view filtered by letters only, so it never
/// showed a register promise the briefing of the same topic listed).
/// </summary>
public static class OfficialPromiseTopics
{
    public static async Task<HashSet<long>> MatchingAsync(
        IReadOnlyList<PromiseRecord> all, IReadOnlyList<string> queries, ILetterSearch search, IOfficialPromiseSubjects? officialSubjects, CancellationToken ct)
    {
        var official = all.Where(OfficialPromises.IsOfficial).ToList();
        if (official.Count == 0 || queries.Count == 0)
        {
            return [];
        }
        var subjects = officialSubjects is null ? null : await officialSubjects.SubjectsAsync(ct);
        using var matcher = new ShortTextMatcher(official
            .Select(p => p.Sentence + (subjects?.GetValueOrDefault(p.LetterId) is { } subject ? "\n" + subject : ""))
            .ToList(), await search.AbbreviationsAsync(ct));
        var numbers = new HashSet<long>();
        foreach (var query in queries)
        {
            foreach (var i in matcher.Matching(query))
            {
                numbers.Add(official[i].Number);
            }
        }
        return numbers;
    }
}
