using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Search;

/// <summary>Keyword search over the letters, ranked by each letter's best passage. Never throws on user input.</summary>
public interface ILetterSearch
{
    /// <summary>Searches; <paramref name="page"/> is 0-based, page size from options (default 3 letters).</summary>
    Task<SearchResponse> SearchAsync(string query, SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default);

    /// <summary>One letter by id (also accepts the source file name, or dossier-nr like "22112-4027"); null if unknown.</summary>
    Task<Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The extractive summary (2-3 sentences) of a letter.</summary>
    Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default);

    /// <summary>Ids of all letters in the index, with the moment each was (last) ingested.</summary>
    Task<IReadOnlyList<IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="query"/> parses (for saving topics) and how many letters match it now.</summary>
    Task<QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The abbreviations the letters define, each short form with a long form, folded ("edf", "europees
    /// defensiefonds"): for matching topics against texts that are not letters (<see cref="ShortTextMatcher"/>).
    /// Hosts without an index answer none.
    /// </summary>
    Task<IReadOnlyList<(string Short, string Long)>> AbbreviationsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string Short, string Long)>>([]);

    /// <summary>
    /// Letters related to a letter ("Meer zoals dit"): by its most distinctive terms (Lucene's MoreLikeThis over its
    /// passages) and its dossier, the letter itself left out. An empty page when nothing is related (or unknown).
    /// Hosts without an index answer an empty page.
    /// </summary>
    Task<SearchResponse> FindSimilarAsync(string letterId, int page = 0, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SearchResponse(string.Empty, [], 0, page, false, null, []));
}

/// <summary>A letter in the index and when it was added or last changed.</summary>
public sealed record IndexedLetter(string Id, string? Title, DateOnly? Date, string? Dossier, DateTimeOffset IngestedAt);

/// <summary>The outcome of checking a saved-search query.</summary>
public sealed record QueryCheck(bool IsValid, int MatchingLetters, string? Problem);

