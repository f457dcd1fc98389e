using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Briefingbot.Dossiers.Search;

/// <summary>How strictly a parsed query is turned into a Lucene query.</summary>
internal enum MatchMode
{
    /// <summary>Every word must match (AND), exact terms after analysis.</summary>
    AllTerms,
    /// <summary>Every word must match, each allowing typos.</summary>
    AllTermsFuzzy,
    /// <summary>Any word may match; passages matching more words rank higher.</summary>
    SomeTerms,
    /// <summary>Any word may match, allowing typos.</summary>
    SomeTermsFuzzy,
}

/// <summary>
/// Builds Lucene queries from a parsed <see cref="QueryNode"/> by running every word through the index's analysis
/// chain; no user text ever reaches Lucene's query syntax. Each word becomes a clause over the passage text, the
/// letter title (boosted: a letter about the subject beats a letter mentioning it) and the passage heading.
/// Not thread-safe: one builder per query.
/// </summary>
internal sealed partial class LetterQueryBuilder(Analyzer analyzer)
{
    internal const float TitleBoost = 0.6f;
    internal const float HeadingBoost = 0.3f;
    /// <summary>An answer's question words: they find the answer, but below passages that say the words themselves.</summary>
    internal const float ContextBoost = 0.5f;
    private const int MinPrefixLength = 3;

    /// <summary>Terms (analysed) and prefixes the query looks for: what the highlighter marks.</summary>
    public sealed class Highlights
    {
        public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
        public List<string> Prefixes { get; } = [];

        /// <summary>Runs of terms marked only where they stand together (an abbreviation's long form), with their positions.</summary>
        public List<IReadOnlyList<(string Term, int Position)>> Phrases { get; } = [];

        /// <summary>
        /// The front part of a typed compound ("lucht" of "luchtverdediging"): marked where a word is that part, not
        /// inside another compound ("luchttransport" is not about air defence). A term also in <see cref="Terms"/> is
        /// marked everywhere.
        /// </summary>
        public HashSet<string> WholeWordsOnly { get; } = new(StringComparer.Ordinal);

        public bool IsEmpty => Terms.Count == 0 && Prefixes.Count == 0 && Phrases.Count == 0 && WholeWordsOnly.Count == 0;
    }

    /// <summary>
    /// Tells whether a term occurs in the index. In the fuzzy modes only unknown terms (likely typos) are expanded:
    /// expanding a word that is in the index costs a term-dictionary walk and only adds noise.
    /// </summary>
    private Func<string, bool> _isKnown = _ => false;

    /// <summary>The Lucene query, or null when nothing searchable is left (only stop words or punctuation, or only NOT).</summary>
    /// <summary>Number of documents holding a term (any field), and the number of documents (for alternatives' weights).</summary>
    private Func<Term, int>? _docFreq;

    /// <summary>The index snapshot's derived and verb forms per typed word (<see cref="SearchTerms.DerivedCache"/>), or none.</summary>
    private DerivedFormsCache? _derivedCache;
    private int _documents;

    /// <summary>
    /// Tells whether an unknown term may have a term within the given edits in the index (<c>TypoNeighbours</c>): when
    /// it has none, the typo search is left out, since it would find nothing and its automata are costly to build.
    /// </summary>
    private Func<string, int, bool> _mayHaveTypo = (_, _) => true;

    /// <summary>Whether <see cref="_mayHaveTypo"/> asks the index (else it answers "maybe" for every word).</summary>
    private bool _typosKnown;

    /// <summary>The long forms the letters define for a typed short form ("edf": "europees defensiefonds").</summary>
    private Func<string, IReadOnlyList<string>> _longForms = _ => [];

    /// <summary>The short forms the letters define for typed words ("europees defensiefonds": "edf").</summary>
    private Func<IReadOnlyList<string>, IReadOnlyList<string>> _shortForms = _ => [];

    /// <summary>Typed words that together spell out an abbreviation, each with its short forms (by node).</summary>
    private readonly Dictionary<QueryNode, IReadOnlyList<string>> _spelledOut = new(ReferenceEqualityComparer.Instance);

    /// <summary>Typed words that together write an alternative of several words ("verenigde staten"): that group's one-word terms.</summary>
    private readonly Dictionary<QueryNode, IReadOnlyList<string>> _groupOfPhrase = new(ReferenceEqualityComparer.Instance);

    /// <summary>Longest run of typed words looked up as the long form of an abbreviation.</summary>
    private const int MaxLongFormWords = 8;

