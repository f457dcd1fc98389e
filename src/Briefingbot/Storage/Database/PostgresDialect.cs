namespace Briefingbot.Storage.Database;

/// <summary>PostgreSQL: typed columns (timestamptz, date, time, jsonb) and a sequence for letter versions.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>Advisory lock keys (arbitrary constants, unique to this application).</summary>
    internal const long MigrationLockKey = 0x4272_6566_4d69_6701;
    internal const long LetterVersionLockKey = 0x4272_6566_4c65_7401;

    public string Name => StorageOptions.Postgres;

    public string Timestamp(string parameter) => $"CAST({parameter} AS timestamptz)";

    public string Date(string parameter) => $"CAST({parameter} AS date)";

    public string Time(string parameter) => $"CAST({parameter} AS time)";

    public string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    // A sequence hands out numbers at nextval, not at commit: without this lock, version 12 could commit before 11
    // and a follower that already moved past 12 would never see 11. Letter writes are rare; serialising them is cheap.
    public string? SerializeLetterVersionsSql => $"SELECT pg_advisory_xact_lock({LetterVersionLockKey})";

    public string NextLetterVersionSql => "SELECT nextval('letter_version_seq')";
}
