using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Tests.Administration.Fakes;

/// <summary>
/// A letter search over a handful of in-memory letters: a query "parses" unless it has unbalanced quotes or
/// parentheses or a dangling operator; it matches letters whose text holds any of its words (OR semantics).
/// </summary>
public sealed class FakeLetterSearch : ILetterSearch
{
    public List<Letter> Letters { get; } = [];

    public static Letter MakeLetter(string id, string text, DateOnly? date = null, string? title = null) =>
        new(id, id + ".txt", "hash-" + id, text, title ?? "Brief " + id, "Brief regering", date, "Tweede Kamer", null, null, [], $"https://example.org/{id}", []);

    public Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var trimmed = query.Trim();
        if (trimmed.Count(c => c == '"') % 2 == 1 || trimmed.Count(c => c == '(') != trimmed.Count(c => c == ')') ||
            trimmed.EndsWith(" OR", StringComparison.Ordinal) || trimmed.EndsWith(" AND", StringComparison.Ordinal))
        {
            return Task.FromResult(new QueryCheck(false, 0, "de zoekvraag is onvolledig"));
        }
        return Task.FromResult(new QueryCheck(true, Matching(trimmed).Count, null));
    }

    public Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Letters.FirstOrDefault(l => l.Id == id || l.SourceFile == id));

    public Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default)
    {
        var hits = Matching(query).Select(l => new LetterHit(l.Id, l.SourceFile, l.Title, l.DocumentType, l.Date, l.Chamber, l.Dossier, l.DocumentNumber,
            l.SourceUrl, new Passage(0, 0, l.RawText.Length, l.RawText), new Snippet(l.RawText, [], l.RawText), 1f, "")).ToList();
        var size = filters?.PageSize ?? 3;
        var pageHits = hits.Skip(page * size).Take(size).ToList();
        return Task.FromResult(new SearchResponse(query, pageHits, hits.Count, page, hits.Count > (page + 1) * size, null, []));
    }

    public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default) => Task.FromResult("");

    public Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedLetter>>(Letters.Select(l => new IndexedLetter(l.Id, l.Title, l.Date, l.Dossier, DateTimeOffset.UnixEpoch)).ToList());

    private List<Letter> Matching(string query)
    {
        var words = query.Replace("\"", " ", StringComparison.Ordinal).Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("OR" or "AND" or "NOT"))
            .ToList();
        return Letters.Where(l => words.Any(w => l.RawText.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}
