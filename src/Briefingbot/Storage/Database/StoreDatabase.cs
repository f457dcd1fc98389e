using System.Data.Common;
using Briefingbot.Storage.Migrations;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Storage.Database;

/// <summary>
/// A provider's database: opens connections for the stores (schema migrated first) and applies the provider's
/// migrations. The stores themselves are written once against <see cref="Dialect"/>.
/// </summary>
public abstract class StoreDatabase : IStoreInitializer
{
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    protected StoreDatabase(TimeProvider timeProvider, ILogger logger)
    {
        TimeProvider = timeProvider;
        Logger = logger;
    }

    public abstract ISqlDialect Dialect { get; }

    /// <summary>The provider's migrations in version order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    protected TimeProvider TimeProvider { get; }

    protected ILogger Logger { get; }

    /// <summary>An open connection to an up-to-date schema. The caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        await EnsureMigratedAsync(ct);
        return await OpenConnectionAsync(ct);
    }

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }
        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>An open connection, without the migration check (used by the migrations themselves).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    /// <summary>Applies pending migrations, holding whatever lock the provider needs against other processes.</summary>
    protected abstract Task MigrateAsync(CancellationToken ct);

    /// <summary>The column type of schema_migrations.applied_at.</summary>
    protected abstract string TimestampColumnType { get; }

    /// <summary>
    /// Applies each pending migration in its own transaction together with its schema_migrations row, so a crash
    /// leaves either the whole migration or none of it. The "already applied?" check runs inside that transaction.
    /// </summary>
    protected async Task ApplyPendingMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {TimestampColumnType} NOT NULL)",
            null, ct);

        var current = 0;
        foreach (var migration in Migrations.OrderBy(m => m.Version))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var applied = await connection.ScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, ct, tx);
            if (applied == 0)
            {
                await connection.ExecuteAsync(migration.Sql, null, ct, tx);
                await connection.ExecuteAsync(
                    $"INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, {Dialect.Timestamp("@At")})",
                    new { migration.Version, migration.Name, At = DbValues.Timestamp(TimeProvider.GetUtcNow()) }, ct, tx);
                await tx.CommitAsync(ct);
                Logger.MigrationApplied(migration.Version, migration.Name, Dialect.Name);
            }
            else
            {
                await tx.CommitAsync(ct);
            }
            current = migration.Version;
        }
        Logger.SchemaUpToDate(Dialect.Name, current);
    }
}
