using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Mends two places where the Snowball Dutch stemmer leaves a plural and its singular apart, run on its output:
/// <list type="bullet">
/// <item>a doubled final consonant: Snowball undoubles only kk, dd and tt after removing "-en", so "grondstoffen"
/// stemmed to "grondstoff" and never met "grondstof" (likewise "rollen"/"rol", "cellen"/"cel", "bussen"/"bus");</item>
/// <item>the voiced final consonant of a plural: "brieven" stemmed to "briev" and "prijzen" to "prijz", where the
/// singular is "brief" and "prijs" (Dutch writes a final v as f and a final z as s).</item>
/// </list>
/// Index and queries share the chain, so the rule only has to be consistent; it never touches stems shorter than
/// three letters.
/// </summary>
internal sealed class DutchStemNormalizationFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        if (length < 3)
        {
            return true;
        }
        var last = buffer[length - 1];
        if (last == buffer[length - 2] && IsConsonant(last))
        {
            _term.Length = --length;
            last = buffer[length - 1];
        }
        if (last == 'v')
        {
            buffer[length - 1] = 'f';
        }
        else if (last == 'z')
        {
            buffer[length - 1] = 's';
        }
        return true;
    }

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && "aeiouy".IndexOf(c) < 0;
}
