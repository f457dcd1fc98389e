using Briefingbot.Storage.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Tests.Storage;

/// <summary>The storage contract on SQLite: a database file in a fresh temp folder per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("briefingbot-store-").FullName;

    protected override Task<StoreDatabase> OpenDatabaseAsync() =>
        Task.FromResult<StoreDatabase>(new SqliteStoreDatabase(
            "Data Source=data/briefingbot.db", _directory, Time, NullLogger<SqliteStoreDatabase>.Instance));

    protected override Task DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_relative_database_path_is_resolved_against_the_content_root_and_its_folder_created()
    {
        var database = (SqliteStoreDatabase)Database;

        Assert.Equal(Path.Combine(_directory, "data", "briefingbot.db"), database.DatabasePath);
        Assert.True(Directory.Exists(Path.Combine(_directory, "data")));
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_foreign_keys_on()
    {
        await using var connection = await Database.OpenAsync();

        Assert.Equal("wal", await connection.ScalarAsync<string>("PRAGMA journal_mode", null, CancellationToken.None));
        Assert.Equal(1L, await connection.ScalarAsync<long>("PRAGMA foreign_keys", null, CancellationToken.None));
    }
}
