using System.Data.Common;
using Dapper;

namespace Briefingbot.Storage.Database;

/// <summary>Dapper queries mapped row by row, so no global Dapper type maps or naming conventions are needed.</summary>
internal static class DbConnectionExtensions
{
    public static async Task<IReadOnlyList<T>> QueryRowsAsync<T>(
        this DbConnection connection, string sql, object? parameters, Func<DbRow, T> map, CancellationToken ct, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        return rows.Select(r => map(new DbRow((IDictionary<string, object?>)r))).ToList();
    }

    public static async Task<T?> QuerySingleRowAsync<T>(
        this DbConnection connection, string sql, object? parameters, Func<DbRow, T> map, CancellationToken ct, DbTransaction? transaction = null)
        where T : class
    {
        var rows = await connection.QueryRowsAsync(sql, parameters, map, ct, transaction);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<int> ExecuteAsync(this DbConnection connection, string sql, object? parameters, CancellationToken ct, DbTransaction? transaction = null) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));

    public static Task<T?> ScalarAsync<T>(this DbConnection connection, string sql, object? parameters, CancellationToken ct, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
}
