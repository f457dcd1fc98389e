using System.Globalization;

namespace Briefingbot.Storage.Database;

/// <summary>
/// Converts values to the invariant text parameters both providers accept (see <see cref="ISqlDialect"/>) and back
/// from whatever the provider returns (SQLite: text/integer; Npgsql: DateTime, TimeSpan, bool, ...).
/// </summary>
internal static class DbValues
{
    // Fixed width, UTC, microseconds (PostgreSQL's precision): text comparison in SQLite orders like the instants,
    // and a value reads back equal on both providers.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? value) => value is { } v ? Timestamp(v) : null;

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static DateTimeOffset ToTimestamp(object? value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw Unexpected(value, "timestamp"),
    };

    public static DateTimeOffset? ToNullableTimestamp(object? value) => IsNull(value) ? null : ToTimestamp(value);

    public static DateOnly? ToDate(object? value) => value switch
    {
        null or DBNull => null,
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, "date"),
    };

    public static DateOnly ToRequiredDate(object? value) => ToDate(value) ?? throw Unexpected(value, "date");

    public static TimeOnly ToTime(object? value) => value switch
    {
        TimeOnly t => t,
        TimeSpan ts => TimeOnly.FromTimeSpan(ts),
        string s => TimeOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, "time"),
    };

    public static bool ToBool(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        _ => throw Unexpected(value, "boolean"),
    };

    public static bool? ToNullableBool(object? value) => IsNull(value) ? null : ToBool(value);

    public static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static int ToInt(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    public static double ToDouble(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public static string ToText(object? value) => value as string ?? throw Unexpected(value, "text");

    public static string? ToNullableText(object? value) => IsNull(value) ? null : ToText(value);

    public static TEnum ToEnum<TEnum>(object? value) where TEnum : struct, Enum => Enum.Parse<TEnum>(ToText(value));

    private static bool IsNull(object? value) => value is null or DBNull;

    private static InvalidCastException Unexpected(object? value, string kind) =>
        new($"Cannot read a {kind} from a database value of type {value?.GetType().Name ?? "null"}.");
}
