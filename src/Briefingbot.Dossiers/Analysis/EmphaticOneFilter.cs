using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Marks the numeral "één" ("eén", "éen"; lower-cased) as a word to keep, before folding makes it the article "een",
/// a stop word. Dutch writes the accents only where "one" is meant, and there it carries meaning: "de gedachte van
/// één defensie" (one armed force) is a notion an MP searches for, as "één defensie"; the article is still left out,
/// and "een defensie" typed without accents finds what "defensie" finds.
/// </summary>
internal sealed class EmphaticOneFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    public EmphaticOneFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (term.Length == 3 && IsEmphaticOne(term.Buffer))
        {
            keyword.IsKeyword = true;
        }
        return true;
    }

    private static bool IsEmphaticOne(char[] c) =>
        (c[0] is 'é' or 'e') && (c[1] is 'é' or 'e') && c[2] == 'n' && (c[0] == 'é' || c[1] == 'é');
}

/// <summary>Lucene's stop filter, except that a word marked as a keyword (<see cref="EmphaticOneFilter"/>) stays.</summary>
internal sealed class StopFilterKeepingMarked : FilteringTokenFilter
{
    private readonly CharArraySet stopWords;
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    public StopFilterKeepingMarked(TokenStream input, CharArraySet stopWords)
        : base(Lucene.Net.Util.LuceneVersion.LUCENE_48, input)
    {
        this.stopWords = stopWords;
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    protected override bool Accept() => keyword.IsKeyword || !stopWords.Contains(term.Buffer, 0, term.Length);
}
