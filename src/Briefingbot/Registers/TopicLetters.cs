using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Letters;
using Briefingbot.Storage;

namespace Briefingbot.Registers;

/// <summary>The letters a topic (or free search words) covers, for filtering registers by topic.</summary>
/// <param name="Label">What the filter is, for the answer: "onderwerp defensie-eu" or "\"drones\"".</param>
/// <param name="LetterIds">Ids of the matching letters; null when the search is unavailable.</param>
/// <param name="PromiseNumbers">
/// The promises the topic covers, among those of <paramref name="LetterIds"/>: an extracted one when its own part of
/// the letter or its letter's title matches (<see cref="Promises.ExtractedPromiseTopics"/>), an official one by its
/// words. Null when not worked out (no promise register): then every promise of those letters counts.
/// </param>
public sealed record TopicFilter(string Label, IReadOnlySet<string>? LetterIds, string? Problem, IReadOnlySet<long>? PromiseNumbers = null);

public sealed class TopicLetters(
    ITopicStore topics,
    LetterLookup letters,
    ILogger<TopicLetters> logger,
    IPromiseRegister? promises = null,
    Sources.Registers.IOfficialPromiseSubjects? officialSubjects = null)
{
    private const int PageSize = 500;
    private const int MaxPages = 20;

    /// <summary>Resolves a topic name (or, if no topic has that name, the words as a search query) to letter ids.</summary>
    /// <param name="titles">Whether a letter's title covers its promises (false: only their own part of the letter).</param>
    public async Task<TopicFilter> ResolveAsync(string topicOrQuery, CancellationToken cancellationToken, bool titles = true)
    {
        var topic = await topics.GetAsync(topicOrQuery.Trim().ToLowerInvariant(), cancellationToken);
        var label = topic is null ? $"\"{topicOrQuery}\"" : $"onderwerp {topic.Name}";
        var query = topic?.Query ?? topicOrQuery;
        if (letters.Search is not { } search)
        {
            return new TopicFilter(label, null, "de zoekfunctie is nog niet beschikbaar");
        }
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var page = 0; page < MaxPages; page++)
            {
                var response = await search.SearchAsync(query, new SearchFilters { PageSize = PageSize, Unit = SearchUnit.Letters }, page, cancellationToken);
                // A relaxed answer ("some terms", fuzzy) is not what the topic says: only exact matches filter.
                if (response.Relaxation is not null)
                {
                    break;
                }
                ids.UnionWith(response.Hits.Select(h => h.LetterId));
                if (!response.HasMore)
                {
                    break;
                }
            }
            HashSet<long>? covered = null;
            if (promises is not null)
            {
                // Register promises have no letter of their own ("tk-toezegging-…"): the topic covers those whose text
                // or debate it matches, by the briefing's rule, so the view and the briefing of a topic agree.
                var all = await promises.ListAsync(cancellationToken);
                var official = await Promises.OfficialPromiseTopics.MatchingAsync(all, [query], search, officialSubjects, cancellationToken);
                // A promise read from a letter: where its own part of the letter matches, by the same rule.
                covered = await Promises.ExtractedPromiseTopics.MatchingAsync(all.Where(p => ids.Contains(p.LetterId)).ToList(), [query],
                    (id, ct) => search.GetLetterAsync(id, ct), search, cancellationToken, titles);
                covered.UnionWith(official);
                ids.UnionWith(all.Where(p => official.Contains(p.Number)).Select(p => p.LetterId));
            }
            return new TopicFilter(label, ids, null, covered);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TopicSearchFailed(logger, ex, query);
            return new TopicFilter(label, null, "de zoekvraag kon niet worden uitgevoerd");
        }
    }
}
