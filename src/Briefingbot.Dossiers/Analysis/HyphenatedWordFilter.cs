using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Makes hyphenated words findable by their parts and as a whole. "defensie-industrie" becomes
/// <c>defensie</c> (+1), <c>defensieindustrie</c> (stacked, +0, spanning the whole word), <c>industrie</c> (+1).
/// The parts come first at each position so a phrase query over the parts matches the hyphenated text, and the
/// concatenation matches the same word written without hyphen. Leading/trailing hyphens ("defensie- en
/// veiligheidsindustrie") are trimmed; a token of hyphens only is dropped (its position is kept).
/// </summary>
internal sealed class HyphenatedWordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly Queue<(string Text, int Start, int End, int Increment)> _pending = new();
    private State? _state;

    public HyphenatedWordFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            Emit(_pending.Dequeue());
            return true;
        }

        var skipped = 0;
        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer;
            var length = _term.Length;
            if (Array.IndexOf(buffer, '-', 0, length) < 0)
            {
                _positionIncrement.PositionIncrement += skipped;
                return true;
            }

            var baseOffset = _offset.StartOffset;
            // Offsets map 1:1 to the term buffer only when nothing before us changed the length (true in our chain).
            var mapsOffsets = _offset.EndOffset - _offset.StartOffset == length;
            var parts = new List<(string Text, int Start, int End)>();
            var i = 0;
            while (i < length)
            {
                while (i < length && buffer[i] == '-')
                {
                    i++;
                }
                var start = i;
                while (i < length && buffer[i] != '-')
                {
                    i++;
                }
                if (i > start)
                {
                    var s = mapsOffsets ? baseOffset + start : _offset.StartOffset;
                    var e = mapsOffsets ? baseOffset + i : _offset.EndOffset;
                    parts.Add((new string(buffer, start, i - start), s, e));
                }
            }

            if (parts.Count == 0)
            {
                skipped += _positionIncrement.PositionIncrement;
                continue;
            }

            _state = CaptureState();
            var increment = _positionIncrement.PositionIncrement + skipped;
            if (parts.Count == 1)
            {
                Emit((parts[0].Text, parts[0].Start, parts[0].End, increment));
                return true;
            }

            Emit((parts[0].Text, parts[0].Start, parts[0].End, increment));
            _pending.Enqueue((string.Concat(parts.Select(p => p.Text)), parts[0].Start, parts[^1].End, 0));
            for (var p = 1; p < parts.Count; p++)
            {
                _pending.Enqueue((parts[p].Text, parts[p].Start, parts[p].End, 1));
            }
            return true;
        }

        return false;
    }

    private void Emit((string Text, int Start, int End, int Increment) token)
    {
        if (_state is not null)
        {
            RestoreState(_state);
        }
        _term.SetEmpty().Append(token.Text);
        _offset.SetOffset(token.Start, token.End);
        _positionIncrement.PositionIncrement = token.Increment;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }
}