/// <summary>Optional filters; all null = no filter.</summary>
public sealed record SearchFilters
{
    /// <summary>Dossier number in any spacing ("21501-28", "21 501-28").</summary>
    public string? Dossier { get; init; }
    public string? DocumentType { get; init; }
    public string? Chamber { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Only letters ingested (added or changed) after this moment (briefings: "new since last week").</summary>
    public DateTimeOffset? IngestedAfter { get; init; }
    /// <summary>Results per page (passages, or letters with <see cref="SearchUnit.Letters"/>); default from options.</summary>
    public int? PageSize { get; init; }
    /// <summary>What is ranked and paged: passages (default; a letter may contribute several) or letters (best passage each).</summary>
    public SearchUnit Unit { get; init; } = SearchUnit.Passages;
}

/// <summary>What a search ranks and pages.</summary>
public enum SearchUnit
{
    /// <summary>Passages, ranked one by one (chat, CLI, message extension).</summary>
    Passages,
    /// <summary>Letters, each by its best passage (briefings, topic lists: one entry per letter).</summary>
    Letters,
}

/// <summary>The question an answer passage answers: shown as one line of context.</summary>
public sealed record QuestionContext(string? Party, string? Number, string Text)
{
    /// <summary>
    /// When the answer was found by its question's words alone (its own window marks none): the question's window
    /// around them, marked, so the card shows why the answer is there ("Flamingo" at character 418 of the question).
    /// Null otherwise.
    /// </summary>
    public Snippet? Marked { get; init; }
}

/// <summary>
/// One ranked passage. <see cref="Start"/>/<see cref="End"/> are the raw-file offsets (UTF-16) of the window shown
/// in <see cref="Snippet"/> (not of the whole passage: that is <see cref="Passage"/>'s range).
/// </summary>
/// <param name="Rank">0-based position in the whole ranking (over all pages).</param>
/// <param name="MatchesAllTerms">False for the partial matches that fill a page after the passages matching every word.</param>
public sealed record PassageHit(
    Passage Passage,
    PassageRole Role,
    int Start,
    int End,
    Snippet Snippet,
    float Score,
    int Rank,
    bool MatchesAllTerms,
    QuestionContext? Question)
{
    /// <summary>
    /// For a partial match ranked in tiers (<see cref="SearchResponse.QueryWords"/> above 0): how many of the query's
    /// words the passage holds, its tier; equal to <see cref="SearchResponse.QueryWords"/> when it holds every word only
    /// as the partial step reads them (a compound's last part or one of its parts, one word of a quoted phrase). 0 otherwise.
    /// </summary>
    public int Words { get; init; }
}

/// <summary>A page of search results.</summary>
/// <param name="Query">The query as understood.</param>
/// <param name="Hits">Letters on this page, best first.</param>
/// <param name="TotalLetters">How many letters match in all.</param>
/// <param name="Page">0-based page number.</param>
/// <param name="HasMore">Whether a next page exists.</param>
/// <param name="Relaxation">How the query was relaxed to find anything: null = exact (all terms), else e.g. "some-terms" or "fuzzy".</param>
/// <param name="Suggestions">For empty or relaxed answers: terms or queries to try.</param>
public sealed record SearchResponse(
    string Query,
    IReadOnlyList<LetterHit> Hits,
    int TotalLetters,
    int Page,
    bool HasMore,
    string? Relaxation,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>Passages on all pages together (passage ranking), so page counts do not change between pages.</summary>
    public int TotalPassages { get; init; }

    /// <summary>How many passages, from the top of the ranking, match every word; the rest are partial matches.</summary>
    public int FullMatches { get; init; }

    /// <summary>
    /// Words the shown passages were also found by, as the letters write them: a synonym, an abbreviation's other form,
    /// a typo's correction ("aanschaf", "Europees Defensiefonds", "raketten"). Empty when every marked word is one the
    /// user typed (or an inflection or compound of it).
    /// </summary>
    public IReadOnlyList<string> AlsoSearched { get; init; } = [];

    /// <summary>The page size the search used (passages or letters per page).</summary>
    public int PageSize { get; init; }

    /// <summary>What was ranked.</summary>
    public SearchUnit Unit { get; init; } = SearchUnit.Letters;

    /// <summary>How many words the tiers of partial matches count (<see cref="PassageHit.Words"/>); 0 when the partial matches were not ranked in tiers.</summary>
    public int QueryWords { get; init; }

    /// <summary>All passages of this page in ranking order (the hits' passages, flattened).</summary>
    public IReadOnlyList<PassageHit> Passages => Hits.SelectMany(h => h.Passages).ToList();
}

/// <summary>
/// One letter in the results. With passage ranking a hit is a run of consecutive ranked passages of one letter
/// (<see cref="Passages"/>, in ranking order; the same letter may appear again further down); <see cref="BestPassage"/>,
/// <see cref="Snippet"/> and <see cref="Score"/> are the first of them.
/// </summary>
public sealed record LetterHit(
    string LetterId,
    string SourceFile,
    string? Title,
    string? DocumentType,
    DateOnly? Date,
    string? Chamber,
    string? Dossier,
    string? DocumentNumber,
    string? SourceUrl,
    Passage BestPassage,
    Snippet Snippet,
    float Score,
    string Summary)
{
    /// <summary>The ranked passages of this hit, in display order; empty from searches that rank letters.</summary>
    public IReadOnlyList<PassageHit> Passages { get; init; } = [];

    /// <summary>For a letter without a date of its own: the meeting its title names, which it precedes (e.g. "RBZ Defensie").</summary>
    public string? Meeting { get; init; }

    /// <summary>The date of <see cref="Meeting"/>: the letter is from before it.</summary>
    public DateOnly? MeetingDate { get; init; }
}

/// <summary>
/// A highlighted excerpt of the best passage: <see cref="Text"/> plus the ranges of matched terms.
/// <see cref="Markdown"/> is the same text with matches in <c>**bold**</c> and Markdown metacharacters escaped,
/// ready for an Adaptive Card TextBlock or a Markdown channel.
/// </summary>
public sealed record Snippet(string Text, IReadOnlyList<HighlightRange> Highlights, string Markdown)
{
    /// <summary>Where the shown window starts in the passage's clean text (the snippet's ellipses not counted).</summary>
    public int WindowStart { get; init; }

    /// <summary>Where the shown window ends in the passage's clean text.</summary>
    public int WindowEnd { get; init; }
}

/// <summary>A matched term in <see cref="Snippet.Text"/>: <c>[Start, Start+Length)</c>.</summary>
public readonly record struct HighlightRange(int Start, int Length);
