namespace Briefingbot.Storage.Migrations;

/// <summary>
/// Brings the database schema up to date. Every store calls it (once per process, cheaply afterwards) before its first
/// query, so CLI verbs that run without hosted services still find their tables; the host also calls it at start-up
/// to fail fast on a bad connection string.
/// </summary>
public interface IStoreInitializer
{
    Task EnsureMigratedAsync(CancellationToken cancellationToken = default);
}
