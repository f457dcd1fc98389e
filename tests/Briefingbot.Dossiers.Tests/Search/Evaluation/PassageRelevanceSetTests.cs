using System.Text.Json;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search.Evaluation;

public sealed class PassageRelevanceSetTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "bb-relevance-" + Guid.NewGuid().ToString("N"));

    public PassageRelevanceSetTests() => Directory.CreateDirectory(_corpus);

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    [Theory]
    [InlineData("passages.json", 60)]
    [InlineData("heldout.json", 30)]
    public void The_judged_set_loads_on_the_seeds_with_every_quote_at_its_place(string file, int minQueries)
    {
        var set = PassageRelevanceSet.Load(Path.Combine(RepoPaths.Relevance, file), RepoPaths.Seeds);

        Assert.True(set.Queries.Count >= minQueries, $"{set.Queries.Count} queries");
        Assert.All(set.Queries, q => Assert.Contains(q.Judged, u => u.Grade == 2));
        Assert.All(set.Queries, q => Assert.InRange(q.Query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 4));
        var texts = Directory.EnumerateFiles(RepoPaths.Seeds).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        foreach (var unit in set.Queries.SelectMany(q => q.Judged))
        {
            var slice = texts[unit.SourceFile][unit.Start..unit.End];
            Assert.Equal(Normalize(unit.Quote), Normalize(slice));
        }
    }

    [Fact]
    public void Every_quote_without_an_anchor_occurs_exactly_once_in_its_letter()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Relevance, "passages.json")));
        var checkedQuotes = 0;
        foreach (var unit in json.RootElement.GetProperty("queries").EnumerateArray().SelectMany(q => q.GetProperty("judged").EnumerateArray()))
        {
            if (unit.TryGetProperty("after", out _))
            {
                continue;
            }
            var text = File.ReadAllText(Path.Combine(RepoPaths.Seeds, unit.GetProperty("file").GetString()!));
            var words = unit.GetProperty("quote").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(Regex.Matches(text, string.Join(@"\s+", words.Select(Regex.Escape))));
            checkedQuotes++;
        }
        Assert.True(checkedQuotes > 400);
    }

    [Fact]
    public void Whitespace_in_a_quote_matches_any_whitespace_run_in_the_file()
    {
        var text = "Eerste zin.\n   Het kabinet\u00a0steunt\n\n  het voorstel. Einde.";

        var (start, end) = PassageRelevanceSet.Resolve(text, "Het kabinet steunt het voorstel.", null, "test");

        Assert.Equal("Het kabinet\u00a0steunt\n\n  het voorstel.", text[start..end]);
    }

    [Fact]
    public void A_missing_quote_fails_the_load_naming_the_query()
    {
        WriteLetter("a.txt", "Het kabinet steunt het voorstel.");
        var path = WriteSet("""{"id": "x1", "query": "steun", "judged": [{"file": "a.txt", "grade": 2, "quote": "Het kabinet steunt het plan."}]}""");

        var ex = Assert.Throws<InvalidDataException>(() => PassageRelevanceSet.Load(path, _corpus));

        Assert.Contains("x1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found 0 times", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_quote_fails_the_load_and_an_anchor_picks_the_occurrence_after_it()
    {
        WriteLetter("a.txt", "Vraag 1\nAntwoord\nZie de brief.\nVraag 2\nAntwoord\nZie de brief.\n");
        var ambiguous = WriteSet("""{"id": "x1", "query": "brief", "judged": [{"file": "a.txt", "grade": 2, "quote": "Zie de brief."}]}""");
        var anchored = WriteSet("""{"id": "x1", "query": "brief", "judged": [{"file": "a.txt", "grade": 2, "quote": "Zie de brief.", "after": "Vraag 2"}]}""");

        var ex = Assert.Throws<InvalidDataException>(() => PassageRelevanceSet.Load(ambiguous, _corpus));
        var unit = PassageRelevanceSet.Load(anchored, _corpus).Queries[0].Judged[0];

        Assert.Contains("found 2 times", ex.Message, StringComparison.Ordinal);
        Assert.Equal(48, unit.Start);
        Assert.Equal(61, unit.End);
    }

    [Theory]
    [InlineData("""{"id": "x1", "query": "q", "judged": [{"file": "a.txt", "grade": 1, "quote": "Eerste zin."}]}""", "no grade-2 unit")]
    [InlineData("""{"id": "x1", "query": "q", "judged": [{"file": "a.txt", "grade": 3, "quote": "Eerste zin."}]}""", "grade 3")]
    [InlineData("""{"id": "x1", "query": "q", "judged": [{"file": "b.txt", "grade": 2, "quote": "Eerste zin."}]}""", "not found")]
    [InlineData("""{"id": "x1", "query": "q", "judged": [{"file": "a.txt", "grade": 2, "quote": "Eerste zin. Tweede"}, {"file": "a.txt", "grade": 1, "quote": "Tweede zin."}]}""", "overlap")]
    public void A_set_that_breaks_the_rules_does_not_load(string query, string expected)
    {
        WriteLetter("a.txt", "Eerste zin. Tweede zin.");

        var ex = Assert.Throws<InvalidDataException>(() => PassageRelevanceSet.Load(WriteSet(query), _corpus));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private void WriteLetter(string name, string text) => File.WriteAllText(Path.Combine(_corpus, name), text);

    private string WriteSet(string query)
    {
        var path = Path.Combine(_corpus, $".set-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"queries\": [" + query + "]}");
        return path;
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
