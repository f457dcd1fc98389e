using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>
/// A small in-memory ILetterSearch over fixed letters: a letter matches when one passage holds all query words
/// (case and accents folded), else when it holds any ("some-terms"). Until the real Lucene search is merged,
/// the handler tests run against this; it records the requests it got.
/// </summary>
public sealed class FakeLetterSearch : ILetterSearch
{
    public List<Letter> Letters { get; } = [.. SampleLetters.All()];

    public List<(string Query, SearchFilters? Filters, int Page)> Requests { get; } = [];

    /// <summary>Letters per page when the filters do not say (small, so paging is exercised with few letters).</summary>
    public int PageSize { get; set; } = 1;

    /// <summary>Makes SearchAsync wait for this task (message-extension time budget tests).</summary>
    public Task? Delay { get; set; }

    /// <summary>Makes SearchAsync throw (turn-error policy tests).</summary>
    public Exception? Failure { get; set; }

    public async Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default)
    {
        Requests.Add((query, filters, page));
        if (Delay is { } delay)
        {
            await delay.WaitAsync(cancellationToken);
        }
        if (Failure is { } failure)
        {
            throw failure;
        }
        var words = Regex.Split(CommandText.Fold(query), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
        var candidates = Letters.Where(l => Passes(l, filters)).ToList();
        var all = Match(candidates, words, requireAll: true);
        string? relaxation = null;
        if (all.Count == 0 && words.Count > 1)
        {
            all = Match(candidates, words, requireAll: false);
            relaxation = all.Count > 0 ? "some-terms" : null;
        }
        int size = filters?.PageSize ?? PageSize;
        var pageHits = all.Skip(page * size).Take(size).ToList();
        return new SearchResponse(query, pageHits, all.Count, page, (page + 1) * size < all.Count, relaxation,
            all.Count == 0 ? ["drones"] : []);
    }

    private static bool Passes(Letter l, SearchFilters? f) =>
        f is null
        || ((f.Dossier is null || (l.Dossier ?? "").Replace(" ", "") == f.Dossier.Replace(" ", ""))
            && (f.Chamber is null || l.Chamber == f.Chamber)
            && (f.From is null || (l.Date is { } d && d >= f.From))
            && (f.To is null || (l.Date is { } e && e <= f.To)));

    private static List<LetterHit> Match(List<Letter> letters, List<string> words, bool requireAll)
    {
        var hits = new List<LetterHit>();
        if (words.Count == 0)
        {
            return hits;
        }
        foreach (var letter in letters)
        {
            var best = letter.Passages
                .Select(p => (Passage: p, Count: words.Count(w => CommandText.Fold(p.Text).Contains(w, StringComparison.Ordinal))))
                .Where(x => requireAll ? x.Count == words.Count : x.Count > 0)
                .OrderByDescending(x => x.Count)
                .FirstOrDefault();
            if (best.Passage is null)
            {
                continue;
            }
            var markdown = best.Passage.Text;
            foreach (var w in words)
            {
                markdown = Regex.Replace(markdown, Regex.Escape(w), m => "**" + m.Value + "**", RegexOptions.IgnoreCase);
            }
            hits.Add(new LetterHit(letter.Id, letter.SourceFile, letter.Title, letter.DocumentType, letter.Date, letter.Chamber,
                letter.Dossier, letter.DocumentNumber, letter.SourceUrl, best.Passage,
                new Snippet(best.Passage.Text, [], markdown), best.Count, "Samenvatting van " + letter.Title + "."));
        }
        return hits;
    }

    public Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Letters.FirstOrDefault(l => l.Id == id || l.SourceFile == id
            || (l.Dossier is not null && l.DocumentNumber is not null && $"{l.Dossier.Replace(" ", "")}-{l.DocumentNumber}" == id.Replace(" ", ""))));

    public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default) =>
        Task.FromResult("Samenvatting van " + (Letters.FirstOrDefault(l => l.Id == letterId)?.Title ?? letterId) + ".");

    public Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedLetter>>(Letters.Select(l => new IndexedLetter(l.Id, l.Title, l.Date, l.Dossier, DateTimeOffset.UnixEpoch)).ToList());

    public Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new QueryCheck(true, 0, null));
}
