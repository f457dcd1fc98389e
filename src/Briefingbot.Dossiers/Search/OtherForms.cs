using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Analysis;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// The words a page of results was also found by, as the letters write them: a synonym ("aanschaf" for "inkoop"), an
/// abbreviation's other form ("Europees Defensiefonds" for "edf"), a typo's correction ("raketten" for "rakketten").
/// A reader who sees a marked word they did not type is told why (<see cref="SearchResponse.AlsoSearched"/>).
/// </summary>
/// <remarks>
/// Read from the marks in the shown snippets, so only what the page shows is listed. A mark is another form unless it
/// shares a term with the typed words (other inflections, compounds holding them: "drone" for "drones",
/// "dronebestrijding" for "drones"), holds a typed word or is, or stems to, part of one ("gasleveringszekerheid" for
/// "leveringszekerheid", "kazernes" for "kazernegebouwen"), starts with a typed prefix, or is a month (the hint of a
/// "wanneer" question, marked in the typo step: not a word the reader asked for).
/// </remarks>
internal static class OtherForms
{
    /// <summary>At most this many forms are listed.</summary>
    internal const int Max = 5;

    public static IReadOnlyList<string> Find(Analyzer analyzer, QueryNode node, IEnumerable<LetterHit> hits)
    {
        var typedTerms = new HashSet<string>(StringComparer.Ordinal);
        var typedWords = new List<string>();
        var prefixes = new List<string>();
        foreach (var leaf in LetterSearch.Leaves(node))
        {
            switch (leaf)
            {
                case PrefixNode prefix:
                    prefixes.Add(TextFolding.Fold(prefix.Text));
                    break;
                case WordNode or PhraseNode:
                    var text = leaf is WordNode w ? w.Text : ((PhraseNode)leaf).Text;
                    foreach (var token in TokenAnalysis.Analyze(analyzer, IndexFields.Text, text))
                    {
                        typedTerms.Add(token.Term);
                        if (!token.Stacked)
                        {
                            typedWords.Add(TextFolding.Fold(text[token.Start..token.End]));
                            typedWords.Add(token.Term);
                        }
                    }
                    break;
            }
        }
        if (typedTerms.Count == 0 && prefixes.Count == 0)
        {
            return [];
        }

        var months = QueryExpansions.MonthTerms.ToHashSet(StringComparer.Ordinal);
        HashSet<string>? fronts = null; // analysed once a query, when a mark needs them
        // One entry per analysed form ("Aanschaf", "aanschaf"), in order of first appearance; a form written at the
        // start of a sentence gives way to the same form written inside one ("Aanschaf van …" → "aanschaf").
        var forms = new List<(string Written, bool SentenceStart)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in hits.SelectMany(h => h.Passages.Count > 0 ? h.Passages.Select(p => p.Snippet) : [h.Snippet]))
        {
            foreach (var range in passage.Highlights)
            {
                var written = passage.Text.Substring(range.Start, range.Length).Trim();
                if (written.Length == 0)
                {
                    continue;
                }
                var sentenceStart = StartsSentence(passage.Text, range.Start);
                if (!seen.Add(written + (sentenceStart ? "\u0001" : "")))
                {
                    continue;
                }
                var folded = TextFolding.Fold(written);
                var terms = TokenAnalysis.Analyze(analyzer, IndexFields.Text, written);
                if (terms.Count == 0
                    || terms.Any(t => typedTerms.Contains(t.Term))
                    || terms.All(t => months.Contains(t.Term))
                    || prefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal))
                    || typedWords.Any(t => t.Length >= 3 && (folded.Contains(t, StringComparison.Ordinal) || t.Contains(folded, StringComparison.Ordinal)
                        || terms.Any(m => m.Term.Length >= 3 && t.Contains(m.Term, StringComparison.Ordinal))))
                    || terms.All(m => (fronts ??= FrontsOfTypedCompounds(analyzer, typedWords)).Contains(m.Term)))
                {
                    continue;
                }
                var key = string.Join(' ', terms.Where(t => !t.Stacked).Select(t => t.Term));
                if (!byKey.TryGetValue(key, out var at))
                {
                    byKey[key] = forms.Count;
                    forms.Add((written, sentenceStart));
                }
                else if (forms[at].SentenceStart && !sentenceStart)
                {
                    forms[at] = (written, false);
                }
            }
        }
        return forms.Take(Max).Select(f => f.Written).ToList();
    }

    /// <summary>
    /// What the fronts of the typed compounds analyse to: "tak" for "taakspecialisatie" ("taak"), so "taken" found
    /// apart is the typed word, not another form (a QA pass saw "Ook gezocht op: taken"). As the query builder splits
    /// a compound it knows: a typed word of at least twelve letters, a front of at least four, a rest of at least six
    /// ("noorwegen" is not "noor" + "wegen", and "Noorse" stays listed).
    /// </summary>
    private static HashSet<string> FrontsOfTypedCompounds(Analyzer analyzer, List<string> typedWords)
    {
        var fronts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var typed in typedWords.Distinct(StringComparer.Ordinal))
        {
            if (typed.Length < 12)
            {
                continue;
            }
            for (var i = 4; i <= typed.Length - 6; i++)
            {
                var front = TokenAnalysis.Analyze(analyzer, IndexFields.Text, typed[..i]);
                if (front.Count == 1)
                {
                    fronts.Add(front[0].Term);
                }
            }
        }
        return fronts;
    }

    /// <summary>Whether the text at <paramref name="start"/> begins a sentence (or the snippet).</summary>
    private static bool StartsSentence(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…';
    }
}
