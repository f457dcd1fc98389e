using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface IPromiseRegister
{
    /// <summary>Inserts new promises (by key) and refreshes extracted fields; never changes an admin-set status. Returns numbers.</summary>
    Task UpsertExtractedAsync(string letterId, DateOnly? letterDate, IReadOnlyList<ExtractedPromise> promises, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Removes extracted promises of a removed letter unless an admin changed them.</summary>
    Task RemoveLetterAsync(string letterId, CancellationToken ct = default);
    Task<PromiseRecord?> GetAsync(long number, CancellationToken ct = default);
    Task<IReadOnlyList<PromiseRecord>> ListAsync(CancellationToken ct = default);
    Task SetStatusAsync(long number, PromiseStatus status, string? link, string changedBy, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<PromiseStatusChange>> HistoryAsync(long number, CancellationToken ct = default);
}
