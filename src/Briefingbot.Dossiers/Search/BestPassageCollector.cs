using System.Collections.Concurrent;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Collects every matching passage and keeps, per letter, the best-scoring one: letters are ranked by their best
/// passage. Within a segment it works on letter ordinals in plain arrays (no strings, no hashing, no file reads per
/// hit: <see cref="SegmentLetters"/>); the letter ids are looked up once per letter when the segment is done. This is what keeps broad queries over a
/// million passages fast without the grouping module.
/// </summary>
internal sealed class BestPassageCollector : ICollector, IDisposable
{
    // The working memory of a collector over tens of thousands of letters is large-object-heap sized; allocated per
    // query it cost a gen-2 collection every few queries (measured by bench-search). Pooled and reused instead.
    private static readonly ConcurrentBag<Scratch> Pool = [];
    private const int MaxPooled = 16;

    private readonly Scratch _scratch = Pool.TryTake(out var scratch) ? scratch : new Scratch();
    private Scorer? _scorer;
    private SegmentLetters? _letters;
    private int _docBase;

    // Passage ranking: the best passages (a bounded heap, worst at the root) and how many matched.
    private readonly int _topCapacity;
    private readonly IReadOnlySet<int>? _exclude;
    private PriorityQueue<(float Score, int Doc), (float Score, int Doc)>? _top;
    // The worst kept score once the heap is full (the root's): a passage scoring below it cannot enter, which most
    // passages of a broad query do not, so they skip the heap's comparer and the exclusion set.
    private float _entryScore = float.NegativeInfinity;
    private int _passageCount;

    private BestPassageCollector(int topCapacity = 0, IReadOnlySet<int>? exclude = null)
    {
        _topCapacity = topCapacity;
        _exclude = exclude;
    }

    /// <summary>How many passages matched (all of them, excluded ones too).</summary>
    public int PassageCount => _passageCount;

    /// <summary>The best passages (global doc ids), best first; ties by doc id, so pages are stable.</summary>
    public List<(float Score, int Doc)> TopPassages()
    {
        var top = new List<(float Score, int Doc)>(_top?.Count ?? 0);
        while (_top is not null && _top.TryDequeue(out var entry, out _))
        {
            top.Add(entry);
        }
        top.Reverse();
        return top;
    }

