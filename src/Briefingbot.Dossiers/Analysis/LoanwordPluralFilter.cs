using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Reduces "-s" plurals of words ending in "e" ("drones", "sancties", "ministeries") to the singular before the
/// Snowball Dutch stemmer runs. Snowball only removes a plural "s" after a consonant, so loanwords and "-ie" words
/// ("drone"/"drones", "sanctie"/"sancties") would otherwise never meet. Runs on folded lower-case terms.
/// </summary>
internal sealed class LoanwordPluralFilter(TokenStream input) : TokenFilter(input)
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
        if (length >= 5 && buffer[length - 1] == 's' && buffer[length - 2] == 'e')
        {
            var before = buffer[length - 3];
            // consonant + "es" (drones, tanks excluded) or "ies" (sancties); not "ees" (Europees) nor "ses" (processes).
            if (before == 'i' || (before is >= 'a' and <= 'z' && "aeiouyjs".IndexOf(before) < 0))
            {
                _term.Length = length - 1;
            }
        }
        return true;
    }
}
