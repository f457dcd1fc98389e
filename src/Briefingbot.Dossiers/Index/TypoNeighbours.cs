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
/// least <c>|trigrams(word)| - 4k</c> of the word's distinct trigrams (an edit breaks at most four of the word's
/// trigram positions: two at an insertion, three at a deletion or substitution, four at a transposition), is at most
/// <c>k</c> letters longer or shorter, starts with the same letter (the fuzzy query's prefix), and is confirmed by the
/// unrestricted Damerau-Levenshtein distance, which is never more than the distance the fuzzy query uses. Trigrams
/// are counted only among the terms with the word's first letter (they are keyed by it). Lucene counts edits in code
/// points: the few terms with characters outside the Basic Multilingual Plane are kept aside and compared by code
/// point, and a word with such characters, or too short for the bound to exclude anything, gets "maybe".
/// </para>
/// Built once per segment core (flat arrays: the term letters, and per trigram the terms holding it; about 7 bytes a
/// term letter) and warmed with the letter tables (<see cref="LetterIndex"/>), so only new segments pay.
/// </summary>
internal sealed class TypoNeighbours
{
    private static readonly ConditionalWeakTable<object, TypoNeighbours> Cache = new();
    private static readonly TypoNeighbours Empty = new([], [0], [], [0], [], []);

    private const int Gram = 3;
    /// <summary>Longer words are not checked (the fuzzy query takes at most 30 letters; counts are kept in bytes).</summary>
    private const int MaxWordLength = 64;
    /// <summary>Trigram positions one edit can break (a transposition: four).</summary>
    private const int GramsPerEdit = Gram + 1;

    [ThreadStatic]
    private static byte[]? t_counts;

    private readonly char[] _chars;
    private readonly int[] _starts;
    // Trigram keys (sorted), where each one's terms start in _holders, and the term ordinals holding each trigram.
    private readonly long[] _grams;
    private readonly int[] _gramStarts;
    private readonly int[] _holders;
    // Terms with a surrogate pair, as code points: compared one by one.
    private readonly int[][] _astral;

    private TypoNeighbours(char[] chars, int[] starts, long[] grams, int[] gramStarts, int[] holders, int[][] astral)
    {
        _chars = chars;
        _starts = starts;
        _grams = grams;
        _gramStarts = gramStarts;
        _holders = holders;
        _astral = astral;
    }

    /// <summary>Number of terms in the table.</summary>
    public int Count => _starts.Length - 1 + _astral.Length;

    /// <summary>The segment's table of passage-text terms, built on first use.</summary>
    public static TypoNeighbours For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    /// <summary>
    /// False only when no term of any of the reader's segments starts with the word's first letter and lies within
    /// <paramref name="maxEdits"/> edits of it (so a fuzzy query with prefix length 1 would find nothing); true when
    /// one does, or when the tables cannot tell. The word's trigrams are taken once for all segments.
    /// </summary>
    public static bool MayHaveNeighbour(IndexReader reader, string word, int maxEdits) =>
        AnyNearby(reader.Leaves.Select(leaf => For(leaf.AtomicReader)), word, maxEdits);

    /// <summary>As <see cref="MayHaveNeighbour(IndexReader, string, int)"/>, for this segment alone.</summary>
    public bool MayHaveNeighbour(string word, int maxEdits) => AnyNearby([this], word, maxEdits);

    private static bool AnyNearby(IEnumerable<TypoNeighbours> tables, string word, int maxEdits)
    {
        // Null grams: the word cannot be checked (characters outside the BMP, too long, or too short for the bound
        // to rule anything out): every segment with terms says "maybe".
        HashSet<long>? grams = null;
        var needed = 0;
        if (word.Length is > 0 and <= MaxWordLength && !word.Any(char.IsSurrogate))
        {
            grams = DistinctGrams(word, word[0]);
            needed = grams.Count - maxEdits * GramsPerEdit;
            if (needed <= 0)
            {
                grams = null;
            }
        }
        return tables.Any(table => table.Count > 0
            && (grams is null || table.NearbyAstral(word, maxEdits) || table.NearbyCounted(word, grams, needed, maxEdits)));
    }

