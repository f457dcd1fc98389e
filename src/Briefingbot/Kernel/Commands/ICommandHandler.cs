using Briefingbot.Protocol;

namespace Briefingbot.Kernel.Commands;

/// <summary>
/// One chat command (zoek, brief, meer, help, toezeggingen, ...). Register with
/// <c>services.AddCommand&lt;THandler&gt;()</c> in the feature's AddXyz(); the router finds it by <see cref="Names"/>.
/// </summary>
public interface ICommandHandler
{
    /// <summary>Command words, Dutch first, then English aliases; lower case, no accents (e.g. "zoek", "search").</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>One line for the help card, in Dutch.</summary>
    string Usage { get; }

    /// <summary>Handles the command; <see cref="CommandContext.Arguments"/> is the text after the command word.</summary>
    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>The heading the help card lists this command under (Dutch). Defaults to one per feature folder.</summary>
    string HelpGroup => CommandGroups.ForHandler(GetType());

    /// <summary>
    /// Whether only admins can use the command at all: the help card of someone else leaves it out (a visual review: a
    /// non-admin got every admin command). The handler still checks the caller itself.
    /// </summary>
    bool AdminOnly => false;

    /// <summary>
    /// The help line for someone who is not an admin, where <see cref="Usage"/> also names what only admins can do
    /// ("`toezegging &lt;nr&gt;`" without its status changes); null when <see cref="Usage"/> is for everyone.
    /// </summary>
    string? UsageForEveryone => null;
}

/// <summary>The parsed command and the turn it arrived in.</summary>
/// <param name="Turn">The turn (reply, typing, invoke response).</param>
/// <param name="Command">The command word as matched (normalised).</param>
/// <param name="Arguments">The rest of the text, trimmed.</param>
/// <param name="SubmitData">For Action.Submit / Action.Execute: the action's data object, else null.</param>
public sealed record CommandContext(ITurnContext Turn, string Command, string Arguments, System.Text.Json.JsonElement? SubmitData)
{
    /// <summary>The caller's AAD object id (from.aadObjectId), used by admin checks.</summary>
    public string? CallerAadObjectId => Turn.Activity.From?.AadObjectId;

    /// <summary>Whether the channel renders Adaptive Cards (false: answer in Markdown text).</summary>
    public bool SupportsCards { get; init; } = true;

    /// <summary>
    /// For free text routed to search: a command the user may have meant ("hlep" → "help"), offered as
    /// "Bedoelde je …?" next to the search answer; else null.
    /// </summary>
    public string? Suggestion { get; init; }

    /// <summary>
    /// Whether <see cref="Suggestion"/> is a command the first word nearly spells ("hlep"), not a hint for a question:
    /// it is left out where the search found every typed word ("weer stand" is "weerstand", not "meer stand").
    /// </summary>
    public bool SuggestionIsNearMiss { get; init; }
}
