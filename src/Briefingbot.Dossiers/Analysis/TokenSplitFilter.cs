using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// A filter that may cut a token into pieces (<see cref="PercentFilter"/>, <see cref="NumberPunctuationFilter"/>): the
/// first piece takes the token's place and position, the others wait in a queue and follow one position apart.
/// </summary>
internal abstract class TokenSplitFilter : TokenFilter
{
    private readonly Queue<(string Text, int Start, int End)> _pending = new();

    protected TokenSplitFilter(TokenStream input)
        : base(input)
    {
        Term = AddAttribute<ICharTermAttribute>();
        Offset = AddAttribute<IOffsetAttribute>();
        PositionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    protected ICharTermAttribute Term { get; }

    protected IOffsetAttribute Offset { get; }

    protected IPositionIncrementAttribute PositionIncrement { get; }

    /// <summary>Whether pieces are queued.</summary>
    protected bool HasPieces => _pending.Count > 0;

    /// <summary>Queues a piece of the current token.</summary>
    protected void AddPiece(string text, int start, int end) => _pending.Enqueue((text, start, end));

    /// <summary>Emits the next queued piece one position after the previous one; false when none is queued.</summary>
    protected bool EmitNextPiece()
    {
        if (_pending.Count == 0)
        {
            return false;
        }
        Emit(_pending.Dequeue(), 1);
        return true;
    }

    /// <summary>Emits the first queued piece in place of the current token, at its position.</summary>
    protected void EmitFirstPiece() => Emit(_pending.Dequeue(), PositionIncrement.PositionIncrement);

    private void Emit((string Text, int Start, int End) piece, int increment)
    {
        Term.SetEmpty().Append(piece.Text);
        Offset.SetOffset(piece.Start, piece.End);
        PositionIncrement.PositionIncrement = increment;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }
}
