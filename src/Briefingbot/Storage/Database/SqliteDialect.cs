namespace Briefingbot.Storage.Database;

/// <summary>SQLite: everything is text or integer; write transactions are BEGIN IMMEDIATE, so writers are serialised.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Name => StorageOptions.Sqlite;

    public string Timestamp(string parameter) => parameter;

    public string Date(string parameter) => parameter;

    public string Time(string parameter) => parameter;

    public string Json(string parameter) => parameter;

    public string? SerializeLetterVersionsSql => null;

    public string NextLetterVersionSql =>
        "UPDATE store_counters SET value = value + 1 WHERE name = 'letter_version' RETURNING value";
}
