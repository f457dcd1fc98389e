namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface IAdminStore
{
    Task<bool> IsAdminAsync(string aadObjectId, CancellationToken ct = default);
    Task<IReadOnlyList<(string AadObjectId, string? Name)>> ListAsync(CancellationToken ct = default);
    /// <summary>Returns false if already an admin.</summary>
    Task<bool> AddAsync(string aadObjectId, string? name, string addedBy, CancellationToken ct = default);
    /// <summary>Returns false if not an admin.</summary>
    Task<bool> RemoveAsync(string aadObjectId, CancellationToken ct = default);
}
