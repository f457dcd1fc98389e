namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// A system under evaluation: a query in, the passages it would show out, best first. Implementations return the
/// spans the user actually reads (a card's snippet window), not whole letters: spans longer than
/// <see cref="PassageScorer.MaxSpanLength"/> earn nothing.
/// </summary>
public interface IPassageRanker
{
    /// <summary>Short name printed in the table (e.g. "project search", "SQLite FTS5 OR").</summary>
    string Name { get; }

    /// <summary>At most <paramref name="k"/> spans for <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<RankedSpan>> RankAsync(string query, int k, CancellationToken cancellationToken = default);
}
