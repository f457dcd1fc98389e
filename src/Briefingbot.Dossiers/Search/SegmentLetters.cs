using System.Runtime.CompilerServices;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Search;

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

    private SegmentLetters(int[] ordinals, string[] ids)
    {
        Ordinals = ordinals;
        Ids = ids;
    }

    /// <summary>Letter ordinal per document of the segment; -1 for documents without a letter id.</summary>
    public int[] Ordinals { get; }

    /// <summary>Letter id per ordinal.</summary>
    public string[] Ids { get; }

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
        return new SegmentLetters(ordinals, ids);
    }
}
