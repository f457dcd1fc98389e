using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Partial matches rank by how many of the words they hold first (all but one, then one fewer, ...), BM25 inside
/// each tier; a tier is searched only while the tiers above hold fewer than <see cref="LetterSearch.PartialTierStop"/>
/// passages, and every page of one search counts the same.
/// </summary>
public sealed class PartialTierTests : IDisposable
{
    private readonly TestIndex _index = new(pageSize: 10);

    public void Dispose() => _index.Dispose();

    private const string Header = "Type: Brief regering\nDatum: 2025-04-11\nKamer: Tweede Kamer\nDossier: 30 821\nNr: 1\n\n";

    /// <summary>
    /// Filler paragraphs that make "vitale" and "infrastructuur" common words (low weight), "havens" rare. Each has a
    /// reference of its own, so none is a repeat of another (a repeated paragraph is searched once).
    /// </summary>
    private static string Common(int count) => string.Join("\n\n", Enumerable.Range(0, count).Select(i =>
        $"Paragraaf {i}: de bescherming van vitale infrastructuur vraagt om samenwerking tussen ministeries, provincies en gemeenten; "
        + $"kenmerk k{i}a k{i}b k{i}c k{i}d k{i}e k{i}f k{i}g k{i}h."));

    [Fact]
    public async Task A_passage_with_more_of_the_words_ranks_before_one_with_fewer_whatever_its_bm25()
    {
        _index.WriteLetter("haven.txt", "Titel: Kort bericht\n" + Header + "Havens, havens en nog eens havens.\n");
        _index.WriteLetter("lang.txt", "Titel: Lange brief\n" + Header
            + "Deze lange alinea noemt onder veel meer ook de vitale functies van het land, zoals de energievoorziening, de drinkwatervoorziening, het betalingsverkeer, de telecommunicatie en de digitale infrastructuur van overheid en bedrijfsleven, die samen de basis vormen voor de weerbaarheid van de samenleving in tijden van crisis en conflict.\n");
        _index.WriteLetter("vul.txt", "Titel: Andere brief\n" + Header + Common(6) + "\n");
        await _index.IngestAsync();

        var response = await _index.Search.SearchAsync("vitale infrastructuur havens");

        Assert.Equal(0, response.FullMatches);
        var order = response.Passages.Select(p => p.Passage.Text).ToList();
        var twoWords = order.FindIndex(t => t.StartsWith("Deze lange alinea", StringComparison.Ordinal));
        var oneWord = order.FindIndex(t => t.StartsWith("Havens,", StringComparison.Ordinal));
        Assert.True(twoWords >= 0 && oneWord >= 0, string.Join(" | ", order));
        // Every filler paragraph holds two of the three words too: all of them come before the one-word passage.
        Assert.Equal(order.Count - 1, oneWord);
        Assert.True(twoWords < oneWord);
        Assert.Equal(3, response.QueryWords);
        Assert.Equal(1, response.Passages[oneWord].Words);
        Assert.All(response.Passages.Take(oneWord), p => Assert.Equal(2, p.Words));
    }

    [Fact]
    public async Task Passages_with_fewer_words_are_left_out_when_a_hundred_hold_all_but_one()
    {
        _index.WriteLetter("haven.txt", "Titel: Kort bericht\n" + Header + "Havens, havens en nog eens havens.\n");
        _index.WriteLetter("vul.txt", "Titel: Andere brief\n" + Header + Common(LetterSearch.PartialTierStop) + "\n");
        await _index.IngestAsync();

        var first = await _index.Search.SearchAsync("vitale infrastructuur havens");
        Assert.Equal(LetterSearch.PartialTierStop, first.TotalPassages);
        var seen = new List<string>();
        var last = first;
        for (var page = 0; page < 20; page++)
        {
            last = await _index.Search.SearchAsync("vitale infrastructuur havens", page: page);
            Assert.Equal(first.TotalPassages, last.TotalPassages);
            seen.AddRange(last.Passages.Select(p => p.Passage.Text));
            if (!last.HasMore)
            {
                break;
            }
        }
        Assert.False(last.HasMore);
        Assert.Equal(LetterSearch.PartialTierStop, seen.Count);
        Assert.DoesNotContain(seen, t => t.StartsWith("Havens,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_a_hundred_the_next_tier_follows_and_is_counted()
    {
        _index.WriteLetter("haven.txt", "Titel: Kort bericht\n" + Header + "Havens, havens en nog eens havens.\n");
        _index.WriteLetter("vul.txt", "Titel: Andere brief\n" + Header + Common(LetterSearch.PartialTierStop - 1) + "\n");
        await _index.IngestAsync();

        var first = await _index.Search.SearchAsync("vitale infrastructuur havens");
        Assert.Equal(LetterSearch.PartialTierStop, first.TotalPassages);
        var lastPage = await _index.Search.SearchAsync("vitale infrastructuur havens", page: 9);
        Assert.Equal(first.TotalPassages, lastPage.TotalPassages);
        Assert.False(lastPage.HasMore);
        Assert.StartsWith("Havens,", lastPage.Passages[^1].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_word_as_the_partial_step_reads_it_is_the_first_tier_unless_the_exact_step_searched_the_same()
    {
        static Query Word(string term) => new TermQuery(new Term("text", term));
        var partial = new BooleanQuery { { Word("duitsland"), Occur.SHOULD }, { Word("specialisatie"), Occur.SHOULD } };
        var exactOther = new BooleanQuery { { Word("duitsland"), Occur.MUST }, { Word("taakspecialisatie"), Occur.MUST } };
        var exactSame = new BooleanQuery { { Word("duitsland"), Occur.MUST }, { Word("specialisatie"), Occur.MUST } };

        var tiers = LetterSearch.PartialTiers(partial, exactOther).ToList();
        Assert.Equal([2, 1], tiers.Select(t => t.Words));
        Assert.All(((BooleanQuery)tiers[0].Query).Clauses, c => Assert.Equal(Occur.MUST, c.Occur));
        Assert.Equal(1, ((BooleanQuery)tiers[1].Query).MinimumNumberShouldMatch);

        var same = (BooleanQuery)Assert.Single(LetterSearch.PartialTiers(partial, exactSame)).Query;
        Assert.Equal(1, same.MinimumNumberShouldMatch);
        Assert.Equal(0, partial.MinimumNumberShouldMatch); // the query itself is left as it was

        // An OR query: its full matches hold one of the words too, so no tiers.
        Assert.Equal((partial, 0), Assert.Single(LetterSearch.PartialTiers(partial, exactOther, tiered: false)));

        // A pasted sentence (more words than a typed query has): one coordinated search, not a pass per word.
        var pasted = new BooleanQuery();
        foreach (var word in "de inzet van nederland in europa voor defensie en veiligheid".Split(' '))
        {
            pasted.Add(Word(word), Occur.SHOULD);
        }
        Assert.Equal((pasted, 0), Assert.Single(LetterSearch.PartialTiers(pasted, exactOther)));
    }
}
