namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Reads the apostrophe and the ampersand inside words, which the tokenizer keeps in them for this filter only:
/// <list type="bullet">
/// <item>an "'s" ending ("EDA's", "ROC’s", "risico’s") is the word's plural or possessive: the word without it. Apart,
/// the "s" was a word of its own, so "EDA's" typed had to match an "s" somewhere ("D.S. Beljaarts") and found one
/// passage where "EDA" finds nineteen;</item>
/// <item>"R&amp;D", "M&amp;A": one word, as an abbreviation of two short ones; apart, "R" and "D" were stray letters that
/// matched initials ("R.P. Brekelmans") and "D-SII";</item>
/// <item>everywhere else both separate words as before ("zo'n", "‘wapens’", "risk &amp; burden").</item>
/// </list>
/// </summary>
internal sealed class ApostropheFilter(Lucene.Net.Analysis.TokenStream input) : TokenSplitFilter(input)
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
            if (buffer.AsSpan(0, length).IndexOfAny(Marks) < 0)
            {
                return true;
            }
            var baseOffset = Offset.StartOffset;
            var mapsOffsets = Offset.EndOffset - baseOffset == length;
            var text = new string(buffer, 0, length);
            var end = length;
            if (end >= 3 && IsApostrophe(text[end - 2]) && text[end - 1] is 's' or 'S' && char.IsLetterOrDigit(text[end - 3]))
            {
                end -= 2;
            }
            var start = 0;
            for (var i = 0; i <= end; i++)
            {
                if (i < end && !(IsMark(text[i]) && !JoinsShortWords(text, i, end)))
                {
                    continue;
                }
                if (i > start)
                {
                    AddPiece(text[start..i], At(start), At(i));
                }
                start = i + 1;
            }
            if (HasPieces)
            {
                EmitFirstPiece();
                return true;
            }
            // Only marks ("&" alone): no word, as when the tokenizer did not keep them.

            int At(int index) => mapsOffsets ? baseOffset + index : index == 0 ? baseOffset : Offset.EndOffset;
        }
        return false;
    }

    private static readonly char[] Marks = ['\'', '’', '&'];

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static bool IsMark(char c) => c is '\'' or '’' or '&';

    /// <summary>An "&amp;" between two runs of one or two letters ("R&amp;D", "3%-R&amp;D-actieplan").</summary>
    private static bool JoinsShortWords(string text, int at, int end)
    {
        if (text[at] != '&')
        {
            return false;
        }
        var left = 0;
        while (at - left - 1 >= 0 && char.IsLetter(text[at - left - 1]))
        {
            left++;
        }
        var right = 0;
        while (at + right + 1 < end && char.IsLetter(text[at + right + 1]))
        {
            right++;
        }
        return left is 1 or 2 && right is 1 or 2
            && (at - left - 1 < 0 || !char.IsLetterOrDigit(text[at - left - 1]))
            && (at + right + 1 >= end || !char.IsLetterOrDigit(text[at + right + 1]));
    }
}
