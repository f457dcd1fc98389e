namespace Briefingbot.Storage.Database;

/// <summary>A row read by Dapper as a column-name dictionary; stores map it to their records explicitly.</summary>
internal readonly struct DbRow(IDictionary<string, object?> values)
{
    public object? this[string column] =>
        values.TryGetValue(column, out var value) ? value : throw new KeyNotFoundException($"Column '{column}' is not in the result.");

    public string Text(string column) => DbValues.ToText(this[column]);

    public string? NullableText(string column) => DbValues.ToNullableText(this[column]);

    public long Long(string column) => DbValues.ToLong(this[column]);

    public long? NullableLong(string column) => this[column] is null or DBNull ? null : DbValues.ToLong(this[column]);

    public int Int(string column) => DbValues.ToInt(this[column]);

    public double Double(string column) => DbValues.ToDouble(this[column]);

    public bool Bool(string column) => DbValues.ToBool(this[column]);

    public bool? NullableBool(string column) => DbValues.ToNullableBool(this[column]);

    public DateTimeOffset Timestamp(string column) => DbValues.ToTimestamp(this[column]);

    public DateTimeOffset? NullableTimestamp(string column) => DbValues.ToNullableTimestamp(this[column]);

    public DateOnly Date(string column) => DbValues.ToRequiredDate(this[column]);

    public DateOnly? NullableDate(string column) => DbValues.ToDate(this[column]);

    public TimeOnly Time(string column) => DbValues.ToTime(this[column]);

    public TEnum Enum<TEnum>(string column) where TEnum : struct, System.Enum => DbValues.ToEnum<TEnum>(this[column]);
}
