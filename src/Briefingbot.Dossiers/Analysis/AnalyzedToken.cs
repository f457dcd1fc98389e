using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>A token produced by the chain: the indexed term, its position and its offsets in the analysed text.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int Start, int End, bool Stacked);

/// <summary>Runs an analyzer over a string and returns the tokens (for query building and highlighting).</summary>
public static class TokenAnalysis
{
    public static IReadOnlyList<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            var inc = increment.PositionIncrement;
            position += inc;
            tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), offset.StartOffset, offset.EndOffset, inc == 0));
        }
        stream.End();
        return tokens;
    }
}
