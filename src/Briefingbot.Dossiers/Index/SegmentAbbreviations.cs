using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Briefingbot.Dossiers.Letters;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// Per index segment, in memory: the abbreviations its letters define (<see cref="IndexFields.Abbreviation"/>), by
/// short form and by long form, each with how many live letters define the pair. Read per segment core from the two
/// fields' term dictionaries (a few hundred to a few thousand terms), again only when its deletions change, and warmed
/// with the letter tables (<see cref="LetterIndex"/>), so a search looks a typed word up in a dictionary instead of
/// seeking, and allocating a term enumerator, in every segment for every word.
/// </summary>
internal sealed class SegmentAbbreviations
{
    private static readonly ConditionalWeakTable<object, SegmentAbbreviations> Cache = new();

    private SegmentAbbreviations(FrozenDictionary<string, (string Other, int Letters)[]> byShortForm, FrozenDictionary<string, (string Other, int Letters)[]> byLongForm)
    {
        ByShortForm = byShortForm;
        ByLongForm = byLongForm;
    }

    /// <summary>Folded short form → its long forms, each with the number of letters defining it.</summary>
    public FrozenDictionary<string, (string Other, int Letters)[]> ByShortForm { get; }

    /// <summary>Folded long form → its short forms.</summary>
    public FrozenDictionary<string, (string Other, int Letters)[]> ByLongForm { get; }

    /// <summary>The segment's deleted documents when the tables were read.</summary>
    private int DeletedDocs { get; init; }

    /// <summary>
    /// Per segment core, read again when its deletions change: a letter re-indexed or removed takes its pairs with it
    /// at the next refresh, not only when its segment is merged away. (A refresh opens a new reader for every segment
    /// with deletions, changed or not, so the reader is not the key.)
    /// </summary>
    public static SegmentAbbreviations For(AtomicReader reader)
    {
        if (Cache.TryGetValue(reader.CoreCacheKey, out var known) && known.DeletedDocs == reader.NumDeletedDocs)
        {
            return known;
        }
        var fresh = Load(reader);
        Cache.AddOrUpdate(reader.CoreCacheKey, fresh);
        return fresh;
    }

    private static SegmentAbbreviations Load(AtomicReader reader) =>
        new(Read(reader, IndexFields.Abbreviation), Read(reader, IndexFields.AbbreviationByLongForm)) { DeletedDocs = reader.NumDeletedDocs };

    private static FrozenDictionary<string, (string Other, int Letters)[]> Read(AtomicReader reader, string field)
    {
        var pairs = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var terms = reader.GetTerms(field)?.GetEnumerator();
        var live = reader.LiveDocs;
        DocsEnum? docs = null;
        while (terms is not null && terms.MoveNext())
        {
            // Letters, not documents ever written: the term index still holds deleted letters' terms.
            docs = terms.Docs(live, docs, DocsFlags.NONE);
            var letters = 0;
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                letters++;
            }
            if (letters == 0)
            {
                continue;
            }
            var key = terms.Term.Utf8ToString();
            var separator = key.IndexOf(Abbreviations.Separator, StringComparison.Ordinal);
            if (separator <= 0 || separator == key.Length - 1)
            {
                continue;
            }
            var head = key[..separator];
            if (!pairs.TryGetValue(head, out var others))
            {
                pairs[head] = others = [];
            }
            others.Add((key[(separator + 1)..], letters));
        }
        return pairs.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
