using Lucene.Net.Analysis;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Reads "%" as the word "procent": letters write "3,5%" and "3,5 procent", MPs type either. "2%" becomes <c>2</c>
/// (+1) and <c>procent</c> (+1, at the offsets of the "%"), so "2 procent" typed is the same two adjacent words and
/// a highlight marks the sign itself. The rest of a word around the sign passes on as it was ("3%-norm": <c>3</c>,
/// <c>procent</c>, <c>-norm</c>, whose hyphen <see cref="HyphenatedWordFilter"/> trims).
/// </summary>
internal sealed class PercentFilter(TokenStream input) : TokenSplitFilter(input)
{
    /// <summary>The word the sign stands for.</summary>
    public const string Word = "procent";

    public override bool IncrementToken()
    {
        if (EmitNextPiece())
        {
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = Term.Buffer;
        var length = Term.Length;
        if (Array.IndexOf(buffer, '%', 0, length) < 0)
        {
            return true;
        }
        // The tokenizer's offsets map one to one onto the term here (nothing before this filter changes its length).
        var baseOffset = Offset.StartOffset;
        var mapsOffsets = Offset.EndOffset - baseOffset == length;
        var start = 0;
        for (var i = 0; i <= length; i++)
        {
            if (i < length && buffer[i] != '%')
            {
                continue;
            }
            if (i > start)
            {
                AddPiece(new string(buffer, start, i - start), At(start), At(i));
            }
            if (i < length)
            {
                AddPiece(Word, At(i), At(i + 1));
            }
            start = i + 1;
        }
        EmitFirstPiece();
        return true;

        int At(int index) => mapsOffsets ? baseOffset + index : index == 0 ? baseOffset : Offset.EndOffset;
    }
}
