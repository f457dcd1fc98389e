using System.Text.Json;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Ingest;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// The passage-level judged set (tests/data/relevance/passages.json, rules in the README next to it): per query, the
/// judged units as verbatim quotes from the raw letters, resolved here to <c>[Start, End)</c> offsets. A quote matches
/// the file exactly except that any whitespace run in the quote matches any non-empty whitespace run in the file; it
/// must occur once (or, with <c>after</c>, first after a unique anchor). Anything missing or ambiguous fails the load.
/// </summary>
public sealed record PassageRelevanceSet(IReadOnlyList<PassageQuery> Queries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Loads <paramref name="path"/> and resolves every quote against the files in <paramref name="corpusDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A quote is missing or ambiguous, a file unknown, a grade invalid, a query without a grade-2 unit, or two units of a query overlap.</exception>
    public static PassageRelevanceSet Load(string path, string corpusDirectory)
    {
        var file = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException("Empty relevance file: " + path);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var queries = new List<PassageQuery>();
        foreach (var query in file.Queries ?? [])
        {
            if (string.IsNullOrWhiteSpace(query.Id) || string.IsNullOrWhiteSpace(query.Query) || !ids.Add(query.Id))
            {
                throw new InvalidDataException($"Query without id or text, or duplicate id: '{query.Id}' '{query.Query}'");
            }
            var units = new List<JudgedUnit>();
            foreach (var judged in query.Judged ?? [])
            {
                if (judged.Grade is not (1 or 2))
                {
                    throw new InvalidDataException($"{query.Id}: grade {judged.Grade} (must be 1 or 2) for quote '{judged.Quote}'");
                }
                var fileName = judged.File ?? throw new InvalidDataException($"{query.Id}: judged unit without file");
                if (!texts.TryGetValue(fileName, out var text))
                {
                    var full = Path.Combine(corpusDirectory, fileName);
                    if (Path.GetFileName(fileName) != fileName || !File.Exists(full))
                    {
                        throw new InvalidDataException($"{query.Id}: file '{fileName}' not found in {corpusDirectory}");
                    }
                    // Read exactly as the ingest reads it, so offsets agree with what the search reports.
                    text = CorpusFileReader.TryRead(full, out var problem)
                        ?? throw new InvalidDataException($"{query.Id}: file '{fileName}' unreadable: {problem}");
                    texts[fileName] = text;
                }
                var (start, end) = Resolve(text, judged.Quote ?? string.Empty, judged.After, $"{query.Id} in {fileName}");
                units.Add(new JudgedUnit(fileName, start, end, judged.Grade, judged.Quote!));
            }
            if (!units.Any(u => u.Grade == 2))
            {
                throw new InvalidDataException($"{query.Id}: no grade-2 unit");
            }
            for (var i = 0; i < units.Count; i++)
            {
                for (var j = i + 1; j < units.Count; j++)
                {
                    if (units[i].Overlaps(units[j].SourceFile, units[j].Start, units[j].End))
                    {
                        throw new InvalidDataException($"{query.Id}: judged units overlap: '{units[i].Quote}' and '{units[j].Quote}'");
                    }
                }
            }
            queries.Add(new PassageQuery(query.Id, query.Query, query.Need ?? string.Empty, units));
        }
        return new PassageRelevanceSet(queries);
    }

    /// <summary>
    /// Where <paramref name="quote"/> occurs in <paramref name="text"/>: <c>[start, end)</c>. Whitespace runs in the quote
    /// match any non-empty whitespace run; without <paramref name="after"/> the quote must occur exactly once, with it
    /// the anchor must occur exactly once and the first occurrence of the quote after it is taken.
    /// </summary>
    public static (int Start, int End) Resolve(string text, string quote, string? after, string context)
    {
        var pattern = Pattern(quote) ?? throw new InvalidDataException($"{context}: empty quote");
        var from = 0;
        if (!string.IsNullOrWhiteSpace(after))
        {
            var anchors = Pattern(after)!.Matches(text);
            if (anchors.Count != 1)
            {
                throw new InvalidDataException($"{context}: anchor '{after}' found {anchors.Count} times (must be once)");
            }
            from = anchors[0].Index + anchors[0].Length;
            var next = pattern.Match(text, from);
            return next.Success
                ? (next.Index, next.Index + next.Length)
                : throw new InvalidDataException($"{context}: quote not found after anchor '{after}': '{quote}'");
        }
        var matches = pattern.Matches(text);
        return matches.Count == 1
            ? (matches[0].Index, matches[0].Index + matches[0].Length)
            : throw new InvalidDataException($"{context}: quote found {matches.Count} times (must be once): '{quote}'");
    }

    private static Regex? Pattern(string quote)
    {
        var words = quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0
            ? null
            : new Regex(string.Join(@"\s+", words.Select(Regex.Escape)), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    private sealed record FileShape(List<QueryShape>? Queries);

    private sealed record QueryShape(string Id, string Query, string? Need, List<UnitShape>? Judged);

    private sealed record UnitShape(string? File, int Grade, string? Quote, string? After);
}

/// <summary>A judged query: the typed words, what the asker wants to know, and the judged units.</summary>
public sealed record PassageQuery(string Id, string Query, string Need, IReadOnlyList<JudgedUnit> Judged)
{
    /// <summary>The ideal ranking's grades: every judged unit, best first.</summary>
    public IReadOnlyList<int> IdealGrades() => Judged.Select(u => u.Grade).OrderDescending().ToList();
}

/// <summary>A judged sentence or short paragraph: <c>[Start, End)</c> in the raw text of <see cref="SourceFile"/>.</summary>
public sealed record JudgedUnit(string SourceFile, int Start, int End, int Grade, string Quote)
{
    /// <summary>Whether the span <c>[start, end)</c> of <paramref name="sourceFile"/> shares at least one character with this unit.</summary>
    public bool Overlaps(string sourceFile, int start, int end) =>
        string.Equals(SourceFile, sourceFile, StringComparison.Ordinal) && start < End && Start < end;
}
