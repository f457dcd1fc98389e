using System.Text;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// The query behind "Meer zoals dit": the letter's most distinctive terms, chosen by Lucene's MoreLikeThis from its
/// own passages (frequent in the letter, rare in the index), plus a boost for letters in the same dossier; the letter
/// itself is excluded. The title alone (the old approach) often held only procedure words ("Vaststelling
/// begrotingsstaten … jaar") and found nothing.
/// </summary>
internal static class SimilarLetters
{
    private const int MaxPassages = 400;
    private const int MaxTextChars = 200_000;

    public static Query? Build(IndexSearcher searcher, Analyzer analyzer, string letterId, string? dossier, LetterQueryBuilder.Highlights highlights)
    {
        var passages = searcher.Search(new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.LetterId, letterId)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindPassage)), Occur.MUST },
        }, MaxPassages);
        var text = new StringBuilder();
        foreach (var hit in passages.ScoreDocs)
        {
            text.Append(searcher.Doc(hit.Doc).Get(IndexFields.Text)).Append("\n\n");
            if (text.Length > MaxTextChars)
            {
                break;
            }
        }
        if (text.Length == 0)
        {
            return null;
        }

        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [IndexFields.Text],
            MinTermFreq = 2,
            MinDocFreq = 2,
            MinWordLen = 4,
            MaxQueryTerms = 20,
            // Terms in more than a fifth of all passages say nothing about a subject.
            MaxDocFreq = Math.Max(2, searcher.IndexReader.NumDocs / 5),
            ApplyBoost = true,
        };
        using var reader = new StringReader(text.ToString());
        var like = mlt.Like(reader, IndexFields.Text);
        if (like is BooleanQuery { Clauses.Count: 0 })
        {
            return null;
        }
        var terms = new HashSet<Term>();
        like.ExtractTerms(terms);
        foreach (var term in terms)
        {
            highlights.Terms.Add(term.Text);
        }

        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(IndexFields.LetterId, letterId)), Occur.MUST_NOT },
        };
        if (!string.IsNullOrWhiteSpace(dossier))
        {
            query.Add(new TermQuery(new Term(IndexFields.Dossier, FilterValues.NormalizeDossier(dossier))) { Boost = 2f }, Occur.SHOULD);
        }
        return query;
    }
}
