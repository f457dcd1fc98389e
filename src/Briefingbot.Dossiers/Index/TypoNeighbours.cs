using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// Per index segment, in memory: the terms of the passage text by letter trigram, to tell cheaply whether a word has
/// any term within a few edits. A word no letter uses gets a typo search (Lucene's <c>FuzzyQuery</c>), whose
/// Levenshtein automata cost 2-7 ms to build for a long word before the term dictionary is even read; for a word
/// with no neighbour at all (a name, an English word, a new compound) that was the slowest part of the search.
/// <para>
/// The check is a necessary condition for the fuzzy query to find a term, so skipping the query when it fails changes
/// no answer: a term within <c>k</c> edits (insertions, deletions, substitutions, adjacent transpositions) shares at
/// least <c>|trigrams(word)| - k·4</c> of the word's distinct trigrams (an edit destroys at most four of them), is at
/// most <c>k</c> letters longer or shorter, starts with the same letter (the fuzzy query's prefix), and is confirmed
/// by the unrestricted Damerau-Levenshtein distance, which is never more than the distance the fuzzy query uses.
/// When the word is too short for the trigram bound to exclude anything, or the segment holds a term with
/// characters outside the Basic Multilingual Plane (Lucene counts edits in code points), the answer is "maybe".
/// Trigrams are counted only among the terms with the word's first letter (they are keyed by it).
/// </para>
/// Built once per segment core (about 6 bytes per term letter) and warmed with the letter tables
/// (<see cref="LetterIndex"/>), so only new segments pay.
/// </summary>
internal sealed class TypoNeighbours
{
    private static readonly ConditionalWeakTable<object, TypoNeighbours> Cache = new();
    private static readonly TypoNeighbours Empty = new([], [0], new Dictionary<long, int[]>(), exact: true);

    private const int Gram = 3;
    /// <summary>Longer words are not checked (the fuzzy query takes at most 30 letters; counts are kept in bytes).</summary>
    private const int MaxWordLength = 64;
    /// <summary>Trigrams one edit can destroy: three around an insertion, deletion or substitution, four around a transposition.</summary>
    private const int GramsPerEdit = Gram + 1;

    [ThreadStatic]
    private static byte[]? t_counts;

    private readonly char[] _chars;
    private readonly int[] _starts;
    private readonly Dictionary<long, int[]> _termsByGram;
    private readonly bool _exact;

    private TypoNeighbours(char[] chars, int[] starts, Dictionary<long, int[]> termsByGram, bool exact)
    {
        _chars = chars;
        _starts = starts;
        _termsByGram = termsByGram;
        _exact = exact;
    }

    /// <summary>Number of terms in the table.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The segment's table of passage-text terms, built on first use.</summary>
    public static TypoNeighbours For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    /// <summary>
    /// False only when no term of the segment starts with the word's first letter and lies within
    /// <paramref name="maxEdits"/> edits of it (so a fuzzy query with prefix length 1 would find nothing); true when
    /// one does, or when the table cannot tell.
    /// </summary>
    public bool MayHaveNeighbour(string word, int maxEdits)
    {
        if (Count == 0)
        {
            return false;
        }
        if (!_exact || word.Length is 0 or > MaxWordLength || word.Any(char.IsSurrogate))
        {
            return true;
        }
        var grams = DistinctGrams(word, word[0]);
        var needed = grams.Count - maxEdits * GramsPerEdit;
        if (needed <= 0)
        {
            return true; // too short for the bound to rule anything out
        }
        // Shared-pool arrays may come back dirty; this one is the thread's own and left zeroed after every use.
        var counts = t_counts is { } own && own.Length >= Count ? own : t_counts = new byte[Count];
        var touched = new List<int>();
        try
        {
            foreach (var gram in grams)
            {
                if (!_termsByGram.TryGetValue(gram, out var terms))
                {
                    continue;
                }
                foreach (var term in terms)
                {
                    if (counts[term] == 0)
                    {
                        touched.Add(term);
                    }
                    counts[term]++;
                }
            }
            foreach (var term in touched)
            {
                if (counts[term] < needed)
                {
                    continue;
                }
                var span = Term(term);
                if (Math.Abs(span.Length - word.Length) <= maxEdits && DamerauLevenshtein(word, span) <= maxEdits)
                {
                    return true;
                }
            }
            return false;
        }
        finally
        {
            foreach (var term in touched)
            {
                counts[term] = 0;
            }
        }
    }