    private bool NearbyCounted(string word, HashSet<long> grams, int needed, int maxEdits)
    {
        var terms = _starts.Length - 1;
        // Shared-pool arrays may come back dirty; this one is the thread's own and left zeroed after every use.
        var counts = t_counts is { } own && own.Length >= terms ? own : t_counts = new byte[Math.Max(1, terms)];
        var touched = new List<int>();
        try
        {
            foreach (var gram in grams)
            {
                var at = Array.BinarySearch(_grams, gram);
                if (at < 0)
                {
                    continue;
                }
                for (var h = _gramStarts[at]; h < _gramStarts[at + 1]; h++)
                {
                    var term = _holders[h];
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
                var span = _chars.AsSpan(_starts[term], _starts[term + 1] - _starts[term]);
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

    /// <summary>The terms with characters outside the BMP, by code point (the word has none: its chars are its code points).</summary>
    private bool NearbyAstral(string word, int maxEdits)
    {
        if (_astral.Length == 0)
        {
            return false;
        }
        var points = word.Select(c => (int)c).ToArray();
        return _astral.Any(term => term[0] == points[0] && Math.Abs(term.Length - points.Length) <= maxEdits
            && Distance<int>(points, term) <= maxEdits);
    }

    /// <summary>The distinct trigrams of <paramref name="text"/>, each keyed with the word's first letter: only terms with the
    /// same first letter can be a fuzzy match (prefix length 1), so they are the only ones counted.</summary>
    private static HashSet<long> DistinctGrams(ReadOnlySpan<char> text, char first)
    {
        var grams = new HashSet<long>();
        for (var i = 0; i + Gram <= text.Length; i++)
        {
            grams.Add(Key(first, text, i));
        }
        return grams;
    }

    private static long Key(char first, ReadOnlySpan<char> text, int at) =>
        ((long)first << 48) | ((long)text[at] << 32) | ((long)text[at + 1] << 16) | text[at + 2];

    /// <summary>
    /// The unrestricted Damerau-Levenshtein distance (a substring may be edited after a transposition): never more
    /// than the optimal-string-alignment distance, so a term it puts beyond the fuzzy query's edits is beyond them.
    /// </summary>
    internal static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Distance(a, b);

    private static int Distance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : notnull, IEquatable<T>
    {
        // Lowrance-Wagner with the last row where each symbol was seen (the words are short: a plain table).
        var cols = b.Length + 2;
        var d = new int[(a.Length + 2) * cols];
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
        var lastRow = new Dictionary<T, int>();
        for (var i = 1; i <= a.Length; i++)
        {
            var lastMatchCol = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var i1 = lastRow.GetValueOrDefault(b[j - 1]);
                var j1 = lastMatchCol;
                var cost = 1;
                if (a[i - 1].Equals(b[j - 1]))
                {
                    cost = 0;
                    lastMatchCol = j;
                }
                d[(i + 1) * cols + j + 1] = Math.Min(
                    Math.Min(d[i * cols + j] + cost, d[(i + 1) * cols + j] + 1),
                    Math.Min(d[i * cols + j + 1] + 1, d[i1 * cols + j1] + (i - i1 - 1) + 1 + (j - j1 - 1)));
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
        var keys = new List<long>();
        var owners = new List<int>();
        var astral = new List<int[]>();
        var scratch = new List<long>();
        var enumerator = terms.GetEnumerator();
        var utf16 = new CharsRef();
        while (enumerator.MoveNext())
        {
            UnicodeUtil.UTF8toUTF16(enumerator.Term, utf16);
            var text = utf16.Chars.AsSpan(utf16.Offset, utf16.Length);
            if (text.Length == 0)
            {
                continue;
            }
            if (text.ContainsAnyInRange('\uD800', '\uDFFF'))
            {
                astral.Add(CodePoints(text.ToString()));
                continue;
            }
            var ordinal = starts.Count - 1;
            chars.AddRange(text);
            starts.Add(chars.Count);
            scratch.Clear();
            for (var i = 0; i + Gram <= text.Length; i++)
            {
                scratch.Add(Key(text[0], text, i));
            }
            scratch.Sort();
            for (var i = 0; i < scratch.Count; i++)
            {
                if (i == 0 || scratch[i] != scratch[i - 1])
                {
                    keys.Add(scratch[i]);
                    owners.Add(ordinal);
                }
            }
        }

        // Group the (trigram, term) pairs by trigram: sorted keys, one start per distinct key.
        var keyArray = keys.ToArray();
        var holders = owners.ToArray();
        Array.Sort(keyArray, holders);
        var grams = new List<long>();
        var gramStarts = new List<int>();
        for (var i = 0; i < keyArray.Length; i++)
        {
            if (i == 0 || keyArray[i] != keyArray[i - 1])
            {
                grams.Add(keyArray[i]);
                gramStarts.Add(i);
            }
        }
        gramStarts.Add(keyArray.Length);
        return new TypoNeighbours([.. chars], [.. starts], [.. grams], [.. gramStarts], holders, [.. astral]);
    }

    private static int[] CodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }
        return [.. points];
    }
}
