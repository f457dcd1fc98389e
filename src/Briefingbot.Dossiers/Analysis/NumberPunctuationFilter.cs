using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Keeps a number's decimal comma or point inside the number ("18,1", "3,5", "2.000") and splits words at every other
/// comma or point, as the tokenizer did before it kept them ("zaken," is <c>zaken</c>; "d.m.v." is <c>d</c> <c>m</c>
/// <c>v</c>). A whole number then no longer matches the digits after a comma: "1 miljard" found "EUR 18,1 mld." and
/// "3 procent" found "1,3 procent". A token of commas and points only is dropped without taking a position.
/// </summary>
internal sealed class NumberPunctuationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly Queue<(string Text, int Start, int End)> _pending = new();

    public NumberPunctuationFilter(TokenStream input)
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
        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer;
            var length = _term.Length;
            if (Array.IndexOf(buffer, ',', 0, length) < 0 && Array.IndexOf(buffer, '.', 0, length) < 0)
            {
                return true;
            }
            // The tokenizer's offsets map one to one onto the term here (nothing before this filter changes its length).
            var baseOffset = _offset.StartOffset;
            var mapsOffsets = _offset.EndOffset - baseOffset == length;
            var cut = 0;
            while (cut < length && !IsBreak(buffer, cut, length))
            {
                cut++;
            }
            if (cut == length)
            {
                return true; // only a number's commas and points ("18,1")
            }
            var rest = cut;
            while (rest < length && buffer[rest] is ',' or '.')
            {
                rest++;
            }
            if (rest == length && mapsOffsets)
            {
                // The common case, a word before a comma or full stop ("zaken,"): cut in place, no new string.
                if (cut == 0)
                {
                    continue;
                }
                _term.Length = cut;
                _offset.SetOffset(baseOffset, baseOffset + cut);
                return true;
            }
            var start = 0;
            for (var i = 0; i <= length; i++)
            {
                if (i < length && !IsBreak(buffer, i, length))
                {
                    continue;
                }
                if (i > start)
                {
                    _pending.Enqueue((new string(buffer, start, i - start), At(start), At(i)));
                }
                start = i + 1;
            }
            if (_pending.Count == 0)
            {
                continue; // punctuation only: not a word, as before the tokenizer kept it
            }
            Emit(_pending.Dequeue(), _positionIncrement.PositionIncrement);
            return true;

            int At(int index) => mapsOffsets ? baseOffset + index : index == 0 ? baseOffset : _offset.EndOffset;
        }
        return false;
    }

    /// <summary>A comma or point that separates words: any one not between two digits.</summary>
    private static bool IsBreak(char[] buffer, int i, int length) =>
        buffer[i] is ',' or '.' && !(i > 0 && i + 1 < length && char.IsAsciiDigit(buffer[i - 1]) && char.IsAsciiDigit(buffer[i + 1]));

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
