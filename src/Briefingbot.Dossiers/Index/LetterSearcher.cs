using System.Collections.Concurrent;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// The searcher of one index snapshot. It remembers each field's statistics, which every term query's weight asks for
/// again (summed over the segments each time) and which never change in a snapshot.
/// </summary>
public sealed class LetterSearcher(Lucene.Net.Index.IndexReader reader) : IndexSearcher(reader)
{
    private readonly ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);

    public override CollectionStatistics CollectionStatistics(string field) => _fields.GetOrAdd(field, f => base.CollectionStatistics(f));
}
