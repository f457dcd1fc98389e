using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Storage;

namespace Briefingbot.Tests.Briefings.Fakes;

public sealed class InMemoryTopicStore : ITopicStore
{
    private readonly Dictionary<string, Topic> _rows = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string name, string query) =>
        _rows[name] = new Topic(name, query, "admin", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    public Task<Topic?> GetAsync(string name, CancellationToken ct = default) => Task.FromResult(_rows.GetValueOrDefault(name));
    public Task<IReadOnlyList<Topic>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Topic>>(_rows.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    public Task UpsertAsync(Topic topic, CancellationToken ct = default) { _rows[topic.Name] = topic; return Task.CompletedTask; }
    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) => Task.FromResult(_rows.Remove(name));
}

public sealed class InMemoryPromiseRegister : IPromiseRegister
{
    private readonly List<PromiseRecord> _rows = [];

    /// <param name="start">Where the promise's sentence (<paramref name="what"/>) stands in its letter's text.</param>
    public void Add(long number, string letterId, string what, DateOnly? due, PromiseStatus status = PromiseStatus.Open, DateOnly? letterDate = null, string? phrase = null, DateTimeOffset? createdAt = null,
        int start = 0) =>
        _rows.Add(new PromiseRecord(number, $"k{number}", letterId, what, start, start == 0 ? 1 : start + what.Length, "de minister", what, phrase, due, 0.9, letterDate, status, null, createdAt ?? DateTimeOffset.UnixEpoch, createdAt ?? DateTimeOffset.UnixEpoch));

    /// <summary>A promise from the official register (key <c>tk:&lt;nummer&gt;</c>), as the sync writes it.</summary>
    public void AddOfficial(long number, string nummer, string sentence, DateOnly? due, DateOnly made, PromiseStatus status = PromiseStatus.Open, DateTimeOffset? updatedAt = null) =>
        _rows.Add(new PromiseRecord(number, "tk:" + nummer, "tk-toezegging-" + nummer, sentence, 0, 0, "Brekelmans, R.P. (minister van Defensie)", sentence,
            due is null ? null : "termijn volgens het toezeggingenregister", due, 1, made, status, null, DateTimeOffset.UnixEpoch, updatedAt ?? DateTimeOffset.UnixEpoch));

    public Task<IReadOnlyList<PromiseRecord>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PromiseRecord>>(_rows.ToList());
    public Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default) => Task.FromResult(_rows.FirstOrDefault(p => p.Number == number));
    public Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> promises, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task RemoveLetterAsync(string letterId, CancellationToken ct = default) => throw new NotSupportedException();
    private readonly List<PromiseStatusChange> _history = [];

    public Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        var index = _rows.FindIndex(r => r.Number == number);
        _rows[index] = _rows[index] with { Status = status, FulfilledBy = link, UpdatedAt = now };
        _history.Add(new PromiseStatusChange(number, status, link, changedBy, now));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PromiseStatusChange>>(_history.Where(h => h.Number == number).ToList());
}

public sealed class InMemoryMeetingRegister : IMeetingRegister
{
    private readonly List<MeetingRecord> _rows = [];
    private readonly List<MeetingSource> _sources = [];

    public void Add(string type, DateOnly start, DateOnly? end = null, params (string LetterId, bool? IsAfterLetter)[] letters)
    {
        var id = _rows.Count + 1;
        _rows.Add(new MeetingRecord(id, $"{type}|{start:yyyy-MM-dd}", type, start, end ?? start, null, null, MeetingOrigin.Extracted, false, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        _sources.AddRange(letters.Select(l => new MeetingSource(id, l.LetterId, type, 0, 1, l.IsAfterLetter)));
    }

    public Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingRecord>>(_rows.Where(m => (from is null || m.EndDate >= from) && (to is null || m.StartDate <= to) && (includeCancelled || !m.Cancelled)).ToList());

    public Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingSource>>(_sources.Where(s => s.MeetingId == meetingId).ToList());

    public Task<MeetingRecord?> GetAsync(long id, CancellationToken ct = default) => Task.FromResult(_rows.FirstOrDefault(m => m.Id == id));
    public Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> meetings, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task RemoveLetterAsync(string letterId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
    public Task MoveAsync(long id, long movedTo, DateTimeOffset now, CancellationToken ct = default) => throw new NotSupportedException();
}

/// <summary>The debates official promises were made in, by the promise's "letter" id.</summary>
public sealed class InMemoryOfficialPromiseSubjects : Briefingbot.Sources.Registers.IOfficialPromiseSubjects
{
    public Dictionary<string, string> Subjects { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, string>> SubjectsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyDictionary<string, string>>(Subjects);
}
