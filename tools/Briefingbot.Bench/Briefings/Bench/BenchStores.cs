using System.Collections.Concurrent;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;

namespace Briefingbot.Briefings.Bench;

// In-memory registers and search used only by the bench-fanout command (subscriptions, references and the delivery
// ledger are the real SQLite store). Not registered in the host.

/// <summary>Registers with a realistic week: three Council meetings and a handful of open promises, no topics.</summary>
internal sealed class BenchRegisters(DateOnly today) : ITopicStore, IPromiseRegister, IMeetingRegister, ILetterSearch
{
    private readonly MeetingRecord[] _meetings =
    [
        new(1, "RBZ Defensie|x", MeetingTypes.RbzDefensie, today.AddDays(7), today.AddDays(7), "Brussel", null, MeetingOrigin.Extracted, false, false, default, default),
        new(2, "Ecofin|x", MeetingTypes.Ecofin, today.AddDays(18), today.AddDays(18), "Brussel", null, MeetingOrigin.Extracted, false, false, default, default),
        new(3, "ER|x", MeetingTypes.EuropeseRaad, today.AddDays(24), today.AddDays(25), "Brussel", null, MeetingOrigin.Extracted, false, false, default, default),
    ];

    private readonly PromiseRecord[] _promises = Enumerable.Range(1, 6).Select(i => new PromiseRecord(i, $"p{i}", "000_bench", "…", 0, 1, "de minister van Defensie",
        $"Het kabinet informeert de Kamer over de uitwerking van maatregel {i} van het Witboek Europese Defensie.", "voor de zomer",
        i % 2 == 0 ? today.AddDays(-i) : today.AddDays(i * 4), 0.9, today.AddDays(-200), PromiseStatus.Open, null, default, default)).ToArray();

    public Task<Topic?> GetAsync(string name, CancellationToken ct = default) => Task.FromResult<Topic?>(null);
    Task<IReadOnlyList<Topic>> ITopicStore.ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Topic>>([]);
    public Task UpsertAsync(Topic topic, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();

    Task<IReadOnlyList<PromiseRecord>> IPromiseRegister.ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<PromiseRecord>>(_promises);
    public Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default) => Task.FromResult(_promises.FirstOrDefault(p => p.Number == number));
    public Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> promises, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    Task IPromiseRegister.RemoveLetterAsync(string letterId, CancellationToken ct) => throw new NotSupportedException();
    public Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default) => throw new NotSupportedException();

    public Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> meetings, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    Task IMeetingRegister.RemoveLetterAsync(string letterId, CancellationToken ct) => throw new NotSupportedException();
    public Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    Task<MeetingRecord?> IMeetingRegister.GetAsync(long id, CancellationToken ct) => Task.FromResult(_meetings.FirstOrDefault(m => m.Id == id));
    public Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task MoveAsync(long id, long movedTo, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingRecord>>(_meetings.Where(m => (from is null || m.EndDate >= from) && (to is null || m.StartDate <= to)).ToList());
    public Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingSource>>([new MeetingSource(meetingId, "000_bench", "…", 0, 1, true)]);

    public Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SearchResponse(query, [], 0, page, false, null, []));
    public Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Letter?>(new Letter(id, id + ".txt", "", "", "Geannoteerde agenda Raad Buitenlandse Zaken Defensie", "Brief regering", today.AddDays(-10), "Tweede Kamer", "21 501-28", "300", [],
            "https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html", []));
    public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default) => Task.FromResult("");
    public Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<IndexedLetter>>([]);
    public Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default) => Task.FromResult(new QueryCheck(true, 0, null));
}
