using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Reads "%" as the word "procent": letters write "3,5%" and "3,5 procent", MPs type either. "2%" becomes <c>2</c>
/// (+1) and <c>procent</c> (+1, at the offsets of the "%"), so "2 procent" typed is the same two adjacent words and
/// a highlight marks the sign itself. The rest of a word around the sign passes on as it was ("3%-norm": <c>3</c>,
/// <c>procent</c>, <c>-norm</c>, whose hyphen <see cref="HyphenatedWordFilter"/> trims).
/// </summary>
internal sealed class PercentFilter : TokenFilter
{
    /// <summary>The word the sign stands for.</summary>
    public const string Word = "procent";

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly Queue<(string Text, int Start, int End)> _pending = new();

    public PercentFilter(TokenStream input)
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
            Emit(_pending.Dequeue(), 1);
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        if (Array.IndexOf(buffer, '%', 0, length) < 0)
        {
            return true;
        }
        // The tokenizer's offsets map one to one onto the term here (nothing before this filter changes its length).
        var baseOffset = _offset.StartOffset;
        var mapsOffsets = _offset.EndOffset - baseOffset == length;
        var start = 0;
        for (var i = 0; i <= length; i++)
        {
            if (i < length && buffer[i] != '%')
            {
                continue;
            }
            if (i > start)
            {
                _pending.Enqueue((new string(buffer, start, i - start), At(start), At(i)));
            }
            if (i < length)
            {
                _pending.Enqueue((Word, At(i), At(i + 1)));
            }
            start = i + 1;
        }
        Emit(_pending.Dequeue(), _positionIncrement.PositionIncrement);
        return true;

        int At(int index) => mapsOffsets ? baseOffset + index : index == 0 ? baseOffset : _offset.EndOffset;
    }

    private void Emit((string Text, int Start, int End) token, int increment)
    {
        _term.SetEmpty().Append(token.Text);
        _offset.SetOffset(token.Start, token.End);
        _positionIncrement.PositionIncrement = increment;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }
}
