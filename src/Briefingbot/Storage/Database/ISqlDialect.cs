namespace Briefingbot.Storage.Database;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ. Every store passes timestamps, dates, times and JSON as
/// invariant text parameters (<see cref="DbValues"/>); the dialect wraps a parameter reference in the cast its
/// column needs. SQLite keeps them as ISO text (which sorts like the instants), PostgreSQL casts to real types.
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>A timestamp parameter, e.g. <c>CAST(@now AS timestamptz)</c>.</summary>
    string Timestamp(string parameter);

    /// <summary>A calendar date parameter.</summary>
    string Date(string parameter);

    /// <summary>A local time-of-day parameter.</summary>
    string Time(string parameter);

    /// <summary>A JSON document parameter.</summary>
    string Json(string parameter);

    /// <summary>
    /// Run inside a write transaction of the letter store before taking a version: makes versions commit in the order
    /// they are taken, so a follower that has read up to version N never misses a smaller version committed later.
    /// Null when the provider's transactions already serialise writers.
    /// </summary>
    string? SerializeLetterVersionsSql { get; }

    /// <summary>Takes the next letter version (one row, one value).</summary>
    string NextLetterVersionSql { get; }
}
