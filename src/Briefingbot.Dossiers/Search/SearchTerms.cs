using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// The terms of one search, each looked up once. A search asks for the same terms in up to four steps (all words; with
/// typos; each tier of partial matches), and each step's weight would seek every term in every segment again, four
/// fields per word, besides the look-ups that decide how the query is built (is a word known, how common is it).
/// Per search, not per index snapshot: what it holds is gone with the search.
/// </summary>
internal sealed class SearchTerms(IndexSearcher searcher)
{
    private readonly Dictionary<Term, TermContext> _states = [];

    /// <summary>The term's states in every segment of the searcher's snapshot (one seek per segment, once).</summary>
    public TermContext States(Term term)
    {
        if (!_states.TryGetValue(term, out var states))
        {
            states = TermContext.Build(searcher.IndexReader.Context, term);
            _states[term] = states;
        }
        return states;
    }

    private static readonly ConditionalWeakTable<IndexReader, DerivedFormsCache> DerivedCaches = new();

    /// <summary>
    /// The derived and verb forms the letters use per typed word, for this index snapshot (a new snapshot starts
    /// empty, so a letter added since is seen): each is a dozen spelled guesses and look-ups, and the same words come
    /// back in many searches.
    /// </summary>
    public DerivedFormsCache DerivedCache => DerivedCaches.GetValue(searcher.IndexReader, _ => new DerivedFormsCache());

    /// <summary>How many documents hold the term (as <see cref="IndexReader.DocFreq(Term)"/>).</summary>
    public int DocFreq(Term term) => States(term).DocFreq;

    /// <summary>Most long (or short) forms looked for per typed word: the ones the most letters define.</summary>
    internal const int MaxOtherForms = 3;

    private readonly Dictionary<(bool ByShortForm, string Head), IReadOnlyList<string>> _abbreviations = [];

    /// <summary>
    /// The long forms the letters define for a typed short form ("edf": "europees defensiefonds"), folded, those the
    /// most letters use first; empty when the word is none (<see cref="SegmentAbbreviations"/>).
    /// </summary>
    public IReadOnlyList<string> LongForms(string typed) =>
        Letters.Abbreviations.ShortFormOf(typed) is { } shortForm ? Lookup(byShortForm: true, shortForm) : [];

    /// <summary>The short forms the letters define for typed words ("europees defensiefonds": "edf"), folded.</summary>
    public IReadOnlyList<string> ShortForms(IReadOnlyList<string> words) =>
        Letters.Abbreviations.LongFormOf(words) is { } longForm ? Lookup(byShortForm: false, longForm) : [];

    /// <summary>What the segments pair with <paramref name="head"/> (a folded short or long form), most letters first.</summary>
    private IReadOnlyList<string> Lookup(bool byShortForm, string head)
    {
        if (_abbreviations.TryGetValue((byShortForm, head), out var known))
        {
            return known;
        }
        Dictionary<string, int>? counts = null;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var segment = SegmentAbbreviations.For(leaf.AtomicReader);
            if ((byShortForm ? segment.ByShortForm : segment.ByLongForm).TryGetValue(head, out var others))
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (other, letters) in others)
                {
                    counts[other] = counts.GetValueOrDefault(other) + letters;
                }
            }
        }
        IReadOnlyList<string> found = counts is null
            ? []
            : counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxOtherForms).Select(p => p.Key).ToList();
        _abbreviations[(byShortForm, head)] = found;
        return found;
    }

    /// <summary>
    /// Whether any passage holds the (analysed) word in a field a search looks in: its text, its letter's title, its
    /// heading, or the question it answers. A word the letters write only in a question ("Afrikaanse", asked about and
    /// not repeated in the answer) is a word of the letters, not a typo, and an alternative that finds it is kept.
    /// </summary>
    public bool IsKnown(string term) =>
        DocFreq(new Term(IndexFields.Text, term)) > 0 || DocFreq(new Term(IndexFields.Context, term)) > 0
        || DocFreq(new Term(IndexFields.Title, term)) > 0 || DocFreq(new Term(IndexFields.Heading, term)) > 0;

    /// <summary>
    /// <paramref name="query"/> with every plain term query carrying its states, and the clauses of terms no document
    /// holds left out where that changes no match and no score: optional clauses of a query that does not count its
    /// matching clauses (and BM25 has no query normalisation). The rest of the tree is copied as it is.
    /// </summary>
    public Query Share(Query query)
    {
        switch (query)
        {
            case TermQuery term when term.GetType() == typeof(TermQuery):
                return new TermQuery(term.Term, States(term.Term)) { Boost = term.Boost };
            case BooleanQuery boolean when boolean.GetType() == typeof(BooleanQuery):
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                BooleanClause? firstDead = null;
                foreach (var clause in boolean.Clauses)
                {
                    var shared = Share(clause.Query);
                    var dead = boolean.CoordDisabled && boolean.MinimumNumberShouldMatch == 0 && clause.Occur == Occur.SHOULD
                        && shared is TermQuery { Term: var t } && States(t).DocFreq == 0;
                    if (!dead)
                    {
                        copy.Add(shared, clause.Occur);
                    }
                    else
                    {
                        firstDead ??= new BooleanClause(shared, clause.Occur);
                    }
                }
                if (copy.Clauses.Count == 1 && firstDead is not null && boolean.Boost != 1f)
                {
                    // One clause under a boost is rewritten into the clause with the boost folded in, which rounds the
                    // score differently in the last bit: keep a dead clause so the query scores exactly as before.
                    copy.Add(firstDead);
                }
                // Every clause dead: the query matches nothing either way; keep one so the tree stays as it was (a query
                // with no clauses at all, a typo search that found no term, stays one).
                return copy.Clauses.Count > 0 || boolean.Clauses.Count == 0 ? copy : Share(boolean.Clauses[0].Query);
            default:
                return query;
        }
    }
}

/// <summary>
/// The derived and verb forms found per typed word for one index snapshot (<see cref="SearchTerms.DerivedCache"/>),
/// at most <see cref="MaxWords"/> words. The count is kept apart: a concurrent dictionary's own count takes every lock.
/// </summary>
internal sealed class DerivedFormsCache
{
    /// <summary>Most typed words one index snapshot keeps.</summary>
    internal const int MaxWords = 20_000;

    private readonly ConcurrentDictionary<string, string[]> _forms = new(StringComparer.Ordinal);
    private int _count;

    public bool TryGet(string key, out string[] forms) => _forms.TryGetValue(key, out forms!);

    public void Add(string key, string[] forms)
    {
        if (Volatile.Read(ref _count) < MaxWords && _forms.TryAdd(key, forms))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
