using System.Text.Json;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// The old letter-level query set (tests/data/relevance/queries.json): per query, relevant passages identified by letter
/// and a distinctive phrase. Retired as a measure (it judged letters, not passages; see <see cref="PassageRelevanceSet"/>
/// for what <c>eval-search</c> reports); its queries remain part of the <c>bench-search</c> query mix.
/// </summary>
public sealed record RelevanceSet(IReadOnlyList<JudgedQuery> Queries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RelevanceSet Load(string path)
    {
        var file = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException("Empty relevance file: " + path);
        return new RelevanceSet(file.Queries);
    }

    private sealed record FileShape(List<JudgedQuery> Queries);
}

public sealed record JudgedQuery(string Id, string Query, IReadOnlyList<Judgment> Relevant)
{
    /// <summary>The grade of a returned passage: the best judgment of its letter whose phrase it contains, else 0.</summary>
    public int Grade(string letterId, string passageText, string rawSlice)
    {
        var grade = 0;
        string? text = null;
        string? raw = null;
        foreach (var judgment in Relevant)
        {
            if (judgment.Letter != letterId || judgment.Grade <= grade)
            {
                continue;
            }
            text ??= Normalize(passageText);
            raw ??= Normalize(rawSlice);
            var phrase = Normalize(judgment.Phrase);
            if (text.Contains(phrase, StringComparison.Ordinal) || raw.Contains(phrase, StringComparison.Ordinal))
            {
                grade = judgment.Grade;
            }
        }
        return grade;
    }

    /// <summary>The best grade per letter: the ideal answer shows each relevant letter once, with its best passage.</summary>
    public IReadOnlyList<int> IdealLetterGrades() =>
        Relevant.GroupBy(j => j.Letter).Select(g => g.Max(j => j.Grade)).OrderDescending().ToList();

    internal static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim().ToLowerInvariant();
}

public sealed record Judgment(string Letter, string Phrase, int Grade);
