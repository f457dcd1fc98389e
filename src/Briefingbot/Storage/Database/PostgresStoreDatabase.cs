using System.Data.Common;
using Briefingbot.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Briefingbot.Storage.Database;

/// <summary>The shared PostgreSQL database (several instances). Connections come from one pooled NpgsqlDataSource.</summary>
public sealed class PostgresStoreDatabase : StoreDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStoreDatabase(string connectionString, TimeProvider timeProvider, ILogger<PostgresStoreDatabase> logger)
        : base(timeProvider, logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _dataSource = NpgsqlDataSource.Create(builder);
        logger.StorageOpened(StorageOptions.Postgres, $"{builder.Host}:{builder.Port}/{builder.Database}");
    }

    public override ISqlDialect Dialect => PostgresDialect.Instance;

    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    protected override string TimestampColumnType => "timestamptz";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct);

    protected override async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        // Instances starting together queue on a session advisory lock; the next one in finds the work done.
        // A session lock is released by the server if this process dies, so a crash never blocks the others.
        await connection.ExecuteAsync($"SELECT pg_advisory_lock({PostgresDialect.MigrationLockKey})", null, ct);
        try
        {
            await ApplyPendingMigrationsAsync(connection, ct);
        }
        finally
        {
            await connection.ExecuteAsync($"SELECT pg_advisory_unlock({PostgresDialect.MigrationLockKey})", null, CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
