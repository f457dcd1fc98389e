namespace Briefingbot.Kernel.Replies;

/// <summary>The templates in <c>cards/</c> (file name without <c>.json</c>).</summary>
public static class CardNames
{
    public const string SearchResults = "search-results";
    public const string Letter = "letter";
    public const string Help = "help";
    public const string Welcome = "welcome";
    /// <summary>Error, empty result, notice: a title, a text and suggestion buttons.</summary>
    public const string Message = "message";
    /// <summary>A short Markdown reply (confirmations, refusals, hints) as a card: <see cref="NoteCard"/>.</summary>
    public const string Note = "note";
    /// <summary>A generic list (promises, meetings, topics...): title, items with meta/text/link, buttons.</summary>
    public const string List = "list";

    // Registers and administration (src/Briefingbot/Registers, src/Briefingbot/Administration).
    public const string Promises = "promises";
    public const string Meetings = "meetings";
    public const string Topics = "topics";
    public const string TopicSaved = "topics-saved";
    public const string Subscription = "subscription";
    public const string Admins = "admin";
    public const string Audit = "audit";
    /// <summary>An instant alert about a new letter on a subscribed topic (<c>abonneer direct</c>).</summary>
    public const string LetterAlert = "letter-alert";

    public static readonly IReadOnlyList<string> All =
        [SearchResults, Letter, Help, Welcome, Message, Note, List, Promises, Meetings, Topics, TopicSaved, Subscription, Admins, Audit, LetterAlert];
}