    public Query? Build(QueryNode node, MatchMode mode, Highlights highlights, Func<string, bool>? isKnown = null,
        Func<Term, int>? docFreq = null, int documents = 0, Func<string, int, bool>? mayHaveTypo = null,
        Func<string, IReadOnlyList<string>>? longForms = null, Func<IReadOnlyList<string>, IReadOnlyList<string>>? shortForms = null,
        DerivedFormsCache? derivedCache = null)
    {
        _derivedCache = derivedCache;
        _isKnown = isKnown ?? (_ => false);
        _longForms = longForms ?? (_ => []);
        _shortForms = shortForms ?? (_ => []);
        _spelledOut.Clear();
        _groupOfPhrase.Clear();
        _mayHaveTypo = mayHaveTypo ?? ((_, _) => true);
        _typosKnown = mayHaveTypo is not null;
        _docFreq = docFreq;
        _documents = documents;
        var asks = QuestionKind.Other;
        node = WithoutQuestionWords(node, ref asks);
        if (BuildNode(node, mode, highlights, negated: false) is not { } query)
        {
            return null;
        }
        query = Flatten(query);
        if (asks == QuestionKind.HowMany)
        {
            // "hoeveel …": the answer names a number or an amount ("199 miljoen euro", "€4,3 mld.", "zeven gebieden").
            // A passage that states one ranks higher; as for "wanneer", the hint never makes a passage match.
            return new BooleanQuery(disableCoord: true)
            {
                { query, Occur.MUST },
                { AnyTextTerm(QueryExpansions.AmountTerms, QueryExpansions.HowManyHintScore), Occur.SHOULD },
                { AnyTextTerm(QueryExpansions.CountTerms, QueryExpansions.HowManyCountScore), Occur.SHOULD },
            };
        }
        if (asks != QuestionKind.When || QueryExpansions.MonthTerms.Count == 0)
        {
            return query;
        }
        // "wanneer …": the answer names a date. A passage with a month ranks a little higher; the hint never makes a
        // passage match on its own (the words stay required, or counted, as before).
        var months = new BooleanQuery(disableCoord: true) { Boost = QueryExpansions.WhenHintBoost };
        foreach (var month in QueryExpansions.MonthTerms)
        {
            months.Add(new TermQuery(new Term(IndexFields.Text, month)), Occur.SHOULD);
        }
        return new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { months, Occur.SHOULD } };
    }

    /// <summary>A passage whose text holds any of <paramref name="terms"/> scores <paramref name="score"/> (once, however many it holds).</summary>
    private static Query AnyTextTerm(IReadOnlyList<string> terms, float score)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            any.Add(new TermQuery(new Term(IndexFields.Text, term)), Occur.SHOULD);
        }
        return new ConstantScoreQuery(any) { Boost = score };
    }

    /// <summary>What a question word asks for, where the answer's form is known: a date, a number.</summary>
    private enum QuestionKind { Other, When, HowMany }

    /// <summary>
    /// Leaves out question words ("waarom", "wanneer", "welke") between other words: they say what kind of answer is
    /// wanted, and the answer does not contain them. A query of only question words keeps them. In a question (a
    /// question word in it, or "klopt" first: "klopt het dat …") the verbs it is phrased with go too ("zegt", "vindt",
    /// "komt", "gebeurt"; QA pass: "wat vindt het kabinet van de dienstplicht" showed "Het kabinet vindt …" first),
    /// unless the question ends with a separable verb's particle ("komt nederland de afspraak na": the verb is the
    /// subject).
    /// </summary>
    private static QueryNode WithoutQuestionWords(QueryNode node, ref QuestionKind asks)
    {
        if (node is not AndNode and)
        {
            return node;
        }
        var question = (and.Children.Any(c => c is WordNode w && QueryExpansions.IsQuestionWord(w.Text))
                || and.Children[0] is WordNode first && QueryExpansions.OpensQuestion(first.Text))
            && !(and.Children[^1] is WordNode last && QueryExpansions.IsVerbParticle(last.Text));
        var kept = new List<QueryNode>(and.Children.Count);
        var kind = QuestionKind.Other;
        foreach (var child in and.Children)
        {
            if (child is WordNode word && QueryExpansions.IsQuestionWord(word.Text))
            {
                kind = QueryExpansions.AsksWhen(word.Text) ? QuestionKind.When : QueryExpansions.AsksHowMany(word.Text) ? QuestionKind.HowMany : kind;
                continue;
            }
            if (question && child is WordNode verb && (QueryExpansions.IsFillerVerb(verb.Text)
                || QueryExpansions.IsAskingVerb(verb.Text) && and.Children.Any(c => c is WordNode { Text: var w } && TextFolding.Fold(w).Equals("vragen", StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            kept.Add(child);
        }
        if (kept.Count == and.Children.Count || !kept.Any(c => c is not NotNode && !(c is WordNode w && DutchWordLists.IsStopWord(w.Text))))
        {
            return node;
        }
        asks = kind;
        return kept.Count == 1 ? kept[0] : new AndNode(kept);
    }

    /// <summary>
    /// Lifts the clauses of an any-of query nested in an any-of query into the outer one ("a OR (b OR c)" becomes
    /// "a OR b OR c", boosts multiplied). BM25 has no coordination factor, so the scores are the same; but one flat
    /// disjunction is scored in one pass, where nested ones each keep their own bucket table: a relaxed query over
    /// a million passages answered in about two thirds of the time (bench-search).
    /// </summary>
    internal static Query Flatten(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }
        var flat = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        // Only a disjunction without coordination can take its children's clauses: with coordination (several
        // words, any of which may match) the clauses count words, and lifting a word's fields would count fields.
        var anyOf = boolean.CoordDisabled && boolean.MinimumNumberShouldMatch == 0 && boolean.Clauses.All(c => c.Occur == Occur.SHOULD);
        foreach (var clause in boolean.Clauses)
        {
            var child = Flatten(clause.Query);
            if (anyOf && child is BooleanQuery { CoordDisabled: true } nested && nested.MinimumNumberShouldMatch == 0 && nested.Clauses.All(c => c.Occur == Occur.SHOULD))
            {
                foreach (var grandchild in nested.Clauses)
                {
                    var lifted = (Query)grandchild.Query.Clone();
                    lifted.Boost *= nested.Boost;
                    flat.Add(lifted, Occur.SHOULD);
                }
                continue;
            }
            flat.Add(child, clause.Occur);
        }
        return flat;
    }

    /// <summary>Number of positive words that survive analysis (used to decide whether relaxing makes sense).</summary>
    public int CountPositiveLeaves(QueryNode node) => node switch
    {
        AndNode a => a.Children.Sum(CountPositiveLeaves),
        OrNode o => o.Children.Sum(CountPositiveLeaves),
        NotNode => 0,
        _ => Build(node, MatchMode.AllTerms, new Highlights()) is null ? 0 : 1,
    };

    private Query? BuildNode(QueryNode node, MatchMode mode, Highlights highlights, bool negated)
    {
        var fuzzy = mode is MatchMode.AllTermsFuzzy or MatchMode.SomeTermsFuzzy;
        var some = mode is MatchMode.SomeTerms or MatchMode.SomeTermsFuzzy;
        switch (node)
        {
            case WordNode word when some && !negated && HyphenParts(word.Text) is { Length: > 1 } parts
                && parts.All(p => p.Length >= 3 && p.Any(char.IsLetter) || Percentage().IsMatch(p)) && parts.Any(p => p.Any(char.IsLetter)):
            {
                // Relaxing a hyphenated word ("Oekraine-steun"): as typed (whole or its parts as a phrase), or its
                // parts anywhere, more of them first, as a relaxed phrase. Letters that never join the words still
                // answer with the passages that hold them. Not a name of letters and numbers ("F-35", "NH-90"):
                // "35" alone is another thing; but a percentage is ("2%-norm": "2%" and "norm", QA pass: nothing found).
                var asTyped = BuildWord(word.Text, fuzzy, highlights, some, _spelledOut.GetValueOrDefault(word), _groupOfPhrase.GetValueOrDefault(word));
                var apart = BuildNode(new AndNode(parts.Select(p => (QueryNode)new WordNode(p)).ToList()), mode, highlights, negated);
                var either = new BooleanQuery(disableCoord: true);
                foreach (var clause in new[] { asTyped, apart })
                {
                    if (clause is not null)
                    {
                        either.Add(clause, Occur.SHOULD);
                    }
                }
                return either.Clauses.Count == 0 ? null : either;
            }
            case WordNode word when NumberWithUnit().Match(word.Text) is { Success: true } measure && Units.Contains(measure.Groups[2].Value):
            {
                // "155mm" typed, "155 mm" written (or the other way round, joined in the AND below): either spelling.
                var marks = negated ? new Highlights() : highlights;
                var either = new BooleanQuery(disableCoord: true);
                if (BuildWord(word.Text, fuzzy: false, marks, some && !negated) is { } joined)
                {
                    either.Add(joined, Occur.SHOULD);
                }
                if (BuildPhrase($"{measure.Groups[1].Value} {measure.Groups[2].Value}", marks, markTogether: true) is { } apart)
                {
                    either.Add(apart, Occur.SHOULD);
                }
                return either.Clauses.Count == 0 ? null : either;
            }
            case WordNode word when DossierNumber().Match(word.Text) is { Success: true } number:
            {
                // A dossier number, typed or written with or without its space ("36045", "36 045"; "21501-20",
                // "21 501-20"): either spelling, marked only where the digits stand together.
                var marks = negated ? new Highlights() : highlights;
                var either = new BooleanQuery(disableCoord: true);
                foreach (var spelling in new[] { word.Text, $"{number.Groups[1].Value} {number.Groups[2].Value}{number.Groups[3].Value}" })
                {
                    if (BuildPhrase(spelling, marks, markTogether: true) is { } clause)
                    {
                        either.Add(clause, Occur.SHOULD);
                    }
                }
                return either.Clauses.Count == 0 ? null : either;
            }
            case WordNode word:
                return BuildWord(word.Text, fuzzy, negated ? new Highlights() : highlights, some && !negated, _spelledOut.GetValueOrDefault(word),
                    _groupOfPhrase.GetValueOrDefault(word));
            case PhraseNode phrase when some && !negated:
                // Relaxing a phrase: its words, in any order.
                var words = phrase.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return words.Length > 1
                    ? BuildNode(new AndNode(words.Select(w => (QueryNode)new WordNode(w)).ToList()), mode, highlights, negated)
                    : BuildPhrase(phrase.Text, highlights);
            case PhraseNode phrase:
                return WithShortForms(phrase.Text, negated ? new Highlights() : highlights);
            case PrefixNode prefix:
                return BuildPrefix(prefix.Text, fuzzy, negated ? new Highlights() : highlights);
            case RankedByPhraseNode ranked:
            {
                // The word must match; the phrase, where the letter writes it, ranks the passage first.
                if (BuildNode(new WordNode(ranked.Word), mode, highlights, negated) is not { } word)
                {
                    return null;
                }
                var either = new BooleanQuery(disableCoord: true) { { word, Occur.MUST } };
                if (!negated && BuildPhrase(ranked.Phrase, highlights) is { } phrase)
                {
                    phrase.Boost *= 4f;
                    either.Add(phrase, Occur.SHOULD);
                }
                return either;
            }
            case QuestionNumberNode question:
                return new TermQuery(new Term(IndexFields.QuestionNumberTerm, question.Number));
            case NotNode:
                return null; // handled by the parent, which needs a positive clause next to it
            case AndNode and:
            {
                FindSpelledOut(and.Children);
                var query = new BooleanQuery();
                var positives = 0;
                foreach (var child in NumbersDatesAndNamesJoined(and.Children, asPhrases: !some))
                {
                    if (child is NotNode not)
                    {
                        // NOT is never relaxed: excluding less than the user asked for would be wrong.
                        if (BuildNode(not.Child, MatchMode.AllTerms, highlights, negated: true) is { } excluded)
                        {
                            query.Add(excluded, Occur.MUST_NOT);
                        }
                        continue;
                    }
                    if (BuildNode(child, mode, highlights, negated) is { } clause)
                    {
                        query.Add(clause, some ? Occur.SHOULD : Occur.MUST);
                        positives++;
                    }
                }
                return positives == 0 ? null : query;
            }
            case OrNode or:
            {
                var query = new BooleanQuery();
                foreach (var child in or.Children)
                {
                    if (child is NotNode)
                    {
                        continue; // "a OR NOT b" has no useful meaning for a search; ignore the negation
                    }
                    if (BuildNode(child, mode, highlights, negated) is { } clause)
                    {
                        query.Add(clause, Occur.SHOULD);
                    }
                }
                return query.Clauses.Count == 0 ? null : query;
            }
            default:
                return null;
        }
    }

    /// <summary>Units a number is written with, joined or apart ("155mm", "155 mm"; "3 km").</summary>
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "mm", "cm", "km", "kg", "kt", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh", "ha", "nm", "bcm", "mt", "pj",
    };

    /// <summary>A number joined to its unit ("155mm", "2gw").</summary>
    [GeneratedRegex(@"^([0-9]+)([A-Za-z]{2,3})$")]
    private static partial Regex NumberWithUnit();

    /// <summary>A number with a decimal comma or point, or thousands separators ("3,5", "1.000"), or a percentage ("2%", "3,5%").</summary>
    [GeneratedRegex(@"^[0-9]+(?:(?:[.,][0-9]+)+%?|%)$")]
    private static partial Regex SeparatedNumber();

    /// <summary>
    /// Names of institutions and meetings whose words alone mean other things: "state" is also the "Staten" of the
    /// United States, "raad" any council, "europese" everything European. Typed in full, the name is a phrase in the
    /// exact steps (the relaxed steps take its words apart, as for a date).
    /// </summary>
    private static readonly string[][] Institutions =
    [
        ["raad", "van", "state"], ["raad", "van", "europa"], ["hof", "van", "justitie"], ["hof", "van", "auditeurs"],
        ["europese", "raad"], ["tweede", "kamer"], ["eerste", "kamer"], ["raad", "buitenlandse", "zaken"], ["raad", "algemene", "zaken"],
    ];

    /// <summary>The institution's name whose words start at <paramref name="i"/>, as typed (case and diacritics aside), or null.</summary>
    private static string[]? InstitutionAt(IReadOnlyList<QueryNode> children, int i)
    {
        foreach (var name in Institutions)
        {
            if (i + name.Length <= children.Count && name.Select((w, k) => children[i + k] is WordNode { Text: var typed }
                && string.Equals(typed, w, StringComparison.OrdinalIgnoreCase)).All(same => same))
            {
                return [.. name.Select((_, k) => ((WordNode)children[i + k]).Text)];
            }
        }
        return null;
    }

    /// <summary>The dossier number a query is, and nothing else ("22112", "21 501-28", "21 501 28"), or null.</summary>
    /// <remarks>Typed in parts, it is joined as the search joins it (<see cref="NumbersDatesAndNamesJoined"/>).</remarks>
    internal static string? AsDossierNumber(QueryNode node) => node switch
    {
        WordNode { Text: var text } when DossierNumber().IsMatch(text) => text,
        AndNode words when NumbersDatesAndNamesJoined(words.Children, asPhrases: false) is [WordNode { Text: var joined }] && DossierNumber().IsMatch(joined) => joined,
        _ => null,
    };

    /// <summary>
    /// A Kamerstuk dossier number of five digits, with a sub-dossier number ("21501-20"): letters write it with a
    /// space after the first two digits or without ("30 821" and "30821" in the same letter).
    /// </summary>
    [GeneratedRegex(@"^([0-9]{2})([0-9]{3})(-[0-9]+)?$")]
    private static partial Regex DossierNumber();

    /// <summary>A percentage typed as one word: "2%", "3,5%".</summary>
    [GeneratedRegex(@"^[0-9]+(?:[.,][0-9]+)?%$")]
    private static partial Regex Percentage();

    /// <summary>A question's number as letters print it: "13", "2a".</summary>
    [GeneratedRegex(@"^[0-9]{1,3}[a-zA-Z]?$")]
    private static partial Regex QuestionNumber();

    private static bool IsQuestionNoun(string word) => word.ToLowerInvariant() is "vraag" or "vragen";

    private static bool IsAnswerNoun(string word) => word.ToLowerInvariant() is "antwoord" or "antwoorden" or "beantwoording";

    /// <summary>A typed amount's number: "12", "3,5", "€18,1" (the euro sign left out).</summary>
    [GeneratedRegex(@"^€?(?<n>[0-9]+(?:[.,][0-9]+)?)$")]
    private static partial Regex AmountNumber();

    /// <summary>The numeral "één" as Dutch writes it, with its accents ("één", "eén", "Eén"); "een" is the article.</summary>
    private static bool IsEmphaticOne(string word) =>
        word.Length == 3 && word.Contains('é', StringComparison.OrdinalIgnoreCase) && TextFolding.Fold(word).Equals("een", StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    };

    /// <summary>
    /// A typed dossier number in two parts ("30 821") becomes one word of either spelling (<see cref="DossierNumber"/>).
    /// A typed number followed by its unit ("155 mm") becomes one word of either spelling (<see cref="NumberWithUnit"/>):
    /// apart, the number and the unit would each be a word that must match, and "mm" alone is a word of no letter.
    /// A typed date ("19 maart", "1 december 2025") or institution ("raad van state", <see cref="InstitutionAt"/>)
    /// becomes a phrase: "19 februari … 28 maart" is not that date (the relaxed steps take the words apart:
    /// <paramref name="asPhrases"/> false, which a relaxed phrase's words must have, or they would be joined into the
    /// phrase again).
    /// </summary>
    private static IReadOnlyList<QueryNode> NumbersDatesAndNamesJoined(IReadOnlyList<QueryNode> children, bool asPhrases)
    {
        List<QueryNode>? joined = null;
        for (var i = 0; i < children.Count; i++)
        {
            if (asPhrases && i + 1 < children.Count && children[i] is WordNode { Text: var day } && day.Length <= 2 && day.All(char.IsAsciiDigit)
                && int.Parse(day, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31
                && children[i + 1] is WordNode { Text: var month } && MonthNames.Contains(month))
            {
                var withYear = i + 2 < children.Count && children[i + 2] is WordNode { Text: { Length: 4 } year } && year.All(char.IsAsciiDigit)
                    && year[0] is '1' or '2';
                joined ??= [.. children.Take(i)];
                joined.Add(new PhraseNode(withYear ? $"{day} {month} {((WordNode)children[i + 2]).Text}" : $"{day} {month}"));
                i += withYear ? 2 : 1;
                continue;
            }
            if (children.Count > 1 && children[i] is WordNode { Text: var one } && IsEmphaticOne(one))
            {
                // "één defensie": the numeral is kept as a word (KeptStopWordFilter), but letters also write "een"
                // where one is meant ("Een van de beperkende factoren"), and alone it is in "één van de", "één op één".
                // So it is never a word that must match: with the word after it, the two together rank first (a
                // regression pass: "één land" and "één van de …" had lost their full matches).
                joined ??= [.. children.Take(i)];
                if (asPhrases && i + 1 < children.Count && children[i + 1] is WordNode { Text: var what } && !DutchWordLists.IsStopWord(what))
                {
                    joined.Add(new RankedByPhraseNode(what, $"{one} {what}"));
                    i++;
                }
                continue;
            }
            if (asPhrases && i + 1 < children.Count && children[i] is WordNode { Text: var amount } && AmountNumber().Match(amount) is { Success: true } typedNumber
                && children[i + 1] is WordNode { Text: var amountUnit } && QueryExpansions.AmountUnitForms(amountUnit) is { Count: > 0 } units)
            {
                // "12 miljard", "5 procent": the number of that amount, not a 12 and a "miljard" anywhere in the passage
                // ("Ecofinraad van 12 december … EUR 54 mld."; QA pass). Either way letters write it: "12 mld.", "5%",
                // "twee miljoen". The relaxed steps take the words apart, as for a date.
                var digits = typedNumber.Groups["n"].Value;
                var numbers = QueryExpansions.NumberWordOf(digits) is { } word ? new[] { digits, word } : [digits];
                var forms = numbers.SelectMany(n => units.Select(u => (QueryNode)new PhraseNode($"{n} {u}"))).ToList();
                joined ??= [.. children.Take(i)];
                joined.Add(forms.Count == 1 ? forms[0] : new OrNode(forms));
                i++;
                continue;
            }
            if (asPhrases && i + 1 < children.Count && children[i] is WordNode { Text: var asked } && IsQuestionNoun(asked)
                && children[i + 1] is WordNode { Text: var questionNumber } && QuestionNumber().IsMatch(questionNumber))
            {
                // "vraag 13", "antwoord op vraag 25": the answer to that question, which seldom repeats the words
                // "vraag" or "antwoord", and a 13 anywhere is a date or another number (QA pass: "13 oktober" first).
                // "vragen 1 en 5", "vraag 3 of 4": any of them.
                var numbers = new List<QueryNode> { new QuestionNumberNode(questionNumber.ToLowerInvariant()) };
                var next = i + 2;
                while (next + 1 < children.Count && children[next] is WordNode { Text: var link } && link.ToLowerInvariant() is "en" or "of" or ","
                    && children[next + 1] is WordNode { Text: var more } && QuestionNumber().IsMatch(more))
                {
                    numbers.Add(new QuestionNumberNode(more.ToLowerInvariant()));
                    next += 2;
                }
                joined ??= [.. children.Take(i)];
                joined.RemoveAll(c => c is WordNode { Text: var before } && IsAnswerNoun(before));
                joined.Add(numbers.Count == 1 ? numbers[0] : new OrNode(numbers));
                i = next - 1;
                continue;
            }
            if (joined?.Exists(c => c is QuestionNumberNode or OrNode { Children: [QuestionNumberNode, ..] }) == true
                && children[i] is WordNode { Text: var after } && IsAnswerNoun(after))
            {
                continue;
            }
            if (asPhrases && InstitutionAt(children, i) is { } name)
            {
                // "raad van state": the institution, not a council and the "Staten" of the United States.
                joined ??= [.. children.Take(i)];
                joined.Add(new PhraseNode(string.Join(' ', name)));
                i += name.Length - 1;
                continue;
            }
            if (i + 1 < children.Count && children[i] is WordNode { Text: { Length: 2 } head } && head.All(char.IsAsciiDigit)
                && children[i + 1] is WordNode { Text: var tail } && DossierNumber().IsMatch(head + tail))
            {
                // "30 821": one dossier number (either spelling, above), not the numbers 30 and 821; "21 501 28" with
                // its sub-dossier typed without the dash.
                joined ??= [.. children.Take(i)];
                var sub = !tail.Contains('-', StringComparison.Ordinal) && i + 2 < children.Count
                    && children[i + 2] is WordNode { Text: { Length: 2 } part } && part.All(char.IsAsciiDigit) ? "-" + part : "";
                joined.Add(new WordNode(head + tail + sub));
                i += sub.Length > 0 ? 2 : 1;
                continue;
            }
            if (i + 1 < children.Count && children[i] is WordNode { Text: var number } && number.All(char.IsAsciiDigit)
                && children[i + 1] is WordNode { Text: var unit } && Units.Contains(unit))
            {
                joined ??= [.. children.Take(i)];
                joined.Add(new WordNode(number + unit));
                i++;
                continue;
            }
            joined?.Add(children[i]);
        }
        return joined ?? children;
    }

    /// <summary>
    /// Marks runs of typed words that spell out an abbreviation the letters define ("europees defensiefonds" for
    /// "EDF"), longest run first. Each word of the run then also matches the short form, so a passage that only says
    /// "EDF" holds all of them, as it holds what they name.
    /// </summary>
    private void FindSpelledOut(IReadOnlyList<QueryNode> children)
    {
        var i = 0;
        while (i < children.Count)
        {
            var run = 0;
            while (i + run < children.Count && children[i + run] is WordNode && run < MaxLongFormWords)
            {
                run++;
            }
            var found = 0;
            for (var length = run; length >= 2 && found == 0; length--)
            {
                var words = children.Skip(i).Take(length).Select(c => ((WordNode)c).Text).ToList();
                var shortForms = _shortForms(words);
                if (shortForms.Count > 0)
                {
                    found = length;
                    foreach (var child in children.Skip(i).Take(length))
                    {
                        _spelledOut[child] = shortForms;
                    }
                }
            }
            i += Math.Max(found, 1);
        }
        // Words that write a several-word alternative ("verenigde staten"): each also matches the group's words ("VS").
        // Words that are a compound typed apart ("route kaart", "levering zekerheid"): each also matches the compound
        // the letters write ("routekaart", "leveringszekerheid"), so a passage that has it holds both words.
        for (var start = 0; start + 1 < children.Count; start++)
        {
            if (children[start] is WordNode first && children[start + 1] is WordNode second
                && (QueryExpansions.AlternativesOfPhrase([first.Text, second.Text]) is { Count: > 0 } group
                    || CompoundTypedApart(first.Text, second.Text) is { } compound && (group = [compound]) is not null))
            {
                _groupOfPhrase[first] = group;
                _groupOfPhrase[second] = group;
                start++;
            }
        }
    }

    /// <summary>Shortest part of a compound typed apart: "wet" of "wet voorstel", "route" of "route kaart"; not "de", "op".</summary>
    private const int MinApartPart = 3;

    /// <summary>
    /// The analysed term of the compound two typed words write when joined, directly or with the linking "s"
    /// ("punten plan": "puntenplan"; "levering zekerheid": "leveringszekerheid"), when the letters use it; else null.
    /// Dutch writes compounds as one word and people often type them apart. Stop words never join ("voor stellen").
    /// </summary>
    private string? CompoundTypedApart(string first, string second)
    {
        if (first.Length < MinApartPart || second.Length < MinApartPart || !first.All(char.IsLetter) || !second.All(char.IsLetter)
            || DutchWordLists.IsStopWord(first) || DutchWordLists.IsStopWord(second))
        {
            return null;
        }
        // Worked out once per index snapshot and pair (every step of a query asks again): two analyses and look-ups.
        return Cached("\u0002" + TextFolding.Fold(first).ToLowerInvariant() + "\u0000" + TextFolding.Fold(second).ToLowerInvariant(), () =>
        {
            foreach (var linking in new[] { "", "s" })
            {
                // Analysed without the compound step, as the spelled guesses are: the word's own term is the same.
                if (TokenAnalysis.Analyze(WholeWords, IndexFields.Text, first + linking + second) is [{ Term: var joined }] && _isKnown(joined))
                {
                    return [joined];
                }
            }
            return [];
        }) is [var term] ? term : null;
    }

    /// <summary>A phrase that spells out an abbreviation ("\"Europees Defensiefonds\""): the phrase or its short form.</summary>
    private Query? WithShortForms(string text, Highlights highlights)
    {
        var phrase = BuildPhrase(text, highlights);
        var shortForms = _shortForms(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (phrase is null || ShortFormClauses(shortForms, highlights, PrimaryTerms(text).Select(t => t.Term)) is not { Count: > 0 } clauses)
        {
            return phrase;
        }
        var either = new BooleanQuery(disableCoord: true) { { phrase, Occur.SHOULD } };
        foreach (var clause in clauses)
        {
            either.Add(clause, Occur.SHOULD);
        }
        return either;
    }

    /// <summary>
    /// The short forms passages write as abbreviations (<see cref="IndexFields.Capitals"/>: "EDF", never the word "ras"
    /// for "RAS"), at <see cref="QueryExpansions.AlternativeBoost"/>, scaled down to the weight of
    /// <paramref name="typedTerms"/> when rarer (<see cref="CapTo"/>): every word of a spelled-out run carries the short form, so a passage
    /// that only says "EDF" scores at most 0.6 of what the typed words score where they are written.
    /// </summary>
    private List<Query> ShortFormClauses(IReadOnlyList<string>? shortForms, Highlights highlights, IEnumerable<string> typedTerms)
    {
        var clauses = new List<Query>();
        if (shortForms is not { Count: > 0 })
        {
            return clauses;
        }
        var typed = TypedWeight(typedTerms);
        foreach (var shortForm in shortForms)
        {
            var term = new Term(IndexFields.Capitals, shortForm);
            var docFreq = _docFreq?.Invoke(term) ?? 0;
            if (docFreq <= 0)
            {
                continue;
            }
            foreach (var token in PrimaryTerms(shortForm))
            {
                highlights.Terms.Add(token.Term);
            }
            clauses.Add(new TermQuery(term) { Boost = QueryExpansions.AlternativeBoost * CapTo(typed, Idf(docFreq)) });
        }
        return clauses;
    }

    private Query? BuildWord(string text, bool fuzzy, Highlights highlights, bool some = false, IReadOnlyList<string>? shortForms = null,
        IReadOnlyList<string>? phraseGroup = null)
    {
        var parts = HyphenParts(text);
        if (parts.Length > 1)
        {
            if (shortForms is { Count: > 0 } && BuildWord(text, fuzzy, highlights, some) is { } word)
            {
                // "Defensie-Industrieprogramma" of "Europees Defensie-Industrieprogramma" (EDIP): also the short form.
                var withShort = new BooleanQuery(disableCoord: true) { { word, Occur.SHOULD } };
                foreach (var clause in ShortFormClauses(shortForms, highlights, PrimaryTerms(string.Concat(parts)).Select(t => t.Term)))
                {
                    withShort.Add(clause, Occur.SHOULD);
                }
                return withShort.Clauses.Count == 1 ? word : withShort;
            }
            // "counter-drone": the whole word (indexed as "counterdrone") or the parts as a phrase.
            var wholeTerms = PrimaryTerms(string.Concat(parts));
            var phrase = BuildPhrase(string.Join(' ', parts), highlights);
            var either = new BooleanQuery(disableCoord: true);
            if (wholeTerms.Count == 1)
            {
                highlights.Terms.Add(wholeTerms[0].Term);
                either.Add(TermClause(wholeTerms[0].Term, fuzzy), Occur.SHOULD);
            }
            if (phrase is not null)
            {
                either.Add(phrase, Occur.SHOULD);
            }
            return either.Clauses.Count == 0 ? null : either;
        }

        var tokens = PrimaryTerms(text);
        if (tokens.Count == 0)
        {
            return null;
        }
        if (tokens.Count == 1)
        {
            highlights.Terms.Add(tokens[0].Term);
            // An unknown word that splits into two known words is a compound the letters do not use, not a typo: its
            // parts find it, and the typo automaton of a long word (milliseconds to build) is left out. Unless a word
            // the letters use is one edit away and is not that compound with another linking letter: "rakketten" is
            // "raketten" mistyped, not "rak" + "ketten"; "veiligheidsituatie" is "veiligheidssituatie".
            var split = (fuzzy || some) && !_isKnown(tokens[0].Term)
                ? Decompound(text, some, highlights, onlyWritten: _typosKnown && _mayHaveTypo(tokens[0].Term, 1)) : null;
            var clause = WithAlternatives(TermClause(tokens[0].Term, fuzzy && split is null, text), tokens[0].Term, highlights, text, shortForms, phraseGroup);
            if (_isKnown(tokens[0].Term) && KnownCompoundParts(text, tokens[0].Term, some, highlights) is { } written)
            {
                // A compound the letters use ("mobiliteitspakket"): also written apart ("mobiliteit pakket"), and in
                // the partial step what it is a kind of ("taakspecialisatie" → "specialisatie").
                return new BooleanQuery(disableCoord: true) { { clause, Occur.SHOULD }, { written, Occur.SHOULD } };
            }
            if ((fuzzy || some) && !_isKnown(tokens[0].Term))
            {
                // Not in the exact step, so that the typo step still finds the word in another inflection first.
                var either = new BooleanQuery(disableCoord: true) { { clause, Occur.SHOULD } };
                if (split is not null)
                {
                    // A compound the letters do not use ("olievoorraad"): also its two known parts ("voorraad olie").
                    either.Add(split, Occur.SHOULD);
                }
                else if (tokens[0].Term.Length >= MinUnknownPrefix && tokens[0].Term.All(char.IsLetter))
                {
                    // The beginning of a longer word the letters use ("voorhang" in "voorhangprocedure").
                    highlights.Prefixes.Add(tokens[0].Term);
                    either.Add(new PrefixQuery(new Term(IndexFields.Text, tokens[0].Term)) { Boost = 0.5f }, Occur.SHOULD);
                }
                return either.Clauses.Count == 1 ? clause : either;
            }
            return clause;
        }
        if (SeparatedNumber().IsMatch(text))
        {
            // "3,5%": the digits (and "%", read as "procent") as written together, marked only there (not every "3"
            // and "5" of the passage).
            return BuildPhrase(text, highlights, markTogether: true);
        }
        // One typed "word" that analyses into several ("NAVO/EU", "title:drones"): all of them; when relaxing, more
        // of them first.
        var all = new BooleanQuery();
        foreach (var token in tokens)
        {
            highlights.Terms.Add(token.Term);
            all.Add(TermClause(token.Term, fuzzy), some ? Occur.SHOULD : Occur.MUST);
        }
        return all;
    }

    /// <summary>The parts of a hyphenated word ("counter-drone": "counter", "drone"); one part for any other word.</summary>
    private static string[] HyphenParts(string text) => text.Split(['-', '\u2010', '\u2011'], StringSplitOptions.RemoveEmptyEntries);

    /// <param name="markTogether">Mark the words only where they stand together (<see cref="Highlights.Phrases"/>), as
    /// for a number written in parts ("3,5"), whose parts alone are other numbers.</param>
    private Query? BuildPhrase(string text, Highlights highlights, bool markTogether = false)
    {
        var tokens = PrimaryTerms(text);
        if (markTogether && tokens.Count > 1)
        {
            highlights.Phrases.Add(tokens.Select(t => (t.Term, t.Position)).ToList());
            highlights = new Highlights();
        }
        if (tokens.Count == 0)
        {
            return null;
        }
        if (tokens.Count == 1)
        {
            highlights.Terms.Add(tokens[0].Term);
            return TermClause(tokens[0].Term, fuzzy: false);
        }
        var query = new BooleanQuery(disableCoord: true);
        if (tokens.Count == 2 && tokens[1].Position == tokens[0].Position + 1)
        {
            // Two adjacent words: one term of the word-pair fields, not a positional intersection of two (often long)
            // posting lists ("defensie-industrie" over a million passages: two thirds of the query's time).
            var pair = AdjacentPairsFilter.Pair(tokens[0].Term, tokens[1].Term);
            foreach (var (field, boost) in Fields)
            {
                query.Add(new TermQuery(new Term(IndexFields.PairsOf(field), pair)) { Boost = boost }, Occur.SHOULD);
            }
            highlights.Terms.Add(tokens[0].Term);
            highlights.Terms.Add(tokens[1].Term);
            return query;
        }
        foreach (var (field, boost) in Fields)
        {
            var phrase = new PhraseQuery { Boost = boost };
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token.Term), token.Position);
            }
            query.Add(phrase, Occur.SHOULD);
        }
        foreach (var token in tokens)
        {
            highlights.Terms.Add(token.Term);
        }
        return query;
    }

    private Query? BuildPrefix(string text, bool fuzzy, Highlights highlights)
    {
        var folded = TextFolding.Fold(text.Trim('-'));
        if (folded.Length < MinPrefixLength || folded.Any(c => !char.IsLetterOrDigit(c)))
        {
            // "a*" would expand to half the vocabulary; treat short or odd prefixes as plain words.
            return BuildWord(text, fuzzy, highlights);
        }
        // The index holds stems, so look for both the prefix as typed ("investeringen*") and its stem.
        var stems = PrimaryTerms(folded);
        var prefixes = new HashSet<string>(StringComparer.Ordinal) { folded };
        if (stems.Count == 1 && stems[0].Term.Length >= MinPrefixLength)
        {
            prefixes.Add(stems[0].Term);
        }
        var query = new BooleanQuery(disableCoord: true);
        foreach (var prefix in prefixes)
        {
            highlights.Prefixes.Add(prefix);
            foreach (var (field, boost) in Fields)
            {
                query.Add(new PrefixQuery(new Term(field, prefix)) { Boost = boost }, Occur.SHOULD);
            }
        }
        return query;
    }

    private const int MinCompoundLength = 8;
    private const int MinUnknownPrefix = 5;
    private const int MinCompoundPart = 3;

    /// <summary>
    /// Splits a word the index does not know into two parts it does know ("veteranenzorg" = "veteranen" + "zorg",
    /// "mobiliteitspakket" = "mobiliteit(s)" + "pakket"; the Dutch linking -s- may be dropped), preferring the most
    /// balanced split. Both parts must occur (every word matching); in the partial modes either part may, with
    /// coordination (both first). Only unknown words are split, so the cost (a few short analyses) stays off the
    /// common path, and a compound the letters do use is never diluted.
    /// </summary>
    /// <param name="onlyWritten">Only when the letters write the compound with or without a linking letter (the word
    /// is then one edit from it, and that form is what it means): for a word with a typo neighbour.</param>
    private Query? Decompound(string word, bool some, Highlights highlights, bool onlyWritten = false)
    {
        var folded = TextFolding.Fold(word);
        if (folded.Length < MinCompoundLength || !folded.All(char.IsLetter))
        {
            return null;
        }
        string? bestHead = null, bestTail = null;
        var bestBalance = 0;
        var bestAt = 0;
        for (var i = MinCompoundPart; i <= folded.Length - MinCompoundPart; i++)
        {
            var balance = Math.Min(i, folded.Length - i);
            if (balance <= bestBalance)
            {
                continue;
            }
            var tail = KnownSingleTerm(folded[i..]);
            if (tail is null)
            {
                continue;
            }
            var headWord = folded[..i];
            var head = KnownSingleTerm(headWord)
                ?? (headWord.Length > MinCompoundPart && headWord[^1] == 's' ? KnownSingleTerm(headWord[..^1]) : null);
            if (head is null || head == tail)
            {
                continue;
            }
            (bestHead, bestTail, bestBalance, bestAt) = (head, tail, balance, i);
        }
        if (bestHead is null || bestTail is null)
        {
            return null;
        }
        var linked = LinkedForms(folded[..bestAt], folded[bestAt..]);
        if (onlyWritten && linked.Count == 0)
        {
            return null;
        }
        highlights.WholeWordsOnly.Add(bestHead);
        highlights.Terms.Add(bestTail);
        foreach (var form in linked)
        {
            highlights.Terms.Add(form);
        }
        // With coordination in the partial modes (one part scores half); Flatten leaves such a query whole. Boosted by
        // half: the two parts stand for one typed word, so they must not outweigh another word of the query.
        var parts = some ? new BooleanQuery() : new BooleanQuery(disableCoord: true);
        parts.Boost = 0.5f;
        parts.Add(TermClause(bestHead, fuzzy: false), some ? Occur.SHOULD : Occur.MUST);
        parts.Add(TermClause(bestTail, fuzzy: false), some ? Occur.SHOULD : Occur.MUST);
        if (linked.Count == 0)
        {
            return parts;
        }
        // The compound as the letters write it, with or without a linking letter ("veiligheidsituatie" typed,
        // "veiligheidssituatie" written): the typo most often made in a compound, found without a typo automaton.
        var either = new BooleanQuery(disableCoord: true) { { parts, Occur.SHOULD } };
        foreach (var form in linked)
        {
            either.Add(TermClause(form, fuzzy: false), Occur.SHOULD);
        }
        return either;
    }

    /// <summary>
    /// The known single words made of <paramref name="head"/> and <paramref name="tail"/> with a Dutch linking letter
    /// added (-s-, -e-, -en-) or the one the head ends in left out.
    /// </summary>
    private List<string> LinkedForms(string head, string tail)
    {
        var candidates = new List<string> { head + "s" + tail, head + "e" + tail, head + "en" + tail };
        foreach (var linking in new[] { "en", "s", "e" })
        {
            if (head.Length > linking.Length + MinCompoundPart - 1 && head.EndsWith(linking, StringComparison.Ordinal))
            {
                candidates.Add(head[..^linking.Length] + tail);
            }
        }
        var forms = new List<string>();
        foreach (var candidate in candidates)
        {
            if (KnownSingleTerm(candidate) is { } term && !forms.Contains(term))
            {
                forms.Add(term);
            }
        }
        return forms;
    }

    /// <summary>
    /// The word's alternatives (<see cref="QueryExpansions"/>) next to it, as one clause of the same word: in the text
    /// and the question context only, at <see cref="QueryExpansions.AlternativeBoost"/>. A short form the letters
    /// define ("EDF", <see cref="Letters.Abbreviations"/>) also finds its long form ("Europees Defensiefonds") as a
    /// phrase in the text, at the same weight: letters spell it out once and other letters only spell it out.
    /// </summary>
    private Query WithAlternatives(Query clause, string term, Highlights highlights, string typed, IReadOnlyList<string>? shortForms,
        IReadOnlyList<string>? phraseGroup = null)
    {
        // Part of an abbreviation spelled out: its short form, however common the word ("europees" of "EDF").
        var spelledOut = ShortFormClauses(shortForms, highlights, [term]);
        var common = IsCommon(term);
        var alternatives = common ? [] : QueryExpansions.AlternativesOf(term);
        if (!common && Derived(typed, term) is { Count: > 0 } derived)
        {
            // The verb's noun ("produceren": "productie"), its finite form and participle ("versterking":
            // "versterkt"; "investering": "geinvesteerd"), as other forms of the same word.
            alternatives = [.. alternatives, .. derived.Where(t => !alternatives.Contains(t))];
        }
        if (phraseGroup is { Count: > 0 })
        {
            // One of the words of "verenigde staten": also "VS", "Amerika", whatever the word's own frequency.
            alternatives = [.. alternatives, .. phraseGroup.Where(t => t != term && !alternatives.Contains(t))];
        }
        var longForms = common || Letters.Abbreviations.ShortFormOf(typed) is not { Length: >= Letters.Abbreviations.MinExpandedLetters }
            ? [] : _longForms(typed);
        var phrases = common ? [] : QueryExpansions.PhraseAlternativesOf(term);
        if (alternatives.Count == 0 && longForms.Count == 0 && phrases.Count == 0 && spelledOut.Count == 0)
        {
            // A word in a large share of the passages ("steun", "oekraine") already fills every page: its synonyms
            // would add postings to score (time) and no answer the word does not find.
            return clause;
        }
        var either = new BooleanQuery(disableCoord: true) { { clause, Occur.SHOULD } };
        foreach (var alternative in alternatives)
        {
            if (!_isKnown(alternative))
            {
                continue;
            }
            highlights.Terms.Add(alternative);
            var boost = QueryExpansions.AlternativeBoost * RarityCap(term, alternative);
            foreach (var (field, fieldBoost) in AlternativeFields)
            {
                either.Add(new TermQuery(new Term(field, alternative)) { Boost = boost * fieldBoost }, Occur.SHOULD);
            }
        }
        // A long form where the typed word is looked for (text, title, heading, question answered); a several-word
        // alternative where the one-word alternatives are (text, question answered).
        AddPhrases(either, longForms, Fields);
        AddPhrases(either, phrases, AlternativeFields);
        foreach (var shortForm in spelledOut)
        {
            either.Add(shortForm, Occur.SHOULD);
        }
        return either.Clauses.Count == 1 ? clause : either;

        void AddPhrases(BooleanQuery into, IReadOnlyList<string> forms, (string Field, float Boost)[] fields)
        {
            foreach (var form in forms)
            {
                foreach (var (field, fieldBoost) in fields)
                {
                    if (LongFormQuery(form, term, highlights, field) is { } phrase)
                    {
                        phrase.Boost *= fieldBoost;
                        into.Add(phrase, Occur.SHOULD);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The analysed terms of the typed word's derived forms (<see cref="QueryExpansions.DerivedForms"/>), verb forms
    /// (<see cref="QueryExpansions.VerbForms"/>) and infinitives (<see cref="QueryExpansions.InfinitiveForms"/>) that
    /// the letters use.
    /// </summary>
    private IReadOnlyList<string> Derived(string typed, string term) => Cached(typed + "\u0000" + term, () => Spelled(typed, term));

    /// <summary>Forms worked out once per index snapshot (<see cref="_derivedCache"/>), or each time without one.</summary>
    private IReadOnlyList<string> Cached(string key, Func<List<string>> work)
    {
        if (_derivedCache is null)
        {
            return work();
        }
        if (_derivedCache.TryGet(key, out var cached))
        {
            return cached;
        }
        var found = work().ToArray();
        _derivedCache.Add(key, found);
        return found;
    }

    private List<string> Spelled(string typed, string term)
    {
        var terms = new List<string>();
        foreach (var form in QueryExpansions.DerivedForms(typed).Concat(QueryExpansions.VerbForms(typed, term)).Concat(QueryExpansions.InfinitiveForms(typed)))
        {
            // Up to a dozen guesses per word, most of them no word at all: analysed without the compound step (a
            // guess's own term is the same; only stacked parts differ), looked up where an alternative is searched.
            if (TokenAnalysis.Analyze(WholeWords, IndexFields.Text, form) is [{ Term: var derived }] && derived != term
                && !terms.Contains(derived) && InAlternativeFields(derived))
            {
                terms.Add(derived);
            }
        }
        return terms;
    }

    /// <summary>The analysis chain without its compound step, for spelled guesses (thread-safe: components are per thread).</summary>
    private static readonly Analyzer WholeWords = new DutchLetterAnalyzer(compounds: false);

    /// <summary>Whether a passage holds the term where alternatives are looked for (text, question context).</summary>
    private bool InAlternativeFields(string term) => _docFreq is null
        ? _isKnown(term)
        : _docFreq(new Term(IndexFields.Text, term)) > 0 || _docFreq(new Term(IndexFields.Context, term)) > 0;

    /// <summary>The fields a one-word alternative is looked for in, with their weights.</summary>
    private static readonly (string Field, float Boost)[] AlternativeFields = [(IndexFields.Text, 1f), (IndexFields.Context, ContextBoost)];

    /// <summary>
    /// The long form of an abbreviation, or an alternative of several words ("Verenigde Staten" for "amerikaanse"),
    /// as a phrase in <paramref name="field"/> (two words: one word-pair term; marked only in the text), at
    /// <see cref="QueryExpansions.AlternativeBoost"/> scaled down to the typed word's weight when the phrase weighs
    /// more (BM25 weighs a phrase by the sum of its words' rarity, so "NATO Support and Procurement Agency" would
    /// outweigh "NSPA" as typed; the weight is read from the text's frequencies, the word pair's from the field's).
    /// Marked only where its words stand together. Left out when every word of it is in a
    /// large share of the passages ("Europese Commissie"): long lists to intersect for a phrase that adds little.
    /// </summary>
    private Query? LongFormQuery(string longForm, string typedTerm, Highlights highlights, string field)
    {
        var tokens = PrimaryTerms(longForm);
        if (tokens.Count < 2 || tokens.All(t => IsCommon(t.Term)))
        {
            return null; // a single word is no safer a sign of the abbreviation than the word itself
        }
        Query query;
        double weight;
        if (tokens.Count == 2 && tokens[1].Position == tokens[0].Position + 1)
        {
            var pair = new Term(IndexFields.PairsOf(field), AdjacentPairsFilter.Pair(tokens[0].Term, tokens[1].Term));
            query = new TermQuery(pair);
            weight = Idf(_docFreq?.Invoke(pair) ?? 0);
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token.Term), token.Position);
            }
            query = phrase;
            weight = tokens.Sum(t => Idf(_docFreq?.Invoke(new Term(IndexFields.Text, t.Term)) ?? 0));
        }
        query.Boost = QueryExpansions.AlternativeBoost * CapTo(TypedWeight([typedTerm]), weight);
        if (field == IndexFields.Text)
        {
            highlights.Phrases.Add(tokens.Select(t => (t.Term, t.Position)).ToList());
        }
        return query;
    }

    /// <summary>
    /// Keeps a rare alternative from outweighing a common word as typed: BM25 weighs a term by its rarity, so without
    /// this "krijgsmacht" (in many passages) would rank below its rarer synonym "strijdkrachten". The factor scales the
    /// alternative's weight down to the typed word's inverse document frequency when the alternative is rarer.
    /// </summary>
    private float RarityCap(string term, string alternative) =>
        _docFreq is null || _documents <= 0 ? 1f : CapTo(TypedWeight([term]), Idf(TextDocFreq(alternative)));

    /// <summary>The weight BM25 gives the words as typed (the sum of their rarity); 0 when the frequencies are not known.</summary>
    private double TypedWeight(IEnumerable<string> terms) =>
        _docFreq is null || _documents <= 0 ? 0 : terms.Sum(t => Idf(TextDocFreq(t)));

    /// <summary>
    /// The factor that scales another form of the typed words (a synonym, an abbreviation's other form) down to their
    /// weight when it weighs more; 1 when it does not, or when the typed weight is not known.
    /// </summary>
    private static float CapTo(double typed, double other) => typed > 0 && other > typed ? (float)(typed / other) : 1f;

    private int TextDocFreq(string term) => _docFreq!(new Term(IndexFields.Text, term));

    /// <summary>Share of the documents above which a typed word is not expanded with alternatives.</summary>
    internal const double CommonShare = 0.02;

    /// <summary>A word in fewer passages than this is never common (small corpora, tests).</summary>
    internal const int MinCommonPassages = 20;

    private bool IsCommon(string term) => InShareOfPassages(term, CommonShare);

    /// <summary>True for a word in more than <paramref name="share"/> of the passages (and at least <see cref="MinCommonPassages"/>); false when frequencies are not known.</summary>
    private bool InShareOfPassages(string term, double share) =>
        _docFreq is not null && _documents > 0 && TextDocFreq(term) > Math.Max(_documents * share, MinCommonPassages);

    /// <summary>Share of the passages above which a word is not looked for in the letters' titles.</summary>
    internal const double TitleSkipShare = 0.2;

    /// <summary>
    /// True for a word in more than a fifth of the passages ("defensie" in a defence corpus). Its title clause is left
    /// out: every passage of every letter titled with it would match, a letter-wide bonus that says little about which
    /// passage answers, and the union of those title postings with the text's was half the cost of the slowest broad
    /// queries at a million passages ("Europese defensie": CPU p99 of the realistic broad set 36 → 20 ms, A/B in one
    /// hour). The word still matches where the passages themselves use it; rarer words still match in titles.
    /// </summary>
    private bool InFifthOfPassages(string term) => InShareOfPassages(term, TitleSkipShare);

    private double Idf(int docFreq) => Math.Log(1 + (_documents - docFreq + 0.5) / (docFreq + 0.5));

    private const int MinKnownCompoundLength = 12;
    private const int MinTailLength = 6;

    /// <summary>
    /// A long compound the index knows, split into two known words ("mobiliteitspakket" = "mobiliteit(s)" + "pakket",
    /// "taakspecialisatie" = "taak" + "specialisatie"): the two parts as separate words (letters often write a
    /// compound apart), and in the partial modes also the last part alone at lower weight, since Dutch compounds name
    /// their kind last. The longest tail of at least six letters whose front is a known word (or one with the
    /// linking -s-) is taken.
    /// </summary>
    private Query? KnownCompoundParts(string word, string term, bool some, Highlights highlights)
    {
        var folded = TextFolding.Fold(word).ToLowerInvariant();
        if (folded.Length < MinKnownCompoundLength || !folded.All(char.IsLetter))
        {
            return null;
        }
        for (var i = MinCompoundPart + 1; i <= folded.Length - MinTailLength; i++)
        {
            var tail = KnownSingleTerm(folded[i..]);
            if (tail is null || tail == term)
            {
                continue;
            }
            var headWord = folded[..i];
            var head = KnownSingleTerm(headWord)
                ?? (headWord[^1] == 's' ? KnownSingleTerm(headWord[..^1]) : null);
            if (head is null || head == tail)
            {
                continue;
            }
            if (IsCommon(head) && IsCommon(tail))
            {
                // Two words in a large share of the passages ("industrie" + "samenwerking"): matching them apart
                // costs a scan of both long lists and mostly finds passages that merely use both.
                return null;
            }
            highlights.WholeWordsOnly.Add(head);
            highlights.Terms.Add(tail);
            // Both parts in the passage's own text: a part in the question an answer answers is not the compound
            // written apart (a QA pass: "vraagbundeling" found "krachten bundelen" through the "zo vragen de leden" of
            // its question, above three passages that write "vraagbundeling").
            var apart = new BooleanQuery(disableCoord: true) { Boost = 0.8f };
            apart.Add(new TermQuery(new Term(IndexFields.Text, head)), Occur.MUST);
            apart.Add(new TermQuery(new Term(IndexFields.Text, tail)), Occur.MUST);
            if (!some || IsCommon(tail))
            {
                return apart;
            }
            var kind = new BooleanQuery(disableCoord: true) { Boost = 0.5f };
            kind.Add(new TermQuery(new Term(IndexFields.Text, tail)), Occur.SHOULD);
            kind.Add(new TermQuery(new Term(IndexFields.Context, tail)) { Boost = ContextBoost }, Occur.SHOULD);
            return new BooleanQuery(disableCoord: true) { { apart, Occur.SHOULD }, { kind, Occur.SHOULD } };
        }
        return null;
    }

    private string? KnownSingleTerm(string text)
    {
        var terms = PrimaryTerms(text);
        return terms.Count == 1 && terms[0].Term.Length >= MinCompoundPart && _isKnown(terms[0].Term) ? terms[0].Term : null;
    }

    private static readonly (string Field, float Boost)[] Fields =
    [
        (IndexFields.Text, 1f),
        (IndexFields.Title, TitleBoost),
        (IndexFields.Heading, HeadingBoost),
        (IndexFields.Context, ContextBoost),
    ];

    private Query TermClause(string term, bool fuzzy, string? typed = null)
    {
        var query = new BooleanQuery(disableCoord: true);
        var titleSaysLittle = InFifthOfPassages(term);
        foreach (var (field, boost) in Fields)
        {
            if (field == IndexFields.Title && titleSaysLittle)
            {
                continue;
            }
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        var edits = term.Length >= 8 ? 2 : 1;
        // Not a number ("2046" is not a typo of "2045"; "501-29" not of "501-20"): numbers are exact.
        if (fuzzy && term.Length == SwapOnlyLength && term.All(char.IsLetter) && !_isKnown(term))
        {
            // A word of four letters one letter away from several known words is mostly another word ("tank": "taak",
            // "task", "taken"): two letters swapped ("naov": "navo") is read as a typo, and another edit only when it
            // leads to one known word alone ("nevo": "navo"), as typed and as analysed.
            var asTyped = typed is null ? term : TextFolding.Fold(typed).ToLowerInvariant();
            foreach (var stem in Cached("\u0002" + asTyped + "\u0000" + term, () => ShortWordCorrections(term, asTyped)))
            {
                query.Add(new TermQuery(new Term(IndexFields.Text, stem)) { Boost = 0.8f }, Occur.SHOULD);
            }
            return query;
        }
        if (fuzzy && term.Length is > SwapOnlyLength and <= 30 && !term.Any(char.IsAsciiDigit) && !_isKnown(term) && _mayHaveTypo(term, edits))
        {
            if (edits == 2 && _typosKnown && _mayHaveTypo(term, 1))
            {
                // The nearest words only, as a spelling checker: "defensei" is "defensie" (one swap), not "defender".
                edits = 1;
            }
            // Typos are looked for in the passage text only: enumerating the term dictionary is the costly part.
            query.Add(new FuzzyQuery(new Term(IndexFields.Text, term), edits, prefixLength: 1, maxExpansions: 20, transpositions: true) { Boost = 0.8f }, Occur.SHOULD);
        }
        if (fuzzy && typed is not null && TextFolding.Fold(typed) is { Length: > SwapOnlyLength and <= 30 } surface && surface != term
            && surface.All(char.IsLetter) && !_isKnown(term) && _typosKnown && _mayHaveTypo(surface, 1))
        {
            // The stemmer changes a typo too ("naov" becomes "naof", two edits from "navo"): the word as typed, one
            // edit from a word the letters use, is looked for as well.
            query.Add(new FuzzyQuery(new Term(IndexFields.Text, surface), 1, prefixLength: 1, maxExpansions: 20, transpositions: true) { Boost = 0.8f }, Occur.SHOULD);
        }
        if (fuzzy && typed is not null && !_isKnown(term) && _typosKnown
            && TextFolding.Fold(typed).ToLowerInvariant() is { Length: >= MinCorrectedLength and <= MaxCorrectedLength } word && word.All(char.IsAsciiLetterLower))
        {
            // The stemmer reads a typo otherwise than the word meant, so its stem may be far from the word's: "dronesn"
            // stays "dronesn", three edits from "dron" ("drones"); "herstelleningn" four from "herstellen"; "drnoes"
            // (a swap) two from "dron". The typed word one edit away from a word the letters use, analysed: what the
            // user meant.
            foreach (var stem in CachedOneEditStems(word, term))
            {
                query.Add(new TermQuery(new Term(IndexFields.Text, stem)) { Boost = 0.8f }, Occur.SHOULD);
            }
        }
        return query;
    }

    /// <summary>Words of this length are corrected by a swap of two letters, or by another edit to the one word it gives (<see cref="ShortWordCorrections"/>).</summary>
    private const int SwapOnlyLength = 4;

    /// <summary>
    /// The corrections of a four-letter word (<paramref name="term"/> as analysed, <paramref name="word"/> as typed): the
    /// known stems two adjacent letters swapped give; else the one known stem a letter deleted, added or changed gives,
    /// when it is the only one (none when several: a short word near several known words is another word).
    /// </summary>
    private List<string> ShortWordCorrections(string term, string word)
    {
        var swaps = new HashSet<string>(StringComparer.Ordinal);
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in new[] { term, word }.Distinct().Where(f => f.Length == SwapOnlyLength && f.All(char.IsAsciiLetterLower)))
        {
            for (var i = 0; i < form.Length; i++)
            {
                if (i + 1 < form.Length && form[i] != form[i + 1])
                {
                    Known(string.Concat(form.AsSpan(0, i), form.AsSpan(i + 1, 1), form.AsSpan(i, 1), form.AsSpan(i + 2)), swaps);
                }
                Known(form.Remove(i, 1), others);
                for (var c = 'a'; c <= 'z'; c++)
                {
                    if (c != form[i])
                    {
                        Known(string.Concat(form.AsSpan(0, i), [c], form.AsSpan(i + 1)), others);
                    }
                }
            }
            for (var i = 0; i <= form.Length; i++)
            {
                for (var c = 'a'; c <= 'z'; c++)
                {
                    Known(form.Insert(i, c.ToString()), others);
                }
            }
        }
        return swaps.Count > 0 ? [.. swaps.Order(StringComparer.Ordinal)] : others.Count == 1 ? [.. others] : [];

        void Known(string candidate, HashSet<string> into)
        {
            if (TokenAnalysis.Analyze(WholeWords, IndexFields.Text, candidate) is [{ Term: var stem }] && stem != term && _isKnown(stem))
            {
                into.Add(stem);
            }
        }
    }

    private const int MinCorrectedLength = 5;
    private const int MaxCorrectedLength = 20;
    private const int MaxCorrections = 1;
    /// <summary>Shorter words are corrected only by a deletion or a swap (not a letter added or changed).</summary>
    private const int MinFreeEditLength = 8;

    /// <summary>
    /// The known stems of the words one edit (deletion, adjacent swap, substitution or insertion of a letter) from
    /// <paramref name="word"/>, the likeliest first (a doubled letter or a swap, then a letter too many, too few, another;
    /// then the most frequent word), at most <see cref="MaxCorrections"/> (one: the likeliest meaning, as a spelling
    /// checker takes it; more let a rarer word in beside it, "defense" beside "defensie" for "defensei"). Some hundreds of short
    /// analyses, made only for an unknown word with no known word near its stem, in the typo step.
    /// </summary>
    /// <summary><see cref="OneEditStems"/> through the index snapshot's cache: some hundreds of analyses for a long word.</summary>
    private IReadOnlyList<string> CachedOneEditStems(string word, string term) =>
        Cached("\u0001" + word + "\u0000" + term, () => OneEditStems(word, term));

    private List<string> OneEditStems(string word, string term)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkedStems = new HashSet<string>(StringComparer.Ordinal);
        // Per stem, the likeliest kind of edit that gave it (lower is likelier).
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new System.Text.StringBuilder(word.Length + 1);
        for (var i = 0; i < word.Length; i++)
        {
            // A letter typed twice ("rakketten") or two swapped ("drnoes") first, then a letter too many, too few, another.
            var repeated = i > 0 && word[i - 1] == word[i];
            Try(buffer.Clear().Append(word, 0, i).Append(word, i + 1, word.Length - i - 1).ToString(), repeated ? 0 : 1);
            if (i + 1 < word.Length && word[i] != word[i + 1])
            {
                Try(buffer.Clear().Append(word, 0, i).Append(word[i + 1]).Append(word[i]).Append(word, i + 2, word.Length - i - 2).ToString(), 0);
            }
        }
        if (word.Length < MinFreeEditLength)
        {
            // A short word one letter away from a known word is as often another word as a typo ("bommen": "komen",
            // "kogels": "vogels", "lonen": "lopen"): only a doubled letter, a swap or a letter too many.
            return Ranked();
        }
        for (var i = 0; i <= word.Length; i++)
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                Try(buffer.Clear().Append(word).Insert(i, c).ToString(), 2);
            }
        }
        for (var i = 0; i < word.Length; i++)
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                if (c != word[i])
                {
                    Try(buffer.Clear().Append(word).Remove(i, 1).Insert(i, c).ToString(), 3);
                }
            }
        }
        return Ranked();

        List<string> Ranked() => stems
            .OrderBy(s => s.Value)
            .ThenByDescending(s => _docFreq?.Invoke(new Term(IndexFields.Text, s.Key)) ?? 0)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(MaxCorrections)
            .Select(s => s.Key)
            .ToList();

        void Try(string candidate, int kind)
        {
            if (seen.Add(candidate) && TokenAnalysis.Analyze(WholeWords, IndexFields.Text, candidate) is [{ Term: var stem }]
                && stem != term && stem.Length >= MinCompoundPart && !stems.ContainsKey(stem) && checkedStems.Add(stem) && _isKnown(stem))
            {
                stems[stem] = kind;
            }
        }
    }

    /// <summary>The analysed terms of <paramref name="text"/>, one per position (stacked compound parts left out).</summary>
    private List<AnalyzedToken> PrimaryTerms(string text) =>
        TokenAnalysis.Analyze(analyzer, IndexFields.Text, text).Where(t => !t.Stacked).ToList();
}
