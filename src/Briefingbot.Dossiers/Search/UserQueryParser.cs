using System.Text;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// A small, total parser for what people type in chat and in saved topics: words (AND by default), "quoted
/// phrases", trailing <c>*</c> for prefixes, the operators <c>OR</c>, <c>AND</c>, <c>NOT</c> and the Dutch <c>OF</c>,
/// <c>EN</c> (upper case, so the words "of"/"en" stay words), a leading <c>-</c> for NOT ("-oekraine", as in a web search) and parentheses. It never throws: unbalanced parentheses, dangling operators
/// and unclosed quotes are repaired; everything else is a word and goes through the analysis chain, so Lucene
/// syntax (<c>title:*</c>, <c>/.*/</c>, <c>*:*</c>, <c>a~2</c>) has no meaning here. Input is bounded (length,
/// number of words, nesting) so a 10,000-character paste cannot build a huge query.
/// </summary>
public static partial class UserQueryParser
{
    public const int MaxQueryChars = 1000;
    public const int MaxLeaves = 24;
    public const int MaxDepth = 8;

    /// <summary>The parsed query, or null when nothing searchable remains.</summary>
    public static QueryNode? Parse(string? input)
    {
        var tokens = StopWordsOfCapitalsLowered(AmpersandWordsJoined(Lex(Sanitize(input))));
        var state = new ParserState(tokens);
        var node = ParseOr(state, 0);
        // Anything left (stray ')' at top level) is skipped and parsing resumes, so nothing typed is silently lost.
        while (state.Position < tokens.Count)
        {
            state.Position++;
            var more = ParseOr(state, 0);
            node = Combine(node, more);
        }
        return Simplify(node);
    }

