using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface IMeetingRegister
{
    /// <summary>Merges extracted meetings by key, adding the letter as a source; never overwrites admin-locked rows.</summary>
    Task UpsertExtractedAsync(string letterId, IReadOnlyList<ExtractedMeeting> meetings, DateTimeOffset now, CancellationToken ct = default);
    Task RemoveLetterAsync(string letterId, CancellationToken ct = default);
    /// <summary>Adds or changes a meeting as an admin or import (sets AdminLocked for Admin origin).</summary>
    Task<MeetingRecord> UpsertAsync(string type, DateOnly start, DateOnly end, string? location, string? title, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>
    /// Adds or changes a meeting with its kind and date precision (same rules as the other overload: Admin locks, an
    /// import changes unlocked rows only). Example, a committee debate from the Tweede Kamer's open data:
    /// <c>UpsertAsync(MeetingEntry.OnDay(MeetingKind.TkCommitteeDebate, "Commissiedebat NAVO", day), MeetingOrigin.Imported, now)</c>;
    /// a summit known by its month: <c>MeetingEntry.InMonth(MeetingKind.NatoSummit, MeetingTypes.NavoTop, 2026, 7)</c>.
    /// The default implementation (for stores that predate kinds) keeps only type, dates, location and title.
    /// </summary>
    Task<MeetingRecord> UpsertAsync(MeetingEntry entry, MeetingOrigin origin, DateTimeOffset now, CancellationToken ct = default) =>
        UpsertAsync(entry.Type, entry.Normalised.Start, entry.Normalised.End, entry.Location, entry.Title, origin, now, ct);
    Task<MeetingRecord?> GetAsync(long id, CancellationToken ct = default);
    /// <summary>Cancels or restores a meeting (and locks it); a restored meeting that had moved keeps its letters again.</summary>
    Task SetCancelledAsync(long id, bool cancelled, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>
    /// An admin moved meeting <paramref name="id"/> to another date or type, which is meeting <paramref name="movedTo"/>
    /// (type and start date are a meeting's key): the old row is cancelled and locked, and its sources, now and after any
    /// re-extraction (which still finds the old date in the letters), count as the new meeting's
    /// (<see cref="SourcesAsync"/>). Meetings moved to the old one earlier follow it.
    /// </summary>
    Task MoveAsync(long id, long movedTo, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<MeetingRecord>> ListAsync(DateOnly? from = null, DateOnly? to = null, bool includeCancelled = false, CancellationToken ct = default);
    /// <summary>The letters that mention the meeting, or a meeting an admin moved to it (<see cref="MoveAsync"/>).</summary>
    Task<IReadOnlyList<MeetingSource>> SourcesAsync(long meetingId, CancellationToken ct = default);
}