    private ReadOnlySpan<char> Term(int term) => _chars.AsSpan(_starts[term], _starts[term + 1] - _starts[term]);

    /// <summary>The distinct trigrams of <paramref name="text"/>, each keyed with the word's first letter: only terms with the
    /// same first letter can be a fuzzy match (prefix length 1), so they are the only ones counted.</summary>
    private static HashSet<long> DistinctGrams(ReadOnlySpan<char> text, char first)
    {
        var grams = new HashSet<long>();
        for (var i = 0; i + Gram <= text.Length; i++)
        {
            grams.Add(((long)first << 48) | ((long)text[i] << 32) | ((long)text[i + 1] << 16) | text[i + 2]);
        }
        return grams;
    }

    /// <summary>
    /// The unrestricted Damerau-Levenshtein distance (a substring may be edited after a transposition): never more
    /// than the optimal-string-alignment distance, so a term it puts beyond the fuzzy query's edits is beyond them.
    /// </summary>
    internal static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Lowrance-Wagner with the last row where each character was seen (the words are short: a plain table).
        var rows = a.Length + 2;
        var cols = b.Length + 2;
        var d = new int[rows * cols];
        var infinity = a.Length + b.Length;
        d[0] = infinity;
        for (var i = 0; i <= a.Length; i++)
        {
            d[(i + 1) * cols] = infinity;
            d[(i + 1) * cols + 1] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[j + 1] = infinity;
            d[cols + j + 1] = j;
        }
        var lastRow = new Dictionary<char, int>();
        for (var i = 1; i <= a.Length; i++)
        {
            var lastMatchCol = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var i1 = lastRow.GetValueOrDefault(b[j - 1]);
                var j1 = lastMatchCol;
                var cost = 1;
                if (a[i - 1] == b[j - 1])
                {
                    cost = 0;
                    lastMatchCol = j;
                }
                var value = Math.Min(
                    Math.Min(d[i * cols + j] + cost, d[(i + 1) * cols + j] + 1),
                    Math.Min(d[i * cols + j + 1] + 1, d[i1 * cols + j1] + (i - i1 - 1) + 1 + (j - j1 - 1)));
                d[(i + 1) * cols + j + 1] = value;
            }
            lastRow[a[i - 1]] = i;
        }
        return d[(a.Length + 1) * cols + b.Length + 1];
    }

    private static TypoNeighbours Load(AtomicReader reader)
    {
        var terms = reader.GetTerms(IndexFields.Text);
        if (terms is null)
        {
            return Empty;
        }
        var chars = new List<char>();
        var starts = new List<int> { 0 };
        var byGram = new Dictionary<long, List<int>>();
        var exact = true;
        var enumerator = terms.GetEnumerator();
        var utf16 = new CharsRef();
        while (enumerator.MoveNext())
        {
            UnicodeUtil.UTF8toUTF16(enumerator.Term, utf16);
            var text = utf16.Chars.AsSpan(utf16.Offset, utf16.Length);
            if (text.ContainsAnyInRange('\uD800', '\uDFFF'))
            {
                exact = false;
            }
            var ordinal = starts.Count - 1;
            foreach (var c in text)
            {
                chars.Add(c);
            }
            starts.Add(chars.Count);
            foreach (var gram in text.Length == 0 ? [] : DistinctGrams(text, text[0]))
            {
                if (!byGram.TryGetValue(gram, out var list))
                {
                    byGram[gram] = list = [];
                }
                list.Add(ordinal);
            }
        }
        return new TypoNeighbours([.. chars], [.. starts], byGram.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), exact);
    }
}
