namespace Briefingbot.Dossiers.Search;

/// <summary>The parsed form of a chat or topic query, before analysis. Built only by <see cref="UserQueryParser"/>.</summary>
public abstract record QueryNode;

/// <summary>A word as typed ("drones", "Oekraïne", "defensie-industrie").</summary>
public sealed record WordNode(string Text) : QueryNode
{
    public override string ToString() => Text;
}

/// <summary>A quoted phrase.</summary>
public sealed record PhraseNode(string Text) : QueryNode
{
    public override string ToString() => "\"" + Text + "\"";
}

/// <summary>
/// "vraag 13": the question of that number and its answer (<see cref="Index.IndexFields.QuestionNumberTerm"/>). Made
/// from the typed words by the query builder in its exact steps, never by the parser.
/// </summary>
public sealed record QuestionNumberNode(string Number) : QueryNode
{
    public override string ToString() => "vraag " + Number;
}

/// <summary>
/// A word that must match, ranked first where the letter writes it in <see cref="Phrase"/> ("één defensie": "defensie",
/// and "één defensie" first). Made by the query builder, never by the parser.
/// </summary>
public sealed record RankedByPhraseNode(string Word, string Phrase) : QueryNode
{
    public override string ToString() => Phrase;
}

/// <summary>A word with a trailing <c>*</c>: matches words starting with <see cref="Text"/>.</summary>
public sealed record PrefixNode(string Text) : QueryNode
{
    public override string ToString() => Text + "*";
}

/// <summary>All children must match (the default between words).</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override string ToString() => string.Join(" ", Children.Select(c => c is OrNode ? "(" + c + ")" : c.ToString()));
}

/// <summary>Any child may match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override string ToString() => string.Join(" OR ", Children.Select(c => c.ToString()));
}

/// <summary>The child must not match.</summary>
public sealed record NotNode(QueryNode Child) : QueryNode
{
    public override string ToString() => "NOT " + (Child is AndNode or OrNode ? "(" + Child + ")" : Child.ToString());
}
