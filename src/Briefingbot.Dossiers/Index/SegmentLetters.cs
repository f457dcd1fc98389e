using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// Per index segment, in memory: the letter ordinal of every document and the letter id of every ordinal. The
/// collector needs the letter of each matching passage; read from the doc values on disk through NIOFSDirectory that
/// is a locked, buffered file read per hit, which made a one-word query over a million passages take three seconds
/// (profiled). Built once per segment core (4 bytes per document plus the ids) and reused by every searcher that
/// shares the segment, so only new segments pay, and <see cref="LetterIndex"/> warms them before they are searched.
/// </summary>
internal sealed class SegmentLetters
{
    private static readonly ConditionalWeakTable<object, SegmentLetters> Cache = new();

    private readonly int[] _letterDocs;

    private SegmentLetters(int[] ordinals, string[] ids, int[] letterDocs)
    {
        Ordinals = ordinals;
        Ids = ids;
        _letterDocs = letterDocs;
    }

    /// <summary>Letter ordinal per document of the segment; -1 for documents without a letter id.</summary>
    public int[] Ordinals { get; }

    /// <summary>Letter id per ordinal.</summary>
    public string[] Ids { get; }

    /// <summary>
    /// The letter document of the passage <paramref name="doc"/> (segment doc id), or -1 when there is none. A letter
    /// is written as one block, its letter document first (<c>UpdateDocuments</c>), and Lucene keeps a block
    /// contiguous and in order through merges; so it is the nearest letter document before the passage. The caller
    /// checks the letter id it reads there.
    /// </summary>
    public int LetterDocumentOf(int doc)
    {
        var at = Array.BinarySearch(_letterDocs, doc);
        var before = at >= 0 ? at - 1 : ~at - 1;
        return before >= 0 ? _letterDocs[before] : -1;
    }

    /// <summary>The segment's table, built on first use; null when the segment has no letter ids at all.</summary>
    public static SegmentLetters? For(AtomicReader reader)
    {
        if (reader.GetSortedDocValues(IndexFields.LetterId) is null)
        {
            return null;
        }
        return Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));
    }

    private static SegmentLetters Load(AtomicReader reader)
    {
        var values = reader.GetSortedDocValues(IndexFields.LetterId);
        var ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            ordinals[doc] = values.GetOrd(doc);
        }
        var ids = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < ids.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            ids[ord] = bytes.Utf8ToString();
        }
        return new SegmentLetters(ordinals, ids, ReadLetterDocuments(reader));
    }

    /// <summary>Ids of the segment's letter documents, deleted ones included (their passages are still there too).</summary>
    private static int[] ReadLetterDocuments(AtomicReader reader)
    {
        var docs = new List<int>();
        var kinds = reader.GetTerms(IndexFields.DocKind)?.GetEnumerator();
        if (kinds is not null && kinds.SeekExact(new BytesRef(IndexFields.KindLetter)))
        {
            var postings = kinds.Docs(null, null, DocsFlags.NONE);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Add(doc);
            }
        }
        return [.. docs];
    }
}
