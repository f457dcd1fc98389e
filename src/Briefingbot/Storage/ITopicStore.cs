namespace Briefingbot.Storage;

// Part of the storage contract. One implementation per provider (SQLite, PostgreSQL); one contract test suite runs against both.

public interface ITopicStore
{
    Task<Topic?> GetAsync(string name, CancellationToken ct = default);
    Task<IReadOnlyList<Topic>> ListAsync(CancellationToken ct = default);
    /// <summary>Insert or replace by name.</summary>
    Task UpsertAsync(Topic topic, CancellationToken ct = default);
    Task<bool> DeleteAsync(string name, CancellationToken ct = default);
}
