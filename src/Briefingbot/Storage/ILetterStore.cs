namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

/// <summary>Letters in the shared store (scale-out). Version is a store-wide increasing number for change following.</summary>
public interface ILetterStore
{
    Task<bool> UpsertAsync(string sourceFile, string contentHash, string rawText, DateTimeOffset now, CancellationToken ct = default);
    Task<bool> MarkDeletedAsync(string sourceFile, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<StoredLetter>> ChangesSinceAsync(long version, int limit, CancellationToken ct = default);
    Task<IReadOnlyList<StoredLetter>> ListAsync(CancellationToken ct = default);
}
