using System.Globalization;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Storage;

namespace Briefingbot.Tests.Administration.Fakes;

/// <summary>The promise register contract in memory (until the SQLite store is on main).</summary>
public sealed class InMemoryPromiseRegister : IPromiseRegister
{
    private readonly List<PromiseRecord> promises = [];
    private readonly List<PromiseStatusChange> history = [];

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public IReadOnlyList<PromiseRecord> All => promises;

    public Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> extracted, DateTimeOffset now, CancellationToken ct = default)
    {
        foreach (var p in extracted)
        {
            var i = promises.FindIndex(r => r.Key == p.Key);
            if (i < 0)
            {
                promises.Add(new PromiseRecord(promises.Count + 1, p.Key, letterId, p.Sentence, p.Start, p.End, p.Actor, p.What, p.DeadlinePhrase, p.DueDate,
                    p.Confidence, letterDate, PromiseStatus.Open, null, now, now));
            }
            else
            {
                // Refresh extracted facts; the status and its link are the admins' and stay.
                promises[i] = promises[i] with { Sentence = p.Sentence, Start = p.Start, End = p.End, Actor = p.Actor, What = p.What,
                    DeadlinePhrase = p.DeadlinePhrase, DueDate = p.DueDate, Confidence = p.Confidence, LetterDate = letterDate, UpdatedAt = now };
            }
        }
        return Task.CompletedTask;
    }

    public Task RemoveLetterAsync(string letterId, CancellationToken ct = default)
    {
        promises.RemoveAll(p => p.LetterId == letterId && !history.Any(h => h.Number == p.Number));
        return Task.CompletedTask;
    }

    public Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default) => Task.FromResult(promises.FirstOrDefault(p => p.Number == number));

    public Task<IReadOnlyList<PromiseRecord>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PromiseRecord>>(promises.ToList());

    public Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        var i = promises.FindIndex(p => p.Number == number);
        if (i >= 0)
        {
            promises[i] = promises[i] with { Status = status, FulfilledBy = status == PromiseStatus.Fulfilled ? link : null, UpdatedAt = now };
            history.Add(new PromiseStatusChange(number, status, link, changedBy, now));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PromiseStatusChange>>(history.Where(h => h.Number == number).OrderBy(h => h.ChangedAt).ToList());
}

/// <summary>The meeting register contract in memory (until the SQLite store is on main).</summary>
public sealed class InMemoryMeetingRegister : IMeetingRegister
{
    private readonly List<MeetingRecord> meetings = [];
    private readonly List<MeetingSource> sources = [];

    public IReadOnlyList<MeetingRecord> All => meetings;

    public static string KeyOf(string type, DateOnly start) => $"{type}|{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> extracted, DateTimeOffset now, CancellationToken ct = default)
    {
        foreach (var m in extracted)
        {
            var i = meetings.FindIndex(r => r.Key == m.Key);
            long id;
            if (i < 0)
            {
                id = meetings.Count + 1;
                meetings.Add(new MeetingRecord(id, m.Key, m.Type, m.StartDate, m.EndDate, m.Location, null, MeetingOrigin.Extracted, false, false, now, now));
            }
            else
            {
                id = meetings[i].Id;
                if (!meetings[i].AdminLocked && meetings[i].Origin == MeetingOrigin.Extracted)
                {
                    meetings[i] = meetings[i] with { EndDate = m.EndDate > meetings[i].EndDate ? m.EndDate : meetings[i].EndDate, Location = meetings[i].Location ?? m.Location, UpdatedAt = now };
                }
            }
            if (!sources.Any(s => s.MeetingId == id && s.LetterId == letterId && s.Start == m.Start))
            {
                sources.Add(new MeetingSource(id, letterId, m.MentionText, m.Start, m.End, m.IsAfterLetter));
            }
        }
        return Task.CompletedTask;
    }

    public Task RemoveLetterAsync(string letterId, CancellationToken ct = default)
    {
        sources.RemoveAll(s => s.LetterId == letterId);
        return Task.CompletedTask;
    }

    public Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = KeyOf(type, start);
        var i = meetings.FindIndex(r => r.Key == key);
        MeetingRecord record;
        if (i < 0)
        {
            record = new MeetingRecord(meetings.Count + 1, key, type, start, end, location, title, origin, false, origin == MeetingOrigin.Admin, now, now);
            meetings.Add(record);
        }
        else
        {
            record = meetings[i] with { EndDate = end, Location = location, Title = title, Origin = origin == MeetingOrigin.Admin ? origin : meetings[i].Origin,
                AdminLocked = meetings[i].AdminLocked || origin == MeetingOrigin.Admin, UpdatedAt = now };
            meetings[i] = record;
        }
        return Task.FromResult(record);
    }

    public Task<MeetingRecord?> GetAsync(long id, CancellationToken ct = default) => Task.FromResult(meetings.FirstOrDefault(m => m.Id == id));

    public Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default)
    {
        var i = meetings.FindIndex(m => m.Id == id);
        if (i >= 0)
        {
            meetings[i] = meetings[i] with { Cancelled = cancelled, UpdatedAt = now };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingRecord>>(meetings
            .Where(m => (from is null || m.EndDate >= from) && (to is null || m.StartDate <= to) && (includeCancelled || !m.Cancelled))
            .OrderBy(m => m.StartDate).ToList());

    public Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<MeetingSource>>(sources.Where(s => s.MeetingId == meetingId).ToList());
}