    /// <summary>
    /// Why a query can find nothing whatever the letters hold, for the answer to an empty result: no letters or digits
    /// at all ("🚀", "..."), only words in nearly every letter ("de het een", which are not searched), or only words to
    /// leave out ("NOT drones"). <see cref="UnsearchableReason.None"/> when it has something to find.
    /// </summary>
    public static UnsearchableReason WhyUnsearchable(string? query)
    {
        var node = Parse(query);
        if (node is NotNode || node is AndNode and_ && and_.Children.All(c => c is NotNode))
        {
            return UnsearchableReason.OnlyExclusions;
        }
        var words = new List<string>();
        Collect(node, words);
        var parts = words.SelectMany(w => WordParts().Matches(w).Select(m => m.Value)).ToList();
        return parts.Count == 0 ? UnsearchableReason.NoWords
            : parts.All(Analysis.DutchWordLists.IsStopWord) ? UnsearchableReason.OnlyCommonWords
            : UnsearchableReason.None;

        static void Collect(QueryNode? node, List<string> into)
        {
            switch (node)
            {
                case WordNode w: into.Add(w.Text); break;
                case PhraseNode p: into.Add(p.Text); break;
                case PrefixNode p: into.Add(p.Text); break;
                case AndNode a: a.Children.ToList().ForEach(c => Collect(c, into)); break;
                case OrNode o: o.Children.ToList().ForEach(c => Collect(c, into)); break;
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex WordParts();

    /// <summary>
    /// Whether only the start of <paramref name="query"/> is searched: at most <see cref="MaxQueryChars"/> characters and
    /// <see cref="MaxLeaves"/> words are read, so a pasted paragraph is searched by its first words (the card says so).
    /// </summary>
    public static bool IsShortened(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return false;
        }
        if (query.Length > MaxQueryChars)
        {
            return true;
        }
        var tokens = StopWordsOfCapitalsLowered(AmpersandWordsJoined(Lex(Sanitize(query))));
        return tokens.Count(t => t.Kind is Kind.Word or Kind.Phrase) > MaxLeaves;
    }

    /// <summary>Whether the text uses the topic operators (OR, NOT, parentheses), i.e. is more than a word list.</summary>
    public static bool UsesOperators(QueryNode? node) => node is OrNode or NotNode || (node is AndNode a && a.Children.Any(c => c is not (WordNode or PhraseNode or PrefixNode)));

    internal static string Sanitize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }
        input = Normalize(input);
        var text = input.Length > MaxQueryChars ? input[..MaxQueryChars] : input;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Control characters (NUL, escape sequences) and lone surrogates become spaces.
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) && !IsPairedSurrogate(text, builder.Length) ? ' ' : c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A query without the invisible characters that text pasted from a PDF or a web page carries inside words (soft
    /// hyphen, zero-width space and joiners, byte-order mark, direction marks and embeddings), composed to NFC, so
    /// "dro\u00ADnes" is "drones" and a decomposed "Oekrai\u0308ne" is "Oekraïne" (a QA pass: "Niets gevonden", and a
    /// typo search with fewer results). Lone surrogates are kept for <see cref="Sanitize"/> to blank; normalisation
    /// then leaves the text as it is. The letters' own text is cleaned the same way (<c>TextCleaner</c>, index schema 22).
    /// </summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }
        StringBuilder? builder = null;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (Text.InvisibleCharacters.IsInvisible(c))
            {
                builder ??= new StringBuilder(input, 0, i, input.Length);
                continue;
            }
            builder?.Append(c);
        }
        var text = builder?.ToString() ?? input;
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised.
            return text;
        }
    }

    /// <summary>
    /// Stop words typed in capitals are stop words again ("drones EN counterdrones", "WAT IS ER MET DE EDIP"), except
    /// the few that are abbreviations (<see cref="AbbreviationStopWords"/>: "ER", the European Council; see
    /// <see cref="Analysis.KeptStopWordFilter"/>), and those only when the query is not typed all in capitals.
    /// </summary>
    private static List<Token> StopWordsOfCapitalsLowered(List<Token> tokens)
    {
        var words = tokens.Where(t => t.Kind == Kind.Word && t.Text.Any(char.IsLetter)).ToList();
        var allCapitals = words.Count >= 2 && !words.Any(w => w.Text.Any(char.IsLower));
        return tokens.Select(t => t.Kind == Kind.Word && t.Text.Any(char.IsLetter) && !t.Text.Any(char.IsLower)
            && Analysis.DutchWordLists.IsStopWord(t.Text)
            && (allCapitals || !AbbreviationStopWords.Contains(t.Text))
                ? t with { Text = t.Text.ToLowerInvariant() }
                : t).ToList();
    }

    /// <summary>Stop words that, in capitals, are abbreviations MPs type: "ER" (Europese Raad), "IS" (Islamitische Staat).</summary>
    private static readonly HashSet<string> AbbreviationStopWords = new(StringComparer.Ordinal) { "ER", "IS" };

    /// <summary>
    /// "R &amp; D", "J &amp; V" typed with spaces: the one word "R&amp;D" the index holds (<see cref="Analysis.ApostropheFilter"/>).
    /// </summary>
    private static List<Token> AmpersandWordsJoined(List<Token> tokens)
    {
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is { Kind: Kind.Word, Text: "&" } && tokens[i - 1] is { Kind: Kind.Word } left && tokens[i + 1] is { Kind: Kind.Word } right
                && left.Text.Length is 1 or 2 && left.Text.All(char.IsLetter) && right.Text.Length is 1 or 2 && right.Text.All(char.IsLetter))
            {
                tokens[i - 1] = left with { Text = left.Text + "&" + right.Text };
                tokens.RemoveRange(i, 2);
            }
        }
        return tokens;
    }

    private static bool IsPairedSurrogate(string text, int index)
    {
        var c = text[index];
        return char.IsHighSurrogate(c)
            ? index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            : index > 0 && char.IsHighSurrogate(text[index - 1]);
    }

    private enum Kind { Word, Phrase, Open, Close, Or, And, Not }

    private sealed record Token(Kind Kind, string Text);

    private sealed class ParserState(List<Token> tokens)
    {
        public List<Token> Tokens { get; } = tokens;
        public int Position { get; set; }
        public int Leaves { get; set; }
        public Token? Peek => Position < Tokens.Count ? Tokens[Position] : null;
    }

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                i++;
            }
            else if (c is '"' or '“' or '”' or '„')
            {
                var end = text.IndexOfAny(['"', '“', '”', '„'], i + 1);
                var phrase = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                tokens.Add(new Token(Kind.Phrase, phrase));
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"' or '“' or '”' or '„'))
                {
                    i++;
                }
                var word = text[start..i];
                if (LuceneSuffix().Match(word) is { Success: true } suffix)
                {
                    // "drones~2", "drones^3", "\"rode lijnen\"~3": the search-engine syntax of a fuzzy, boosted or near
                    // search, which this search does by itself; the number is not a word to find (a QA pass: "2" found
                    // "2) artilleriesystemen" first).
                    if (suffix.Groups["w"].Length == 0)
                    {
                        continue;
                    }
                    word = suffix.Groups["w"].Value;
                }
                if (word.Length > 1 && word[0] == '-' && char.IsLetter(word[1]))
                {
                    // "-oekraine", as in a web search: leave out what has the word.
                    tokens.Add(new Token(Kind.Not, "-"));
                    word = word[1..];
                }
                else if (word == "-" && i < text.Length && text[i] is '"' or '“' or '”' or '„' or '(')
                {
                    tokens.Add(new Token(Kind.Not, "-")); // -"rode lijnen", -(oekraine OR rusland)
                    continue;
                }
                tokens.Add(word switch
                {
                    // "EN"/"OF" in capitals, as MPs type the operators in Dutch ("drones EN counterdrones").
                    "OR" or "||" or "OF" => new Token(Kind.Or, word),
                    "AND" or "&&" or "EN" => new Token(Kind.And, word),
                    "NOT" => new Token(Kind.Not, word),
                    _ => new Token(Kind.Word, word),
                });
            }
        }
        return tokens;
    }

    private static QueryNode? ParseOr(ParserState s, int depth)
    {
        var children = new List<QueryNode>();
        Add(children, ParseAnd(s, depth));
        while (s.Peek is { Kind: Kind.Or })
        {
            s.Position++;
            Add(children, ParseAnd(s, depth));
        }
        return children.Count switch { 0 => null, 1 => children[0], _ => new OrNode(children) };
    }

    private static QueryNode? ParseAnd(ParserState s, int depth)
    {
        var children = new List<QueryNode>();
        while (s.Peek is { } token && token.Kind is not (Kind.Or or Kind.Close))
        {
            if (token.Kind == Kind.And)
            {
                s.Position++;
                continue;
            }
            Add(children, ParseUnary(s, depth));
        }
        return children.Count switch { 0 => null, 1 => children[0], _ => new AndNode(children) };
    }

    private static QueryNode? ParseUnary(ParserState s, int depth)
    {
        if (s.Peek is { Kind: Kind.Not })
        {
            s.Position++;
            var child = s.Peek is { Kind: not (Kind.Or or Kind.Close or Kind.And) } ? ParseUnary(s, depth) : null;
            return child is null or NotNode ? child : new NotNode(child);
        }
        return ParsePrimary(s, depth);
    }

    private static QueryNode? ParsePrimary(ParserState s, int depth)
    {
        var token = s.Tokens[s.Position++];
        switch (token.Kind)
        {
            case Kind.Open:
                var inner = depth < MaxDepth ? ParseOr(s, depth + 1) : null;
                if (depth >= MaxDepth)
                {
                    // Too deep to be a real query (a paste or an attack): skip the group.
                    while (s.Peek is { } t && t.Kind != Kind.Close)
                    {
                        s.Position++;
                    }
                }
                if (s.Peek is { Kind: Kind.Close })
                {
                    s.Position++;
                }
                return inner;
            case Kind.Phrase:
                return Leaf(s, token.Text.Trim().Length == 0 ? null : new PhraseNode(token.Text.Trim()));
            case Kind.Word:
                var word = token.Text;
                if (word.Length > 1 && word.EndsWith('*') && word.TrimEnd('*').Length > 0)
                {
                    return Leaf(s, new PrefixNode(word.TrimEnd('*')));
                }
                return Leaf(s, new WordNode(WithoutApostropheS(word)));
            default:
                return null;
        }
    }

    /// <summary>
    /// "EDA's", "NAVO’s", "risico's": the word without its "'s" ending, as the index reads it
    /// (<see cref="Analysis.ApostropheFilter"/>), so an abbreviation typed with it is still the abbreviation.
    /// </summary>
    private static string WithoutApostropheS(string word) =>
        word.Length >= 3 && word[^2] is '\'' or '’' && word[^1] is 's' or 'S' && char.IsLetterOrDigit(word[^3]) ? word[..^2] : word;

    private static QueryNode? Leaf(ParserState s, QueryNode? node)
    {
        if (node is null || s.Leaves >= MaxLeaves)
        {
            return null;
        }
        s.Leaves++;
        return node;
    }

    private static void Add(List<QueryNode> list, QueryNode? node)
    {
        if (node is not null)
        {
            list.Add(node);
        }
    }

    private static QueryNode? Combine(QueryNode? a, QueryNode? b) =>
        a is null ? b : b is null ? a : new AndNode([a, b]);

    /// <summary>Flattens nested AND/OR of the same kind.</summary>
    private static QueryNode? Simplify(QueryNode? node)
    {
        switch (node)
        {
            case AndNode and:
                var andChildren = and.Children.Select(Simplify).OfType<QueryNode>()
                    .SelectMany(c => c is AndNode inner ? inner.Children : [c]).ToList();
                return andChildren.Count switch { 0 => null, 1 => andChildren[0], _ => new AndNode(andChildren) };
            case OrNode or:
                var orChildren = or.Children.Select(Simplify).OfType<QueryNode>()
                    .SelectMany(c => c is OrNode inner ? inner.Children : [c]).ToList();
                return orChildren.Count switch { 0 => null, 1 => orChildren[0], _ => new OrNode(orChildren) };
            case NotNode not:
                return Simplify(not.Child) is { } child ? new NotNode(child) : null;
            default:
                return node;
        }
    }

    /// <summary>A word (or nothing, after a phrase) followed by Lucene's <c>~</c> or <c>^</c> and an optional number.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<w>(?=[^~^]*\p{L})[^~^]+)?[~^]\d*(?:\.\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex LuceneSuffix();
}

/// <summary>Why a query can find nothing (<see cref="UserQueryParser.WhyUnsearchable"/>).</summary>
public enum UnsearchableReason
{
    None,
    NoWords,
    OnlyCommonWords,
    OnlyExclusions,
}
