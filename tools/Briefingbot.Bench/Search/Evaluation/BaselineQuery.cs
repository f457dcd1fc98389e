using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>How the full-text baselines read a query: lower-cased runs of letters and digits; everything else (hyphens, apostrophes, %) separates words.</summary>
public static partial class BaselineQuery
{
    /// <summary>The distinct words of <paramref name="query"/> in typed order ("28-puntenplan" → "28", "puntenplan").</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        Word().Matches(query ?? string.Empty).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How terms are combined.</summary>
    public enum Combine
    {
        /// <summary>Any term (a disjunction), ranked by the system's score.</summary>
        Or,

        /// <summary>All terms (a conjunction), nothing when one is missing.</summary>
        And,
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
