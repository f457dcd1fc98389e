namespace Briefingbot.Storage;

/// <summary>Settings of the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqliteConnectionString = "Data Source=data/briefingbot.db";

    /// <summary><c>sqlite</c> (embedded, one instance) or <c>postgres</c> (shared, several instances).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Provider connection string. SQLite: a relative Data Source is resolved against the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether this instance follows the shared letter store into its own index. Unset: on for postgres (several
    /// instances share the letters), off for sqlite (one instance ingests its own corpus).
    /// </summary>
    public bool? FollowLetters { get; set; }

    /// <summary>How often the letter follower polls the store for changes.</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many claims of one (conversation, period) the delivery ledger allows before a Failed row stays failed.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    internal bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool ShouldFollowLetters => FollowLetters ?? IsPostgres;

    internal string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && IsSqlite ? DefaultSqliteConnectionString : ConnectionString ?? "";
}
