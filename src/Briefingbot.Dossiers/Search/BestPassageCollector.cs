using Briefingbot.Dossiers.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Collects every matching passage and keeps, per letter, the best-scoring one: letters are ranked by their best
/// passage. Within a segment it works on doc-value ordinals in plain arrays (no strings, no hashing per hit); the
/// letter ids are looked up once per letter when the segment is done. This is what keeps broad queries over a
/// million passages fast without the grouping module.
/// </summary>
internal sealed class BestPassageCollector : ICollector
{
    private readonly Dictionary<string, (float Score, int Doc)> _best = new(StringComparer.Ordinal);
    private readonly List<int> _touched = [];
    private Scorer? _scorer;
    private SortedDocValues? _letterIds;
    private int _docBase;
    private float[] _segmentScores = [];
    private int[] _segmentDocs = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        _letterIds = context.AtomicReader.GetSortedDocValues(IndexFields.LetterId);
        var count = _letterIds?.ValueCount ?? 0;
        if (_segmentScores.Length < count)
        {
            _segmentScores = new float[count];
            _segmentDocs = new int[count];
        }
    }

    public void Collect(int doc)
    {
        if (_letterIds is null)
        {
            return;
        }
        var ord = _letterIds.GetOrd(doc);
        if (ord < 0)
        {
            return;
        }
        // Scores are positive; clamp so 0 can mean "not seen in this segment".
        var score = Math.Max(_scorer!.GetScore(), float.Epsilon);
        var previous = _segmentScores[ord];
        if (previous == 0f)
        {
            _touched.Add(ord);
        }
        if (score > previous)
        {
            _segmentScores[ord] = score;
            _segmentDocs[ord] = _docBase + doc;
        }
    }

    /// <summary>Letters with their best passage (global doc id), best first; ties broken by letter id for stable paging.</summary>
    public List<(string LetterId, float Score, int Doc)> Results()
    {
        FlushSegment();
        return _best
            .Select(kv => (kv.Key, kv.Value.Score, kv.Value.Doc))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    private void FlushSegment()
    {
        if (_letterIds is null || _touched.Count == 0)
        {
            _touched.Clear();
            return;
        }
        var bytes = new BytesRef();
        foreach (var ord in _touched)
        {
            _letterIds.LookupOrd(ord, bytes);
            var id = bytes.Utf8ToString();
            var score = _segmentScores[ord];
            if (!_best.TryGetValue(id, out var current) || score > current.Score)
            {
                _best[id] = (score, _segmentDocs[ord]);
            }
            _segmentScores[ord] = 0f;
        }
        _touched.Clear();
    }
}