    private static readonly Comparer<(float Score, int Doc)> WorstPassageFirst = Comparer<(float Score, int Doc)>.Create((a, b) =>
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : b.Doc.CompareTo(a.Doc);
    });

    private void Offer(float score, int doc)
    {
        if (_exclude?.Contains(doc) == true)
        {
            return;
        }
        _top ??= new PriorityQueue<(float, int), (float, int)>(_topCapacity + 1, WorstPassageFirst);
        var entry = (score, doc);
        if (_top.Count < _topCapacity)
        {
            _top.Enqueue(entry, entry);
        }
        else if (WorstPassageFirst.Compare(entry, _top.Peek()) > 0)
        {
            _top.EnqueueDequeue(entry, entry);
        }
        if (_top.Count >= _topCapacity)
        {
            _entryScore = _top.Peek().Score;
        }
    }

    /// <summary>Returns the working memory to the pool (clean: per-segment arrays are zeroed as segments are flushed).</summary>
    public void Dispose()
    {
        FlushSegment();
        _scratch.Best.Clear();
        if (Pool.Count < MaxPooled)
        {
            Pool.Add(_scratch);
        }
    }

    private sealed class Scratch
    {
        public Dictionary<string, (float Score, int Doc)> Best { get; } = new(StringComparer.Ordinal);
        public List<int> Touched { get; } = [];
        public float[] Scores { get; set; } = [];
        public int[] Docs { get; set; } = [];
    }

    /// <summary>
    /// In order. Out of order, Lucene scores a query of optional clauses with its window-at-a-time scorer, and builds
    /// one for every nested any-of query too (every word's fields, each with a table of 2,048 buckets, per segment):
    /// a three-word partial match allocated 3-7 MB a search and ran 15-25% slower than the in-order scorers on the
    /// slowest benchmark queries at a million passages, with the same answers (measured in one process, A/B).
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        _letters = SegmentLetters.For(context.AtomicReader);
        var count = _letters?.Ids.Length ?? 0;
        if (_scratch.Scores.Length < count)
        {
            _scratch.Scores = new float[count];
            _scratch.Docs = new int[count];
        }
    }

    public void Collect(int doc)
    {
        if (_letters is null)
        {
            return;
        }
        var ord = _letters.Ordinals[doc];
        if (ord < 0)
        {
            return;
        }
        // Scores are positive; clamp so 0 can mean "not seen in this segment".
        var score = Math.Max(_scorer!.GetScore(), float.Epsilon);
        _passageCount++;
        if (_topCapacity > 0 && score >= _entryScore)
        {
            Offer(score, _docBase + doc);
        }
        var previous = _scratch.Scores[ord];
        if (previous == 0f)
        {
            _scratch.Touched.Add(ord);
        }
        if (score > previous)
        {
            _scratch.Scores[ord] = score;
            _scratch.Docs[ord] = _docBase + doc;
        }
    }

    /// <summary>Segments smaller than this (in documents, all together) are searched on the calling thread.</summary>
    internal const int ParallelThreshold = 200_000;

    /// <summary>
    /// Runs <paramref name="query"/> and collects the best passage per letter. On a large index the segments are
    /// scored in parallel, one collector each, with the one normalised weight (so the scores are exactly those of a
    /// sequential search; Lucene's own searcher executor works the same way, but only for top-N searches), and the
    /// collectors merged: a broad query over a million passages answers in about half the time on two cores.
    /// </summary>
    public static BestPassageCollector Search(IndexSearcher searcher, Query query, Filter? filter, int parallelThreshold = ParallelThreshold) =>
        Search(searcher, query, filter, 0, null, parallelThreshold);

    /// <summary>
    /// As <see cref="Search(IndexSearcher, Query, Filter?, int)"/>, and also keeps the best <paramref name="topPassages"/>
    /// passages (leaving out <paramref name="exclude"/>, global doc ids) for <see cref="TopPassages"/>.
    /// </summary>
    public static BestPassageCollector Search(IndexSearcher searcher, Query query, Filter? filter, int topPassages, IReadOnlySet<int>? exclude, int parallelThreshold = ParallelThreshold)
    {
        var leaves = searcher.IndexReader.Leaves;
        var collector = new BestPassageCollector(topPassages, exclude);
        if (leaves.Count < 2 || searcher.IndexReader.MaxDoc < parallelThreshold || Environment.ProcessorCount < 2)
        {
            searcher.Search(query, filter, collector);
            return collector;
        }
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var perLeaf = new BestPassageCollector[leaves.Count];
        perLeaf[0] = collector;
        try
        {
            Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
            {
                var leafCollector = perLeaf[i] ??= new BestPassageCollector(topPassages, exclude);
                var leaf = leaves[i];
                leafCollector.SetNextReader(leaf);
                weight.GetBulkScorer(leaf, !leafCollector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(leafCollector);
                leafCollector.FlushSegment();
            });
            for (var i = 1; i < perLeaf.Length; i++)
            {
                collector._passageCount += perLeaf[i]._passageCount;
                while (perLeaf[i]._top is { } top && top.TryDequeue(out var entry, out _))
                {
                    collector.Offer(entry.Score, entry.Doc);
                }
                foreach (var (id, best) in perLeaf[i]._scratch.Best)
                {
                    if (!collector._scratch.Best.TryGetValue(id, out var current) || best.Score > current.Score)
                    {
                        collector._scratch.Best[id] = best;
                    }
                }
            }
            return collector;
        }
        finally
        {
            for (var i = 1; i < perLeaf.Length; i++)
            {
                perLeaf[i]?.Dispose();
            }
        }
    }

    /// <summary>How many letters matched.</summary>
    public int Count
    {
        get
        {
            FlushSegment();
            return _scratch.Best.Count;
        }
    }

    /// <summary>
    /// The best <paramref name="count"/> letters with their best passage (global doc id), best first; ties broken by
    /// letter id for stable paging. A page of answers needs only
    /// the first few of tens of thousands of matching letters; sorting them all cost more than the search (profiled).
    /// </summary>
    public List<(string LetterId, float Score, int Doc)> Top(int count)
    {
        FlushSegment();
        if (count >= _scratch.Best.Count)
        {
            var all = _scratch.Best.Select(kv => (kv.Key, kv.Value.Score, kv.Value.Doc)).ToList();
            all.Sort(Compare);
            return all;
        }
        // A bounded heap whose root is the worst letter kept so far.
        var heap = new PriorityQueue<(string LetterId, float Score, int Doc), (string LetterId, float Score, int Doc)>(count + 1, WorstFirst);
        foreach (var (id, (score, doc)) in _scratch.Best)
        {
            var entry = (id, score, doc);
            if (heap.Count < count)
            {
                heap.Enqueue(entry, entry);
            }
            else if (Compare(entry, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(entry, entry);
            }
        }
        var top = new List<(string LetterId, float Score, int Doc)>(heap.Count);
        while (heap.TryDequeue(out var entry, out _))
        {
            top.Add(entry);
        }
        top.Reverse();
        return top;
    }

    private static readonly Comparer<(string LetterId, float Score, int Doc)> WorstFirst = Comparer<(string LetterId, float Score, int Doc)>.Create((a, b) => Compare(b, a));

    /// <summary>Best first: higher score, then letter id (ordinal).</summary>
    private static int Compare((string LetterId, float Score, int Doc) a, (string LetterId, float Score, int Doc) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.LetterId, b.LetterId);
    }

    private void FlushSegment()
    {
        if (_letters is null || _scratch.Touched.Count == 0)
        {
            _scratch.Touched.Clear();
            return;
        }
        foreach (var ord in _scratch.Touched)
        {
            var id = _letters.Ids[ord];
            var score = _scratch.Scores[ord];
            if (!_scratch.Best.TryGetValue(id, out var current) || score > current.Score)
            {
                _scratch.Best[id] = (score, _scratch.Docs[ord]);
            }
            _scratch.Scores[ord] = 0f;
        }
        _scratch.Touched.Clear();
    }
}
