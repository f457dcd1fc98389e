using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Turns the analysed terms of a field into the pairs of terms at adjacent positions ("defensie industrie"), one
/// token each, for the word-pair fields (<see cref="PairsFieldOf"/>). A two-word phrase is then one term
/// to look up instead of two long posting lists to intersect position by position; the idea of Elasticsearch's
/// <c>index_phrases</c>. Every term at a position pairs with every term at the next one, stacked terms included
/// (the parts of a compound, the whole of a hyphenated word), so a pair matches wherever a phrase query of the two
/// terms would: "defensie-industriebeleid" holds the pair "defensie industrie" through the part "industrie". A gap
/// (a stop word) breaks the chain, as it does for a phrase.
/// </summary>
internal sealed class AdjacentPairsFilter : TokenFilter
{
    /// <summary>Between the two terms of a pair: the tokenizer never leaves a space inside a term.</summary>
    public const char Separator = ' ';

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly Queue<(string Pair, int Start, int End, int Increment)> _pending = new();
    private List<(string Term, int Start)> _previous = [];
    private List<(string Term, int Start)> _current = [];
    private bool _positionEmitted;

    public AdjacentPairsFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    private const string PairsSuffix = "_pairs";

    /// <summary>The word-pair field of a searched text field ("text" → "text_pairs").</summary>
    public static string PairsFieldOf(string field) => field + PairsSuffix;

    /// <summary>Whether a field is a word-pair field (its analysis ends with this filter).</summary>
    public static bool IsPairsField(string field) => field.EndsWith(PairsSuffix, StringComparison.Ordinal);

    /// <summary>The pair term of two adjacent terms.</summary>
    public static string Pair(string first, string second) => first + Separator + second;

    public override bool IncrementToken()
    {
        while (_pending.Count == 0)
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }
            var increment = _increment.PositionIncrement;
            var term = _term.ToString();
            var start = _offset.StartOffset;
            var end = _offset.EndOffset;
            if (increment > 0)
            {
                // A new position: the current terms become the previous ones, unless a gap lies between.
                (_previous, _current) = (increment == 1 ? _current : [], _previous);
                _current.Clear();
                _positionEmitted = false;
            }
            _current.Add((term, start));
            foreach (var (previous, previousStart) in _previous)
            {
                // The first pair of a position moves one position on; the others stack on it.
                _pending.Enqueue((Pair(previous, term), previousStart, end, _positionEmitted ? 0 : 1));
                _positionEmitted = true;
            }
        }
        var (pair, pairStart, pairEnd, pairIncrement) = _pending.Dequeue();
        ClearAttributes();
        _term.SetEmpty().Append(pair);
        _increment.PositionIncrement = pairIncrement;
        _offset.SetOffset(pairStart, pairEnd);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _previous = [];
        _current = [];
        _positionEmitted = false;
    }
}
