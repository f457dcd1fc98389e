using Lucene.Net.Analysis;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Keeps a number's decimal comma or point inside the number ("18,1", "3,5", "2.000") and splits words at every other
/// comma or point, as the tokenizer did before it kept them ("zaken," is <c>zaken</c>; "d.m.v." is <c>d</c> <c>m</c>
/// <c>v</c>). A whole number then no longer matches the digits after a comma: "1 miljard" found "EUR 18,1 mld." and
/// "3 procent" found "1,3 procent". A token of commas and points only is dropped without taking a position.
/// </summary>
internal sealed class NumberPunctuationFilter(TokenStream input) : TokenSplitFilter(input)
{
    public override bool IncrementToken()
    {
        if (EmitNextPiece())
        {
            return true;
        }
        while (m_input.IncrementToken())
        {
            var buffer = Term.Buffer;
            var length = Term.Length;
            if (Array.IndexOf(buffer, ',', 0, length) < 0 && Array.IndexOf(buffer, '.', 0, length) < 0)
            {
                return true;
            }
            // The tokenizer's offsets map one to one onto the term here (nothing before this filter changes its length).
            var baseOffset = Offset.StartOffset;
            var mapsOffsets = Offset.EndOffset - baseOffset == length;
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
                Term.Length = cut;
                Offset.SetOffset(baseOffset, baseOffset + cut);
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
                    AddPiece(new string(buffer, start, i - start), At(start), At(i));
                }
                start = i + 1;
            }
            if (!HasPieces)
            {
                continue; // punctuation only: not a word, as before the tokenizer kept it
            }
            EmitFirstPiece();
            return true;

            int At(int index) => mapsOffsets ? baseOffset + index : index == 0 ? baseOffset : Offset.EndOffset;
        }
        return false;
    }

    /// <summary>A comma or point that separates words: any one not between two digits.</summary>
    private static bool IsBreak(char[] buffer, int i, int length) =>
        buffer[i] is ',' or '.' && !(i > 0 && i + 1 < length && char.IsAsciiDigit(buffer[i - 1]) && char.IsAsciiDigit(buffer[i + 1]));
}
