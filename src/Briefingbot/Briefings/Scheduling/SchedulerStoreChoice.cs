namespace Briefingbot.Briefings.Scheduling;

/// <summary>Which Quartz job store this process uses (from configuration).</summary>
/// <param name="Kind"><c>sqlite</c>, <c>postgres</c> or <c>memory</c> (tests and benchmarks).</param>
/// <param name="ConnectionString">Connection string of Quartz's tables (empty for memory).</param>
public sealed record SchedulerStoreChoice(string Kind, string ConnectionString)
{
    /// <summary>PostgreSQL runs clustered: several instances share the triggers; Quartz refuses clustering on SQLite.</summary>
    public bool Clustered => Kind == "postgres";

    public static SchedulerStoreChoice From(Storage.StorageOptions storage, BriefingOptions options)
    {
        var storageProvider = string.IsNullOrWhiteSpace(storage.Provider) ? "sqlite" : storage.Provider;
        var kind = (string.IsNullOrWhiteSpace(options.SchedulerStore) ? storageProvider : options.SchedulerStore).Trim().ToLowerInvariant();
        if (kind is "postgresql" or "npgsql")
        {
            kind = "postgres";
        }
        if (kind is not ("sqlite" or "postgres" or "memory"))
        {
            throw new InvalidOperationException($"Briefings:SchedulerStore must be sqlite, postgres or memory, not '{kind}'.");
        }
        if (!string.IsNullOrWhiteSpace(options.SchedulerConnectionString) || kind == "memory")
        {
            return new SchedulerStoreChoice(kind, options.SchedulerConnectionString ?? "");
        }
        var storeConnection = storage.ConnectionString ?? Storage.StorageOptions.DefaultSqliteConnectionString;
        if (kind == "postgres")
        {
            return new SchedulerStoreChoice(kind, storeConnection);
        }
        // SQLite: Quartz serialises every operation and takes the database's write lock for it; a file of its
        // own keeps that lock away from the bot's store.
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storeConnection);
        var directory = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(builder.DataSource) ? "data/briefingbot.db" : builder.DataSource)) ?? ".";
        Directory.CreateDirectory(directory);
        return new SchedulerStoreChoice(kind, $"Data Source={Path.Combine(directory, "quartz.db")}");
    }
}
