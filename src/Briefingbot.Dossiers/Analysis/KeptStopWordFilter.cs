using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Marks two kinds of word to keep through the stop filter (<see cref="StopFilterKeepingMarked"/>), before lower case
/// and folding make them stop words:
/// <list type="bullet">
/// <item>the numeral "één" ("eén", "Eén"): Dutch writes the accents only where "one" is meant, and there it carries
/// meaning ("de gedachte van één defensie", one armed force); "een" without accents is still the article;</item>
/// <item>a stop word written in capitals, an abbreviation: "de ER van 23 oktober" is the European Council, not "er".</item>
/// </list>
/// </summary>
internal sealed class KeptStopWordFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;
    /// <summary>A capitalised word of at most four letters, lower-cased to look it up (one buffer per stream, not one per word).</summary>
    private readonly char[] lower = new char[4];

    public KeptStopWordFilter(TokenStream input) : base(input)
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
        var buffer = term.Buffer;
        var length = term.Length;
        if (length == 3 && IsEmphaticOne(char.ToLowerInvariant(buffer[0]), char.ToLowerInvariant(buffer[1]), char.ToLowerInvariant(buffer[2]))
            || length is >= 2 and <= 4 && IsCapitals(buffer, length) && IsStopWord(buffer, length))
        {
            keyword.IsKeyword = true;
        }
        return true;
    }

    private static bool IsEmphaticOne(char a, char b, char c) => (a is 'é' or 'e') && (b is 'é' or 'e') && c == 'n' && (a == 'é' || b == 'é');

    private static bool IsCapitals(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!char.IsUpper(buffer[i]))
            {
                return false;
            }
        }
        return true;
    }

    private bool IsStopWord(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            lower[i] = char.ToLowerInvariant(buffer[i]);
        }
        return DutchWordLists.StopWords.Contains(lower, 0, length);
    }
}

/// <summary>Lucene's stop filter, except that a word marked as a keyword (<see cref="KeptStopWordFilter"/>) stays.</summary>
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
