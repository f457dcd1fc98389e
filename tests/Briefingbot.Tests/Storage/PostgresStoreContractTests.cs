using Briefingbot.Storage.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Tests.Storage;

/// <summary>
/// The storage contract on a real PostgreSQL 15 server (BRIEFINGBOT_TEST_POSTGRES, or the loopback server of
/// scripts/start-postgres.sh): a fresh database per test.
/// </summary>
public sealed class PostgresStoreContractTests : StoreContractTests
{
    private string? _connectionString;

    protected override async Task<StoreDatabase> OpenDatabaseAsync()
    {
        _connectionString ??= await PostgresTestServer.CreateDatabaseAsync();
        return new PostgresStoreDatabase(_connectionString, Time, NullLogger<PostgresStoreDatabase>.Instance);
    }

    protected override async Task DeleteDatabaseAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }

    [Fact]
    public async Task Timestamps_dates_and_json_use_native_postgres_types()
    {
        await using var connection = await Database.OpenAsync();

        var types = (await Dapper.SqlMapper.QueryAsync<(string, string)>(connection, """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_name IN ('deliveries', 'promises', 'subscriptions', 'conversation_references')
              AND column_name IN ('claimed_at', 'due_date', 'time_of_day', 'reference_json', 'admin_changed')
            """)).ToDictionary(t => t.Item1, t => t.Item2);

        Assert.Equal("timestamp with time zone", types["claimed_at"]);
        Assert.Equal("date", types["due_date"]);
        Assert.Equal("time without time zone", types["time_of_day"]);
        Assert.Equal("jsonb", types["reference_json"]);
        Assert.Equal("boolean", types["admin_changed"]);
    }
}
