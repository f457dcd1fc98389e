using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Tests.Briefings.Fakes;

/// <summary>
/// A tiny stand-in for the Lucene search: a query "a OR b" matches letters whose text contains a or b
/// (case-insensitive). Enough to test which letters a briefing lists; the real search has its own tests.
/// </summary>
public sealed class FakeLetterSearch : ILetterSearch
{
    private readonly List<(Letter Letter, DateTimeOffset IngestedAt)> _letters = [];

    public void Add(string id, string title, string text, DateOnly? date, DateTimeOffset ingestedAt, string? url = null, DateOnly? meetingDate = null,
        IReadOnlyList<Passage>? passages = null)
    {
        var letter = new Letter(id, id + ".txt", "hash", text, title, "Brief regering", date, "Tweede Kamer", "21 501-28", "1", [], url ?? $"https://zoek.officielebekendmakingen.nl/{id}.html", passages ?? [])
        {
            Meeting = meetingDate is null ? null : title,
            MeetingDate = meetingDate,
        };
        _letters.Add((letter, ingestedAt));
    }

    public Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default)
    {
        var terms = query.Split(" OR ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.Trim('"')).ToList();
        var hits = _letters
            .Where(l => filters?.IngestedAfter is not { } after || l.IngestedAt > after)
            .Where(l => terms.Any(t => l.Letter.RawText.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Select(l => new LetterHit(l.Letter.Id, l.Letter.SourceFile, l.Letter.Title, l.Letter.DocumentType, l.Letter.Date, l.Letter.Chamber, l.Letter.Dossier,
                l.Letter.DocumentNumber, l.Letter.SourceUrl, new Passage(0, 0, 1, l.Letter.RawText), new Snippet("", [], ""), 1f, ""))
            .Take(filters?.PageSize ?? 3)
            .ToList();
        return Task.FromResult(new SearchResponse(query, hits, hits.Count, page, false, null, []));
    }

    public Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_letters.Select(l => l.Letter).FirstOrDefault(l => l.Id == id));

    public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default) => Task.FromResult("");

    public Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IndexedLetter>>(_letters.Select(l => new IndexedLetter(l.Letter.Id, l.Letter.Title, l.Letter.Date, l.Letter.Dossier, l.IngestedAt)).ToList());

    public Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default) => Task.FromResult(new QueryCheck(true, 0, null));
}
