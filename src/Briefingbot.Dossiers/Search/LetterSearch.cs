using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Keyword search over the letter index. Queries are parsed by <see cref="UserQueryParser"/> (never Lucene's
/// syntax), matched per passage, and letters are ranked by their best passage. When the exact query finds nothing
/// it relaxes step by step: all words with typos allowed, then some of the words, then some with typos; the
/// response says which step answered (<see cref="SearchResponse.Relaxation"/>).
/// Every public method answers; no input makes it throw.
/// </summary>
public sealed class LetterSearch : ILetterSearch
{
    // The parser is optional only so that search works in hosts wired without one; GetLetterAsync needs it.

    /// <summary>Relaxation steps, in order, with the name reported to the caller.</summary>
    private static readonly (MatchMode Mode, string? Name)[] Steps =
    [
        (MatchMode.AllTerms, null),
        (MatchMode.AllTermsFuzzy, "fuzzy"),
        (MatchMode.SomeTerms, "some-terms"),
        (MatchMode.SomeTermsFuzzy, "some-terms-fuzzy"),
    ];

    private const int MaxPage = 1000;
    private const int MaxFuzzyWords = 6;

    private readonly LetterIndex _index;
    private readonly ILetterParser? _parser;
    private readonly int _defaultPageSize;
    private readonly ILogger _logger;

    public LetterSearch(LetterIndex index, ILetterParser? parser, int defaultPageSize = 3, ILogger<LetterSearch>? logger = null)
    {
        _index = index;
        _parser = parser;
        _defaultPageSize = Math.Clamp(defaultPageSize, 1, 50);
        _logger = logger ?? NullLogger<LetterSearch>.Instance;
    }

    public Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default)
    {
        using var timing = Diagnostics.Telemetry.StartSearch();
        try
        {
            return Task.FromResult(Search(query, filters, page, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            timing.Failed();
            // Chat input must never surface as an error; the failure is logged for us, the user gets an empty page.
            IndexLog.SearchFailed(_logger, query?.Length ?? 0, ex);
            return Task.FromResult(Empty(query ?? string.Empty, page, []));
        }
    }

    internal SearchResponse Search(string? query, SearchFilters? filters, int page, CancellationToken cancellationToken)
    {
        query = UserQueryParser.Normalize(query);
        var node = UserQueryParser.Parse(query);
        page = Math.Clamp(page, 0, MaxPage);
        var pageSize = Math.Clamp(filters?.PageSize ?? _defaultPageSize, 1, 50);
        if (node is null)
        {
            // Only when nothing was typed: a topic or query of operators alone ("OR", "()") is not "every letter".
            if (string.IsNullOrWhiteSpace(query) && filters is not null && BuildFilter(filters) is { } only)
            {
                // "dossier 21501-28" with no words: the letters the filters select, newest first.
                using var letters = _index.Acquire();
                return ListLetters(letters.Searcher, only, page, pageSize, filters.Unit);
            }
            return Empty(string.Empty, page, []);
        }

        var understood = node.ToString() ?? string.Empty;
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        var filter = BuildFilter(filters);

        var builder = NewBuilder();
        var positiveWords = builder.CountPositiveLeaves(node);
        var context = new StepContext(searcher, positiveWords, new SearchTerms(searcher));
        var unit = filters?.Unit ?? SearchUnit.Passages;
        var response = unit == SearchUnit.Letters
            ? SearchLetters(node, understood, context, filter, page, pageSize, cancellationToken)
            : SearchPassages(node, understood, context, filter, page, pageSize, cancellationToken);
        if (response.TotalLetters == 0 && string.IsNullOrWhiteSpace(filters?.Dossier) && LetterQueryBuilder.AsDossierNumber(node) is { } dossier
            && BuildFilter((filters ?? new SearchFilters()) with { Dossier = dossier }) is { } inDossier)
        {
            // "22112": no letter's text names the number, but it is a dossier (its letters print it in their header):
            // the dossier's letters, newest first, as "dossier 22112" lists them.
            var listed = ListLetters(searcher, inDossier, page, pageSize, unit);
            if (listed.TotalLetters > 0)
            {
                return listed with { Query = understood, Relaxation = DossierListing };
            }
        }
        return response;
    }

    /// <summary>The relaxation name of a search for a dossier number no letter's text names: the dossier's letters are listed.</summary>
    public const string DossierListing = "dossier";

    /// <summary>What every step of one search shares: the searcher, the query's word count, and its terms, each looked up once.</summary>
    private sealed record StepContext(IndexSearcher Searcher, int PositiveWords, SearchTerms Terms);

    /// <summary>One Lucene query for a relaxation step, or null when the step is skipped or nothing is searchable.</summary>
    private (Query? Query, LetterQueryBuilder.Highlights Highlights) BuildStep(QueryNode node, MatchMode mode, StepContext context)
    {
        var highlights = new LetterQueryBuilder.Highlights();
        if (mode is MatchMode.AllTermsFuzzy or MatchMode.SomeTermsFuzzy && context.PositiveWords > MaxFuzzyWords)
        {
            return (null, highlights); // a typo-tolerant search over a pasted paragraph costs much and finds noise
        }
        var (searcher, terms) = (context.Searcher, context.Terms);
        var query = Build(node, mode, highlights, searcher, terms);
        if (query is not null && mode is MatchMode.AllTermsFuzzy or MatchMode.SomeTermsFuzzy)
        {
            query = searcher.Rewrite(query);
            AddExpandedTerms(query, highlights);
        }
        // The steps of one search share their terms' look-ups (SearchTerms): the same answers, fewer seeks.
        return (query is null ? null : terms.Share(query), highlights);
    }

    /// <summary>
    /// The Lucene query for <paramref name="node"/> with what the index knows: which words it holds and how often,
    /// typo neighbours, the abbreviations its letters define. Every search step, the topic check and the "zonder
    /// filter" suggestions build through here, so they match the same passages.
    /// </summary>
    private Query? Build(QueryNode node, MatchMode mode, LetterQueryBuilder.Highlights highlights, IndexSearcher searcher, SearchTerms terms)
    {
        var reader = searcher.IndexReader;
        return NewBuilder().Build(node, mode, highlights, terms.IsKnown, terms.DocFreq, reader.MaxDoc,
            (term, edits) => TypoNeighbours.MayHaveNeighbour(reader, term, edits), terms.LongForms, terms.ShortForms, terms.DerivedCache);
    }

    /// <summary>
    /// Passage ranking. The passages matching every word come first (exact words, or, when none match exactly, with
    /// typos allowed); when they do not fill the first page, the best partial matches follow (BM25 with coordination:
    /// more of the words first). Whether partial matches are added is decided once for the whole ranking, so every page
    /// of one search counts the same.
    /// </summary>
    private SearchResponse SearchPassages(QueryNode node, string understood, StepContext context, Filter? filter, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var searcher = context.Searcher;
        var need = (page + 1) * pageSize;
        string? relaxation = null;
        string? previous = null;
        Query? fullQuery = null;
        List<(float Score, int Doc)> full = [];
        var fullCount = 0;
        var letters = 0;
        var highlights = new LetterQueryBuilder.Highlights();
        foreach (var (mode, name) in new[] { (MatchMode.AllTerms, (string?)null), (MatchMode.AllTermsFuzzy, "fuzzy") })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (query, terms) = BuildStep(node, mode, context);
            if (query is null)
            {
                if (mode == MatchMode.AllTerms)
                {
                    return Empty(understood, page, []) with { PageSize = pageSize, Unit = SearchUnit.Passages };
                }
                continue;
            }
            var text = query.ToString();
            if (text == previous)
            {
                continue;
            }
            previous = text;
            fullQuery = query;
            // Below a page of full matches all of them are kept (the partial matches must leave them out).
            using var collector = BestPassageCollector.Search(searcher, query, filter, Math.Max(need, pageSize), null);
            if (collector.PassageCount == 0)
            {
                continue;
            }
            fullCount = collector.PassageCount;
            letters = collector.Count;
            full = collector.TopPassages();
            highlights = terms;
            relaxation = name;
            break;
        }

        var ranked = full.Select(p => (p.Score, p.Doc, All: true, Words: 0)).ToList();
        var queryWords = 0;
        var total = fullCount;
        if (fullCount < pageSize)
        {
            // Too few passages have every word: fill with the best partial matches, after them.
            var exclude = full.Select(p => p.Doc).ToHashSet();
            foreach (var (mode, name) in new[] { (MatchMode.SomeTerms, "some-terms"), (MatchMode.SomeTermsFuzzy, "some-terms-fuzzy") })
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (mode == MatchMode.SomeTermsFuzzy && fullCount > 0)
                {
                    break; // words with typos only when nothing matched the words as typed
                }
                var (query, terms) = BuildStep(node, mode, context);
                if (query is null || query.ToString() == previous)
                {
                    continue;
                }
                // More of the words first, strictly (PartialTiers: every word as this step reads them, then all but
                // one, and so on; BM25 with coordination inside each tier). A tier is searched only when the tiers
                // above it hold fewer than PartialTierStop passages, so every page of a search counts the same, and
                // a broad query need not score every passage that holds just one of its words.
                var found = 0;
                var tiers = PartialTiers(query, fullQuery, tiered: node is AndNode).ToList();
                var partial = new List<(float Score, int Doc, bool All, int Words)>();
                foreach (var (tier, words) in tiers)
                {
                    using var collector = BestPassageCollector.Search(searcher, OwnWordRequired(tier), filter, Math.Max(0, need - ranked.Count - partial.Count), exclude);
                    var top = collector.TopPassages();
                    partial.AddRange(top.Select(p => (p.Score, p.Doc, All: false, Words: words)));
                    foreach (var (_, doc) in top)
                    {
                        exclude.Add(doc);
                    }
                    // Each pass counts every passage with at least the tier's number of words (those ranked before too).
                    found = Math.Max(found, collector.PassageCount);
                    letters = Math.Max(letters, collector.Count);
                    if (collector.PassageCount >= PartialTierStop)
                    {
                        break;
                    }
                }
                if (found <= fullCount)
                {
                    // Nothing beyond the full matches: this step adds nothing (the next may), and none of its passages.
                    foreach (var (_, doc, _, _) in partial)
                    {
                        exclude.Remove(doc);
                    }
                    continue;
                }
                ranked.AddRange(partial);
                total = Math.Max(fullCount, found);
                queryWords = tiers[0].Words > 0 ? WordCount(query) : 0; // a single untiered search has Words 0
                foreach (var term in terms.Terms)
                {
                    highlights.Terms.Add(term);
                }
                highlights.Prefixes.AddRange(terms.Prefixes.Where(p => !highlights.Prefixes.Contains(p)));
                // And what is marked only together or only as a whole word ("3,5"; "kern" of "kernwapens"): the partial
                // passages' marks were lost without these.
                highlights.Phrases.AddRange(terms.Phrases.Where(p => !highlights.Phrases.Any(h => h.SequenceEqual(p))));
                highlights.WholeWordsOnly.UnionWith(terms.WholeWordsOnly);
                if (fullCount == 0)
                {
                    relaxation = name;
                }
                break;
            }
        }

        if (total == 0)
        {
            return Empty(understood, page, SuggestWhenNothingFound(node, searcher, filter)) with { PageSize = pageSize, Unit = SearchUnit.Passages };
        }

        var hits = ToPassageHits(searcher, ranked, page * pageSize, pageSize, highlights);
        var suggestions = relaxation is null
            ? []
            : Suggest(node, relaxation.EndsWith("fuzzy", StringComparison.Ordinal) ? MatchMode.AllTermsFuzzy : MatchMode.SomeTerms, hits, context.Terms);
        return new SearchResponse(understood, hits, letters, page, (page + 1) * pageSize < total, relaxation, suggestions)
        {
            AlsoSearched = OtherForms.Find(_index.Analyzer, node, hits),
            TotalPassages = total,
            FullMatches = fullCount,
            PageSize = pageSize,
            Unit = SearchUnit.Passages,
            QueryWords = queryWords,
        };
    }

    /// <summary>
    /// Most letters a filter-only listing reads and orders by date (the first this many in index order); the count
    /// still says how many the filters select. A filter that broad wants words, not paging.
    /// </summary>
    internal const int MaxListedLetters = 5000;

    /// <summary>
    /// A search with filters and no words ("dossier 21501-28", "type motie sinds 2025"): each letter the filters
    /// select once, by its first passage, newest first (undated letters last). Nothing is marked: no word was asked for.
    /// </summary>
    private SearchResponse ListLetters(IndexSearcher searcher, Filter filter, int page, int pageSize, SearchUnit unit)
    {
        using var collector = BestPassageCollector.Search(searcher, new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindPassage)), filter);
        var total = collector.Count;
        if (total == 0)
        {
            return Empty(string.Empty, page, []) with { PageSize = pageSize, Unit = unit };
        }
        // Each letter's first passage: every passage scores the same, and the collector keeps the first it sees.
        var letters = collector.Top(Math.Min(total, MaxListedLetters))
            .Select(l => (l.Doc, Date: LetterDocumentOf(searcher, l.Doc, l.LetterId, withRaw: false)?.Get(IndexFields.StoredDate) ?? string.Empty))
            .OrderByDescending(l => l.Date, StringComparer.Ordinal) // ISO dates; empty (undated) sorts last
            .ThenBy(l => l.Doc)
            .Select(l => (Score: 0f, l.Doc, All: true, Words: 0))
            .ToList();
        var hits = ToPassageHits(searcher, letters, page * pageSize, pageSize, new LetterQueryBuilder.Highlights());
        return new SearchResponse(string.Empty, hits, total, page, (page + 1) * pageSize < letters.Count, null, [])
        {
            TotalPassages = letters.Count,
            FullMatches = letters.Count,
            PageSize = pageSize,
            Unit = unit,
        };
    }

    /// <summary>
    /// A tier of partial matches is searched only while the tiers above it hold fewer passages than this (ten pages):
    /// when a hundred passages hold all but one of the words, passages with fewer of them are not listed.
    /// </summary>
    internal const int PartialTierStop = 100;

    /// <summary>
    /// The partial-match query by tier: for a query of n words (a coordinated any-of query), first the passages with
    /// all n words as the partial step reads them (a split compound, an alternative: broader than the exact step),
    /// then at least n-1, down to one. The all-words tier is left out when the exact step searched the same clauses (it
    /// would find only the passages already ranked). Other shapes (one word; an OR query, <paramref name="tiered"/>
    /// false, whose full matches hold one of its words too) are one tier, and so is a query of more than
    /// <see cref="MaxFuzzyWords"/> words (a pasted sentence): one search per tier would cost a pass per word.
    /// </summary>
    /// <returns>Each tier's query with the number of words its passages hold (0 for the single search of other shapes).</returns>
    internal static IEnumerable<(Query Query, int Words)> PartialTiers(Query query, Query? fullQuery = null, bool tiered = true)
    {
        var words = WordLevel(query);
        var count = WordCount(query);
        if (!tiered || words is null || count < 2 || count > MaxFuzzyWords || words.MinimumNumberShouldMatch > 0)
        {
            yield return (query, 0);
            yield break;
        }
        if (!SameWords(words, fullQuery is null ? null : WordLevel(fullQuery)))
        {
            // Every word: a conjunction (leap-frogging the shortest list), not a minimum-should-match over n of n.
            var all = new BooleanQuery(disableCoord: false) { Boost = words.Boost };
            foreach (var clause in words.Clauses)
            {
                all.Add(clause.Query, clause.Occur == Occur.SHOULD ? Occur.MUST : clause.Occur);
            }
            yield return (Rewrapped(query, words, all), count);
        }
        for (var atLeast = count - 1; atLeast >= 1; atLeast--)
        {
            var tier = (BooleanQuery)words.Clone(); // a new clause list; the clauses' queries are shared, not changed
            tier.MinimumNumberShouldMatch = atLeast;
            yield return (Rewrapped(query, words, tier), atLeast);
        }
    }

    /// <summary>Whether the exact step's words (required) are the partial step's words (optional), clause by clause.</summary>
    private static bool SameWords(BooleanQuery words, BooleanQuery? full)
    {
        if (full is null || full.Clauses.Count != words.Clauses.Count)
        {
            return false;
        }
        for (var i = 0; i < words.Clauses.Count; i++)
        {
            var (a, b) = (words.Clauses[i], full.Clauses[i]);
            var sameOccur = a.Occur == b.Occur || (a.Occur == Occur.SHOULD && b.Occur == Occur.MUST);
            if (!sameOccur || a.Query.ToString() != b.Query.ToString())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><paramref name="tier"/> in place of <paramref name="words"/> inside <paramref name="query"/> (itself, or a "wanneer" wrapper).</summary>
    private static Query Rewrapped(Query query, BooleanQuery words, BooleanQuery tier)
    {
        if (ReferenceEquals(words, query))
        {
            return tier;
        }
        var wrapper = (BooleanQuery)query;
        var rebuilt = new BooleanQuery(disableCoord: true) { Boost = wrapper.Boost };
        foreach (var clause in wrapper.Clauses)
        {
            rebuilt.Add(clause.Occur == Occur.MUST ? tier : clause.Query, clause.Occur);
        }
        return rebuilt;
    }

    /// <summary>
    /// A partial match's <paramref name="query"/>, matching only passages that hold at least one of its words in their
    /// own text, heading or question: the letter's title, which every passage carries, still counts as a word and weighs
    /// in the score, but no longer makes a passage a partial match on its own (a QA pass: "specialising instituut
    /// gereedheid" filled the page with the Clingendael letter's paragraphs in reading order, none holding a word, each
    /// "2 of 3 words" through the title, above the passages that say "gereedheid"). A full match may still be the title
    /// alone: every word of the query in a letter's title says the letter is about it ("munitie": every passage of
    /// "Munitie voor defensie"). A letter a partial match finds by its title alone is shown by its first paragraph (its
    /// lead, <see cref="IndexFields.Lead"/>). The requirement is a prohibited clause, which scores nothing: the order is the query's.
    /// </summary>
    internal static Query OwnWordRequired(Query query)
    {
        var words = WordLevel(query);
        var clauses = (words?.Clauses ?? [new BooleanClause(query, Occur.SHOULD)]).Where(c => c.Occur != Occur.MUST_NOT).ToList();
        var titles = new BooleanQuery(disableCoord: true);
        var titleWords = 0;
        foreach (var clause in clauses)
        {
            var before = titles.Clauses.Count;
            AddTitleParts(clause.Query, titles);
            titleWords += titles.Clauses.Count > before ? 1 : 0;
        }
        // The words a passage of this tier holds at least: a passage found by the title alone holds that many in it.
        var atLeast = words is null ? 1
            : words.MinimumNumberShouldMatch > 0 ? words.MinimumNumberShouldMatch
            : Math.Max(1, words.Clauses.Count(c => c.Occur == Occur.MUST));
        if (titleWords < atLeast)
        {
            // No title holds that many of the words (SearchTerms.Share leaves out the terms no passage holds): no
            // passage of this tier can be a title match alone, and the tier is searched as it is.
            return query;
        }
        // Left out: a passage the title finds that holds none of the words itself and is not its letter's lead. As a
        // prohibited clause it is looked at only for the passages the query matches, and its own words only where the
        // title matched: a second pass over every word's postings cost a million-passage index a fifth at the p99.
        var titleOnly = new BooleanQuery(disableCoord: true) { { titles, Occur.MUST } };
        foreach (var clause in clauses)
        {
            if (WithoutTitle(clause.Query) is { } own)
            {
                titleOnly.Add(own, Occur.MUST_NOT);
            }
        }
        titleOnly.Add(new TermQuery(new Term(IndexFields.Lead, IndexFields.LeadValue)), Occur.MUST_NOT);
        return new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { titleOnly, Occur.MUST_NOT } };
    }

    /// <summary>The title-field terms and phrases of a word's clause, added to <paramref name="titles"/> as alternatives.</summary>
    private static void AddTitleParts(Query query, BooleanQuery titles)
    {
        switch (query)
        {
            case TermQuery term when IsTitleField(term.Term.Field):
            case PhraseQuery phrase when phrase.GetTerms() is [{ } first, ..] && IsTitleField(first.Field):
            case PrefixQuery prefix when IsTitleField(prefix.Prefix.Field):
                titles.Add(query, Occur.SHOULD);
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    AddTitleParts(clause.Query, titles);
                }
                break;
        }
    }

    /// <summary>A word's clause without its title-field terms; null when nothing else is left.</summary>
    private static Query? WithoutTitle(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return IsTitleField(term.Term.Field) ? null : term;
            case PhraseQuery phrase:
                return phrase.GetTerms() is [{ } first, ..] && IsTitleField(first.Field) ? null : phrase;
            case PrefixQuery prefix:
                return IsTitleField(prefix.Prefix.Field) ? null : prefix;
            case BooleanQuery boolean:
                var rebuilt = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    if (WithoutTitle(clause.Query) is { } inner)
                    {
                        rebuilt.Add(inner, clause.Occur);
                    }
                    else if (clause.Occur == Occur.MUST)
                    {
                        return null; // a required title term: without it the clause cannot match
                    }
                }
                return rebuilt.Clauses.Any(c => c.Occur != Occur.MUST_NOT) ? rebuilt : null;
            default:
                return query; // typo terms search the passage's own text only
        }
    }

    private static bool IsTitleField(string field) => field == IndexFields.Title || field == IndexFields.PairsOf(IndexFields.Title);

    /// <summary>The number of words of a partial-match query (its coordinated clauses), 0 for other shapes.</summary>
    private static int WordCount(Query query) => WordLevel(query)?.Clauses.Count(c => c.Occur == Occur.SHOULD) ?? 0;

    /// <summary>The coordinated any-of query over the words (itself, or the words of a "wanneer" query).</summary>
    private static BooleanQuery? WordLevel(Query query) => query switch
    {
        BooleanQuery { CoordDisabled: false } words => words,
        BooleanQuery { CoordDisabled: true } wrapper when wrapper.Clauses.Count(c => c.Occur == Occur.MUST) == 1 =>
            wrapper.Clauses.First(c => c.Occur == Occur.MUST).Query as BooleanQuery is { CoordDisabled: false } inner ? inner : null,
        _ => null,
    };

    /// <summary>The most of a question shown as an answer's context line (the card's line holds about this much).</summary>
    internal const int QuestionWindowChars = 200;

    /// <summary>The words a snippet marks, lower-cased, letters and digits only ("Counter-Drones" = "counterdrones").</summary>
    private static HashSet<string> MarkedWords(Snippet? marked) =>
        marked is null ? new(StringComparer.Ordinal)
        : marked.Highlights.Select(h => string.Concat(marked.Text.Substring(h.Start, h.Length).Where(char.IsLetterOrDigit)).ToLowerInvariant())
            .Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The question's window around the words searched, marked; null when it holds none of them.</summary>
    private Snippet? MarkedQuestion(string question, LetterQueryBuilder.Highlights highlights) =>
        SnippetBuilder.Build(_index.Analyzer, _index.WholeWordAnalyzer, question, highlights, QuestionWindowChars) is { Highlights.Count: > 0 } marked ? marked : null;

    /// <summary>The page's passages as hits: consecutive passages of one letter form one hit, in ranking order.</summary>
    private List<LetterHit> ToPassageHits(IndexSearcher searcher, List<(float Score, int Doc, bool All, int Words)> ranked, int skip, int take, LetterQueryBuilder.Highlights highlights)
    {
        var hits = new List<LetterHit>();
        var letters = new Dictionary<int, (Document? Letter, string Raw)>();
        LetterHit? current = null;
        var run = new List<PassageHit>();
        for (var rank = skip; rank < Math.Min(ranked.Count, skip + take); rank++)
        {
            var (score, doc, all, words) = ranked[rank];
            var stored = searcher.Doc(doc);
            var letterId = stored.Get(IndexFields.LetterId) ?? string.Empty;
            var (passage, role, question) = LetterDocuments.ReadSearchPassage(stored);
            var letterDoc = LetterDocumentNumber(searcher, doc);
            if (!letters.TryGetValue(letterDoc, out var letter))
            {
                var document = LetterDocumentOf(searcher, doc, letterId, withRaw: true);
                letter = (document, document?.Get(IndexFields.RawText) ?? string.Empty);
                letters[letterDoc] = letter;
            }
            if (letter.Letter is null)
            {
                continue;
            }
            var map = RawAlignment.Map(passage.Text, letter.Raw, passage.Start, passage.End);
            var snippet = SnippetBuilder.Build(_index.Analyzer, _index.WholeWordAnalyzer, passage.Text, highlights, SnippetBuilder.PassageWindowChars,
                RawAlignment.Segments(map, passage.Text, letter.Raw));
            var (start, end) = snippet.WindowStart == 0 && snippet.WindowEnd >= passage.Text.Length
                ? (passage.Start, passage.End)
                : RawAlignment.Range(map, snippet.WindowStart, snippet.WindowEnd, passage.Start, passage.End);
            QuestionContext? context = null;
            if (role == PassageRole.Answer && question is { Length: > 0 })
            {
                var others = LetterDocuments.ReadRepeatedQuestions(stored);
                // The own question is marked only when it may be shown marked or compared (no work for most answers).
                var own = snippet.Highlights.Count == 0 || others.Count > 0 ? MarkedQuestion(question, highlights) : null;
                context = new QuestionContext(passage.Party, passage.QuestionNumber, question) { Marked = snippet.Highlights.Count == 0 ? own : null };
                // An answer the letter gives to several questions (the same answer twice, or a pointer "zie het antwoord
                // op vraag 1") shows the question whose words found it, with who asked it: "PVV counter-drones" is the
                // PVV's question, not the D66 question of the first copy (a QA pass).
                // Only for words that neither the answer nor its own question shows (nor a word holding one of them:
                // "counterdrones" and "drones"): "drones" keeps the own question.
                var shown = MarkedWords(own);
                shown.UnionWith(MarkedWords(snippet));
                var most = 0;
                foreach (var other in others)
                {
                    if (MarkedQuestion(other.Text, highlights) is { } marked
                        && MarkedWords(marked).Count(w => !shown.Any(v => w.Contains(v, StringComparison.Ordinal) || v.Contains(w, StringComparison.Ordinal))) is var added
                        && added > most)
                    {
                        context = new QuestionContext(other.Party, other.Number, other.Text) { Marked = marked };
                        most = added;
                    }
                }
            }
            var hit = new PassageHit(passage, role, start, end, snippet, score, rank, all, context)
            {
                Words = words,
            };
            // A new group when the letter changes, where the partial matches begin, and where each tier of them begins.
            if (current is null || current.LetterId != letterId || run[^1].MatchesAllTerms != all || run[^1].Words != words)
            {
                if (current is not null)
                {
                    hits.Add(current with { Passages = run });
                }
                current = ToHit(letter.Letter, letterId, passage, snippet, score);
                run = [];
            }
            run.Add(hit);
        }
        if (current is not null)
        {
            hits.Add(current with { Passages = run });
        }
        return hits;
    }

    private static int LetterDocumentNumber(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var letterDoc = SegmentLetters.For(leaf.AtomicReader)?.LetterDocumentOf(doc - leaf.DocBase) ?? -1;
        return letterDoc < 0 ? -1 - doc : leaf.DocBase + letterDoc;
    }

    /// <summary>Letter ranking (each letter by its best passage), as before passage ranking: briefings and topic lists.</summary>
    private SearchResponse SearchLetters(QueryNode node, string understood, StepContext context, Filter? filter, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var searcher = context.Searcher;
        string? previous = null;
        foreach (var (mode, name) in Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (luceneQuery, highlights) = BuildStep(node, mode, context);
            if (luceneQuery is null)
            {
                if (mode == MatchMode.AllTerms)
                {
                    return Empty(understood, page, []) with { PageSize = pageSize };
                }
                continue;
            }
            var text = luceneQuery.ToString();
            if (text == previous)
            {
                continue; // this step would not change anything (single word, or an OR query)
            }
            previous = text;

            using var collector = BestPassageCollector.Search(searcher, luceneQuery, filter);
            var total = collector.Count;
            if (total == 0)
            {
                continue;
            }

            var hits = collector.Top((page + 1) * pageSize)
                .Skip(page * pageSize)
                .Take(pageSize)
                .Select(l => ToHit(searcher, l.LetterId, l.Doc, l.Score, highlights))
                .OfType<LetterHit>()
                .ToList();
            var suggestions = name is null ? [] : Suggest(node, mode, hits, context.Terms);
            return new SearchResponse(understood, hits, total, page, (page + 1) * pageSize < total, name, suggestions)
            {
                AlsoSearched = OtherForms.Find(_index.Analyzer, node, hits),
                PageSize = pageSize,
            };
        }

        return Empty(understood, page, SuggestWhenNothingFound(node, searcher, filter)) with { PageSize = pageSize };
    }

    public Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Task.FromResult<Letter?>(null);
        }
        using var lease = _index.Acquire();
        var doc = FindLetterDocument(lease.Searcher, id.Trim());
        if (doc is null || _parser is null)
        {
            return Task.FromResult<Letter?>(null);
        }
        var raw = doc.Get(IndexFields.RawText) ?? string.Empty;
        var sourceFile = doc.Get(IndexFields.SourceFile) ?? id;
        try
        {
            return Task.FromResult<Letter?>(_parser.Parse(sourceFile, raw));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            IndexLog.LetterFailed(_logger, sourceFile, ex);
            return Task.FromResult<Letter?>(null);
        }
    }

    public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default)
    {
        using var lease = _index.Acquire();
        var doc = string.IsNullOrWhiteSpace(letterId) ? null : FindLetterDocument(lease.Searcher, letterId.Trim());
        return Task.FromResult(doc?.Get(IndexFields.StoredSummary) ?? string.Empty);
    }

    public Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default)
    {
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        var top = searcher.Search(new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindLetter)), Math.Max(1, searcher.IndexReader.MaxDoc));
        var fields = new HashSet<string> { IndexFields.LetterId, IndexFields.StoredTitle, IndexFields.StoredDate, IndexFields.StoredDossier, IndexFields.StoredIngestedAt };
        var letters = top.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc, fields))
            .Select(doc => new IndexedLetter(
                doc.Get(IndexFields.LetterId) ?? string.Empty,
                doc.Get(IndexFields.StoredTitle),
                FilterValues.ParseDate(doc.Get(IndexFields.StoredDate)),
                doc.Get(IndexFields.StoredDossier),
                ReadIngestedAt(doc)))
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<IndexedLetter>>(letters);
    }

    public Task<IReadOnlyList<(string Short, string Long)>> AbbreviationsAsync(CancellationToken cancellationToken = default)
    {
        // As a search picks them (SearchTerms): per short form, and per long form, the few the most letters define.
        using var lease = _index.Acquire();
        var letters = new Dictionary<(string Short, string Long), int>();
        foreach (var leaf in lease.Searcher.IndexReader.Leaves)
        {
            foreach (var (shortForm, longForms) in SegmentAbbreviations.For(leaf.AtomicReader).ByShortForm)
            {
                foreach (var (longForm, count) in longForms)
                {
                    letters[(shortForm, longForm)] = letters.GetValueOrDefault((shortForm, longForm)) + count;
                }
            }
        }
        IEnumerable<(string Short, string Long)> Top(Func<(string Short, string Long), string> key) => letters
            .GroupBy(p => key(p.Key))
            .SelectMany(g => g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Long, StringComparer.Ordinal).ThenBy(p => p.Key.Short, StringComparer.Ordinal)
                .Take(SearchTerms.MaxOtherForms).Select(p => p.Key));
        var pairs = Top(p => p.Short).Union(Top(p => p.Long)).ToList();
        return Task.FromResult<IReadOnlyList<(string Short, string Long)>>(pairs);
    }

    public Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        try
        {
            var node = UserQueryParser.Parse(query);
            if (node is null)
            {
                return Task.FromResult(new QueryCheck(false, 0, "De zoekvraag bevat geen zoekwoorden."));
            }
            using var lease = _index.Acquire();
            var luceneQuery = Build(node, MatchMode.AllTerms, new LetterQueryBuilder.Highlights(), lease.Searcher, new SearchTerms(lease.Searcher));
            if (luceneQuery is null)
            {
                return Task.FromResult(new QueryCheck(false, 0,
                    "De zoekvraag bevat alleen veelvoorkomende woorden of alleen NOT; voeg een zoekwoord toe."));
            }
            using var collector = BestPassageCollector.Search(lease.Searcher, luceneQuery, null);
            return Task.FromResult(new QueryCheck(true, collector.Count, null));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            IndexLog.SearchFailed(_logger, query?.Length ?? 0, ex);
            return Task.FromResult(new QueryCheck(false, 0, "De zoekvraag kon niet worden gecontroleerd."));
        }
    }

    public Task<SearchResponse> FindSimilarAsync(string letterId, int page = 0, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(FindSimilar(letterId, page));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            IndexLog.SearchFailed(_logger, letterId?.Length ?? 0, ex);
            return Task.FromResult(Empty(string.Empty, page, []));
        }
    }

    private SearchResponse FindSimilar(string? letterId, int page)
    {
        page = Math.Clamp(page, 0, MaxPage);
        if (string.IsNullOrWhiteSpace(letterId))
        {
            return Empty(string.Empty, page, []);
        }
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        var letter = FindLetterDocument(searcher, letterId.Trim());
        var id = letter?.Get(IndexFields.LetterId);
        if (letter is null || id is null)
        {
            return Empty(string.Empty, page, []);
        }
        var highlights = new LetterQueryBuilder.Highlights();
        var query = SimilarLetters.Build(searcher, _index.Analyzer, id, letter.Get(IndexFields.StoredDossier), highlights);
        if (query is null)
        {
            return Empty(string.Empty, page, []);
        }
        using var collector = BestPassageCollector.Search(searcher, query, null);
        // One page of the most related letters: "more like this" is a pointer, not a result list to page through.
        const int SimilarPageSize = 5;
        var hits = collector.Top((page + 1) * SimilarPageSize)
            .Skip(page * SimilarPageSize)
            .Take(SimilarPageSize)
            .Select(l => ToHit(searcher, l.LetterId, l.Doc, l.Score, highlights))
            .OfType<LetterHit>()
            .ToList();
        return new SearchResponse(letter.Get(IndexFields.StoredTitle) ?? id, hits, hits.Count, page, false, null, []);
    }

    private LetterHit? ToHit(IndexSearcher searcher, string letterId, int doc, float score, LetterQueryBuilder.Highlights highlights)
    {
        var (passage, _, _) = LetterDocuments.ReadSearchPassage(searcher.Doc(doc));
        var letter = LetterDocumentOf(searcher, doc, letterId);
        if (letter is null)
        {
            return null;
        }
        var snippet = SnippetBuilder.Build(_index.Analyzer, _index.WholeWordAnalyzer, passage.Text, highlights);
        return ToHit(letter, letterId, passage, snippet, score);
    }

    private static LetterHit ToHit(Document letter, string letterId, Passage passage, Snippet snippet, float score) =>
        new LetterHit(
            letterId,
            letter.Get(IndexFields.SourceFile) ?? letterId,
            letter.Get(IndexFields.StoredTitle),
            letter.Get(IndexFields.StoredType),
            FilterValues.ParseDate(letter.Get(IndexFields.StoredDate)),
            letter.Get(IndexFields.StoredChamber),
            letter.Get(IndexFields.StoredDossier),
            letter.Get(IndexFields.StoredNumber),
            letter.Get(IndexFields.StoredUrl),
            passage,
            snippet,
            score,
            letter.Get(IndexFields.StoredSummary) ?? string.Empty)
        {
            Meeting = letter.Get(IndexFields.StoredMeeting),
            MeetingDate = FilterValues.ParseDate(letter.Get(IndexFields.StoredMeetingDate)),
        };

    private static readonly HashSet<string> LetterFieldsWithoutRaw =
    [
        IndexFields.LetterId, IndexFields.SourceFile, IndexFields.StoredTitle, IndexFields.StoredType, IndexFields.StoredDate,
        IndexFields.StoredChamber, IndexFields.StoredDossier, IndexFields.StoredNumber, IndexFields.StoredUrl,
        IndexFields.StoredSummary, IndexFields.StoredIngestedAt, IndexFields.StoredMeeting, IndexFields.StoredMeetingDate,
    ];

    private static readonly HashSet<string> LetterFieldsWithRaw = [.. LetterFieldsWithoutRaw, IndexFields.RawText];

    /// <summary>
    /// The letter document of a matched passage: read through the segment's table of letter documents, or found by
    /// a search on its id when the table does not hold it. The search cost about half a millisecond per answer on a
    /// million passages, a tenth of a page of answers (bench-search).
    /// </summary>
    private static Document? LetterDocumentOf(IndexSearcher searcher, int doc, string letterId, bool withRaw = false)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var reader = leaf.AtomicReader;
        var letterDoc = SegmentLetters.For(reader)?.LetterDocumentOf(doc - leaf.DocBase) ?? -1;
        if (letterDoc >= 0 && reader.LiveDocs?.Get(letterDoc) != false)
        {
            var document = reader.Document(letterDoc, withRaw ? LetterFieldsWithRaw : LetterFieldsWithoutRaw);
            if (string.Equals(document.Get(IndexFields.LetterId), letterId, StringComparison.Ordinal))
            {
                return document;
            }
        }
        return FindLetterDocument(searcher, letterId, byIdOnly: !withRaw);
    }

    /// <summary>The letter document by id, source file name, "dossier-nr" or external id.</summary>
    private static Document? FindLetterDocument(IndexSearcher searcher, string key, bool byIdOnly = false)
    {
        var candidates = byIdOnly
            ? [new Term(IndexFields.LetterId, key)]
            : new[]
            {
                new Term(IndexFields.LetterId, key),
                new Term(IndexFields.SourceFile, key),
                new Term(IndexFields.DossierNumberKey, FilterValues.NormalizeDossier(key)),
                new Term(IndexFields.DossierNumberKey, FilterValues.NormalizeDossier(key).ToUpperInvariant().Replace("KST-", "", StringComparison.Ordinal)),
            };
        foreach (var term in candidates)
        {
            var query = new BooleanQuery
            {
                { new TermQuery(term), Occur.MUST },
                { new TermQuery(new Term(IndexFields.DocKind, IndexFields.KindLetter)), Occur.MUST },
            };
            var top = searcher.Search(query, 1);
            if (top.TotalHits > 0)
            {
                return byIdOnly ? searcher.Doc(top.ScoreDocs[0].Doc, LetterFieldsWithoutRaw) : searcher.Doc(top.ScoreDocs[0].Doc);
            }
        }
        return null;
    }

    private static DateTimeOffset ReadIngestedAt(Document doc) =>
        doc.GetField(IndexFields.StoredIngestedAt)?.GetInt64Value() is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue;

    private static Filter? BuildFilter(SearchFilters? filters)
    {
        if (filters is null)
        {
            return null;
        }
        var query = new BooleanQuery();
        if (!string.IsNullOrWhiteSpace(filters.Dossier))
        {
            query.Add(DossierQuery(filters.Dossier), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(filters.DocumentType))
        {
            query.Add(new TermQuery(new Term(IndexFields.DocumentType, FilterValues.NormalizeLabel(filters.DocumentType))), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(filters.Chamber))
        {
            query.Add(new TermQuery(new Term(IndexFields.Chamber, FilterValues.NormalizeLabel(filters.Chamber))), Occur.MUST);
        }
        if (filters.From is not null || filters.To is not null)
        {
            query.Add(NumericRangeQuery.NewInt32Range(IndexFields.DateNumber,
                filters.From is { } from ? FilterValues.DateNumber(from) : null,
                filters.To is { } to ? FilterValues.DateNumber(to) : null, true, true), Occur.MUST);
        }
        if (filters.IngestedAfter is { } after)
        {
            query.Add(NumericRangeQuery.NewInt64Range(IndexFields.IngestedAtTicks, after.UtcTicks, null, false, true), Occur.MUST);
        }
        return query.Clauses.Count == 0 ? null : new QueryWrapperFilter(query);
    }

    /// <summary>
    /// The letters of a dossier and of its parts: "21501" selects "21501-20" and "21501-28" (the Council formations of
    /// the EU dossier), "36410" the budget chapters "36410X" and "36410V"; "21501-2" is not "21501-20" (a number is never
    /// cut inside its digits).
    /// </summary>
    internal static Query DossierQuery(string dossier)
    {
        var normalized = FilterValues.NormalizeDossier(dossier);
        var escaped = new System.Text.StringBuilder(normalized.Length * 2);
        foreach (var c in normalized)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        var parts = char.IsAsciiDigit(normalized[^1]) ? escaped + "([^0-9].*)?" : escaped + "([^A-Z0-9].*)?";
        return new RegexpQuery(new Term(IndexFields.Dossier, parts));
    }

    private static void AddExpandedTerms(Query rewritten, LetterQueryBuilder.Highlights highlights)
    {
        var terms = new HashSet<Term>();
        try
        {
            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            return; // some rewritten forms (constant-score prefix filters) have no terms to list
        }
        // An abbreviation's long form is marked where its words stand together (Highlights.Phrases), not word by word.
        var phraseTerms = highlights.Phrases.SelectMany(p => p.Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            // A typed compound's front part stays marked as a whole word only (Highlights.WholeWordsOnly).
            if (term.Field is IndexFields.Text or IndexFields.Title or IndexFields.Heading && !phraseTerms.Contains(term.Text)
                && !highlights.WholeWordsOnly.Contains(term.Text))
            {
                highlights.Terms.Add(term.Text);
            }
        }
    }

    /// <summary>Edits between a typed word and a "Bedoelde u" word that make it a likely correction.</summary>
    private const int MaxSuggestionEdits = 2;

    /// <summary>For relaxed answers: the words the passages actually contained (typos) or the words that could be dropped.</summary>
    private List<string> Suggest(QueryNode node, MatchMode mode, List<LetterHit> hits, SearchTerms known)
    {
        if (mode is MatchMode.AllTermsFuzzy or MatchMode.SomeTermsFuzzy)
        {
            // "Bedoelde u ...": the matched words as written in the letters, the nearest to a typed word first
            // ("rakketten": "raketten" before "raketafweercapaciteiten", which holds it as a part); those one or two
            // edits away only, when there are such.
            var typed = Leaves(node).OfType<WordNode>().Select(w => TextFolding.Fold(w.Text)).ToList();
            var words = hits
                .SelectMany(h => h.Snippet.Highlights.Select(r => h.Snippet.Text.Substring(r.Start, r.Length).ToLowerInvariant()))
                // Words, not a marked long form ("nato support and procurement agency" for "nspa").
                .Where(w => !w.Any(char.IsWhiteSpace))
                .Distinct(StringComparer.Ordinal)
                .Select(w => (Word: w, Distance: typed.Count == 0 ? 0 : typed.Min(t => TypoNeighbours.DamerauLevenshtein(t, TextFolding.Fold(w)))))
                .OrderBy(w => w.Distance) // stable: page order among equals
                .ToList();
            var near = words.Where(w => w.Distance <= MaxSuggestionEdits).ToList();
            return (near.Count > 0 ? near : words).Select(w => w.Word).Take(5).ToList();
        }

        // Some terms: suggest the query without the words that are nowhere in the index.
        var leaves = Leaves(node).ToList();
        var found = leaves.Where(l =>
        {
            var terms = new LetterQueryBuilder.Highlights();
            return NewBuilder().Build(l, MatchMode.AllTerms, terms) is not null
                && terms.Terms.All(known.IsKnown);
        }).ToList();
        return found.Count > 0 && found.Count < leaves.Count ? [string.Join(' ', found.Select(l => l.ToString()))] : [];
    }

    private List<string> SuggestWhenNothingFound(QueryNode node, IndexSearcher searcher, Filter? filter)
    {
        var suggestions = new List<string>();
        foreach (var leaf in Leaves(node))
        {
            if (leaf is WordNode { Text.Length: >= 6 } word)
            {
                // A shorter beginning of the word often finds other spellings or compounds: the longest that finds
                // something, and no shorter than most of the word ("onderzee*" for "onderzeeboten", not "onde*", which
                // finds "onder" and "onderdelen").
                for (var length = word.Text.Length - 1; length >= Math.Max(5, (int)Math.Ceiling(word.Text.Length * 0.6)); length--)
                {
                    var prefix = new PrefixNode(word.Text[..length]);
                    if (HasMatches(prefix, searcher, filter))
                    {
                        suggestions.Add(prefix.ToString());
                        break;
                    }
                }
            }
            if (filter is not null && HasMatches(leaf, searcher, null))
            {
                suggestions.Add(leaf.ToString() + " (zonder filter)");
            }
        }
        return suggestions.Distinct(StringComparer.Ordinal).Take(5).ToList();
    }

    private bool HasMatches(QueryNode node, IndexSearcher searcher, Filter? filter)
    {
        var query = Build(node, MatchMode.AllTerms, new LetterQueryBuilder.Highlights(), searcher, new SearchTerms(searcher));
        return query is not null && searcher.Search(query, filter, 1).TotalHits > 0;
    }

    /// <summary>The words, phrases and prefixes of <paramref name="node"/> that must or may match (not those under NOT).</summary>
    internal static IEnumerable<QueryNode> Leaves(QueryNode node) => node switch
    {
        AndNode a => a.Children.SelectMany(Leaves),
        OrNode o => o.Children.SelectMany(Leaves),
        NotNode => [],
        _ => [node],
    };

    /// <summary>Builders keep per-query state (which terms are known), so each query gets its own; they are cheap.</summary>
    private LetterQueryBuilder NewBuilder() => new(_index.Analyzer);

    private static SearchResponse Empty(string query, int page, IReadOnlyList<string> suggestions) =>
        new(query, [], 0, page, false, null, suggestions);
}
