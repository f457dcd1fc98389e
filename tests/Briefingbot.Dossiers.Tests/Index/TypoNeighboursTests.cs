using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>
/// The typo search is left out for a word with no term within its edits: that must never change an answer, so every
/// "no neighbour" must be a word for which Lucene's own fuzzy query finds no term.
/// </summary>
public sealed class TypoNeighboursTests : IDisposable
{
    private readonly TestIndex _index = new(parser: new LetterParser(), pageSize: 10);

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task No_word_ruled_out_has_a_term_the_fuzzy_query_would_find()
    {
        using var lease = await _index.SeedsAsync();
        var reader = lease.Searcher.IndexReader;
        var terms = TextTerms(reader).Where(t => t.Length >= 6 && t.All(char.IsAsciiLetterLower)).ToList();
        Assert.True(terms.Count > 1000, $"{terms.Count} terms");

        // Words a few edits away from the letters' words (typos, and words the letters do not use), and random letters.
        var random = new Random(20261206);
        var probes = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var word = terms[random.Next(terms.Count)];
            for (var edits = 1 + i % 4; edits > 0; edits--)
            {
                word = Edit(word, random);
            }
            probes.Add(word);
        }
        for (var i = 0; i < 200; i++)
        {
            probes.Add(new string(Enumerable.Range(0, 8 + random.Next(12)).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        }

        var (ruledOut, found) = (0, 0);
        foreach (var probe in probes.Where(p => p.Length >= 4).Distinct())
        {
            var edits = probe.Length >= 8 ? 2 : 1;
            var fuzzy = new FuzzyQuery(new Term(IndexFields.Text, probe), edits, prefixLength: 1, maxExpansions: 1000, transpositions: true);
            var expanded = lease.Searcher.Rewrite(fuzzy) switch
            {
                BooleanQuery boolean => boolean.Clauses.Count,
                TermQuery => 1,
                var other => throw new InvalidOperationException(other.GetType().Name),
            };
            var maybe = TypoNeighbours.MayHaveNeighbour(reader, probe, edits);
            if (!maybe)
            {
                ruledOut++;
                Assert.True(expanded == 0, $"'{probe}' was ruled out, but the fuzzy query finds {expanded} terms");
            }
            found += expanded > 0 ? 1 : 0;
        }
        // Both kinds are well represented, so the check is tested where it matters.
        Assert.True(ruledOut >= 100, $"only {ruledOut} probes ruled out");
        Assert.True(found >= 100, $"only {found} probes have a neighbour");
    }

    /// <summary>
    /// Random dictionaries in several segments, words edited near their ends as well as inside, small alphabets (many
    /// shared trigrams), letters with diacritics, and words of distinct letters (every trigram distinct: the bound
    /// is tight): no word the check rules out is one Lucene's fuzzy query expands.
    /// </summary>
    [Theory]
    [InlineData(1, "abcdefghijklmnopqrstuvwxyz", false)]
    [InlineData(2, "abcde", false)]
    [InlineData(3, "abcdefghijklmnopqrstuvwxyz", true)]
    [InlineData(4, "aeiouëïé", false)]
    public void No_ruled_out_word_is_expanded_by_the_fuzzy_query_on_random_dictionaries(int seed, string alphabet, bool distinctLetters)
    {
        var random = new Random(seed);
        string Word() => distinctLetters
            ? new string([.. "abcdefghijklmnopqrstuvwxyz".OrderBy(_ => random.Next()).Take(7 + random.Next(13))])
            : new string([.. Enumerable.Range(0, 5 + random.Next(14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        string Edited(string word, int edits)
        {
            for (var e = 0; e < edits; e++)
            {
                word = EditNearEnds(word, random, alphabet);
            }
            return word;
        }
        var bases = Enumerable.Range(0, 3000).Select(_ => Word()).ToList();
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            for (var i = 0; i < bases.Count; i++)
            {
                writer.AddDocument([new Lucene.Net.Documents.StringField(IndexFields.Text, Edited(bases[i], random.Next(4)), Lucene.Net.Documents.Field.Store.NO)]);
                if ((i + 1) % 1000 == 0)
                {
                    writer.Commit(); // several segments
                }
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        Assert.True(reader.Leaves.Count > 1);

        var ruledOut = 0;
        foreach (var probe in bases.Select(b => Edited(b, random.Next(5))).Where(p => p.Length is >= 4 and <= 30).Distinct())
        {
            var edits = probe.Length >= 8 ? 2 : 1;
            if (TypoNeighbours.MayHaveNeighbour(reader, probe, edits))
            {
                continue;
            }
            ruledOut++;
            var expanded = searcher.Rewrite(new FuzzyQuery(new Term(IndexFields.Text, probe), edits, 1, 1000, true));
            Assert.True(expanded is BooleanQuery { Clauses.Count: 0 }, $"'{probe}' was ruled out, but the fuzzy query expands to {expanded}");
        }
        Assert.True(ruledOut > 300, $"only {ruledOut} words ruled out");
    }

    private static string EditNearEnds(string word, Random random, string alphabet)
    {
        var at = random.Next(2) == 0
            ? random.Next(4) switch { 0 => 0, 1 => 1, 2 => Math.Max(0, word.Length - 2), _ => Math.Max(0, word.Length - 1) }
            : random.Next(word.Length);
        var letter = alphabet[random.Next(alphabet.Length)];
        return random.Next(4) switch
        {
            0 => word.Insert(Math.Min(at + random.Next(2), word.Length), letter.ToString()),
            1 when word.Length > 3 => word.Remove(at, 1),
            2 when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => string.Concat(word.AsSpan(0, at), letter.ToString(), word.AsSpan(at + 1)),
        };
    }

    [Fact]
    public async Task A_long_word_without_neighbours_is_searched_without_a_typo_expansion_and_a_typo_still_is()
    {
        using var lease = await _index.SeedsAsync();
        var reader = lease.Searcher.IndexReader;

        var nothing = await _index.Search.SearchAsync("blauwvintonijnquota");
        Assert.Empty(nothing.Passages);
        var typo = await _index.Search.SearchAsync("voortrekkesrol");
        Assert.Equal("fuzzy", typo.Relaxation);
        Assert.Contains(typo.Passages, p => p.Passage.Text.Contains("voortrekkersrol", StringComparison.Ordinal));

        Assert.False(TypoNeighbours.MayHaveNeighbour(reader, "blauwvintonijnquota", 2));
        Assert.True(TypoNeighbours.MayHaveNeighbour(reader, "voortrekkesrol", 2));
    }

    [Fact]
    public async Task The_search_builds_no_typo_query_for_a_word_without_neighbours_and_one_for_a_typo()
    {
        using var lease = await _index.SeedsAsync();
        var reader = lease.Searcher.IndexReader;
        string Built(string word) => new LetterQueryBuilder(_index.Index.Analyzer).Build(new WordNode(word), MatchMode.AllTermsFuzzy,
            new LetterQueryBuilder.Highlights(), term => reader.DocFreq(new Term(IndexFields.Text, term)) > 0, reader.DocFreq,
            reader.MaxDoc, (term, edits) => TypoNeighbours.MayHaveNeighbour(reader, term, edits))!.ToString();

        Assert.DoesNotContain("~", Built("blauwvintonijnquota"), StringComparison.Ordinal);
        Assert.Contains("~", Built("voortrekkesrol"), StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_and_words_outside_the_basic_plane_are_compared_by_code_point_as_lucene_does()
    {
        // "abcdefghijk𝑥𝑦" is two edits from "abcdefghijkop" in code points (what the fuzzy query counts), four in chars.
        const string Astral = "abcdefghijk\U0001D465\U0001D466";
        using var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            foreach (var term in new[] { Astral, "qrstuvwxyzamn", "verdedigingsbeleid", "zeestrijdkrachten" })
            {
                writer.AddDocument([new Lucene.Net.Documents.StringField(IndexFields.Text, term, Lucene.Net.Documents.Field.Store.NO)]);
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var table = TypoNeighbours.For(reader.Leaves.Single().AtomicReader);
        int Expanded(string word) => searcher.Rewrite(new FuzzyQuery(new Term(IndexFields.Text, word), 2, 1, 1000, true)) switch
        {
            BooleanQuery boolean => boolean.Clauses.Count,
            TermQuery => 1,
            _ => -1,
        };

        // A term with supplementary characters, the only one near the word: found by code point, as the fuzzy query does.
        Assert.True(Expanded("abcdefghijkop") > 0);
        Assert.True(table.MayHaveNeighbour("abcdefghijkop", 2));
        // A word with supplementary characters near an ordinary term: "maybe" (the fuzzy query finds "qrstuvwxyzamn").
        Assert.True(Expanded("qrstuvwxyza\U0001D467\U0001D468") > 0);
        Assert.True(table.MayHaveNeighbour("qrstuvwxyza\U0001D467\U0001D468", 2));
        // The segment stays checkable: a far word is still ruled out, and the fuzzy query agrees.
        Assert.Equal(0, Expanded("verdedigingsplan"));
        Assert.False(table.MayHaveNeighbour("verdedigingsplan", 2));
    }

    [Theory]
    [InlineData("ca", "abc", 2)] // unrestricted: a transposition and an insertion between (the restricted distance is 3)
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abcdef", "abdcef", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("streefcijfer", "streefcijfer", 0)]
    [InlineData("oekraine", "oekriane", 1)]
    public void Damerau_levenshtein_counts_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, TypoNeighbours.DamerauLevenshtein(a, b));
        Assert.Equal(expected, TypoNeighbours.DamerauLevenshtein(b, a));
    }

    private static List<string> TextTerms(IndexReader reader)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(IndexFields.Text)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                all.Add(terms.Term.Utf8ToString());
            }
        }
        return [.. all.Order(StringComparer.Ordinal)];
    }

    private static string Edit(string word, Random random)
    {
        var at = random.Next(word.Length);
        var letter = (char)('a' + random.Next(26));
        return random.Next(4) switch
        {
            0 => word.Insert(at, letter.ToString()),
            1 when word.Length > 4 => word.Remove(at, 1),
            2 when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => string.Concat(word.AsSpan(0, at), letter.ToString(), word.AsSpan(at + 1)),
        };
    }
}
