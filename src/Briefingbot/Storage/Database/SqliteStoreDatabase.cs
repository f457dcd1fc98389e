using System.Data.Common;
using Briefingbot.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Storage.Database;

/// <summary>
/// The embedded SQLite database (one instance). WAL lets readers run while a writer writes; a busy timeout makes
/// concurrent writers wait instead of failing; write transactions are BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default),
/// which serialises them and avoids the deferred-upgrade deadlock.
/// </summary>
public sealed class SqliteStoreDatabase : StoreDatabase
{
    private const int BusyTimeoutMilliseconds = 15_000;
    private readonly string _connectionString;

    public SqliteStoreDatabase(string connectionString, string contentRoot, TimeProvider timeProvider, ILogger<SqliteStoreDatabase> logger)
        : base(timeProvider, logger)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            // A relative path means "next to the app's content", not the process's current directory.
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            var directory = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        DatabasePath = builder.DataSource;
        _connectionString = builder.ToString();
        logger.StorageOpened(StorageOptions.Sqlite, DatabasePath);
    }

    /// <summary>The resolved database file.</summary>
    public string DatabasePath { get; }

    public override ISqlDialect Dialect => SqliteDialect.Instance;

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    protected override string TimestampColumnType => "TEXT";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}", null, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        // Persistent per database file; cannot run inside a transaction.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL", null, ct);
        // Each migration runs in a BEGIN IMMEDIATE transaction that re-checks schema_migrations: two processes
        // starting on one file apply each migration once.
        await ApplyPendingMigrationsAsync(connection, ct);
    }
}
