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
                    || terms.All(m => IsFrontOfTypedCompound(analyzer, typedWords, m.Term)))
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
    /// Whether <paramref name="term"/> is what the front of a typed compound analyses to: "taken" (term "tak") for
    /// "taakspecialisatie", whose front "taak" stems to "tak" too; the compound written apart is the typed word, not
    /// another form (a QA pass saw "Ook gezocht op: taken"). As the query builder splits a compound it knows: a typed
    /// word of at least twelve letters, a front of at least four, a rest of at least six ("noorwegen" is not "noor" +
    /// "wegen", and "Noorse" stays listed).
    /// </summary>
    private static bool IsFrontOfTypedCompound(Analyzer analyzer, List<string> typedWords, string term)
    {
        foreach (var typed in typedWords)
        {
            if (typed.Length < 12 || !typed.StartsWith(term[..Math.Min(2, term.Length)], StringComparison.Ordinal))
            {
                continue;
            }
            for (var i = 4; i <= typed.Length - 6; i++)
            {
                var front = TokenAnalysis.Analyze(analyzer, IndexFields.Text, typed[..i]);
                if (front.Count == 1 && front[0].Term == term)
                {
                    return true;
                }
            }
        }
        return false;
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
