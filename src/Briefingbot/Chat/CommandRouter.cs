using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat;

/// <summary>
/// Finds the handler for what the user typed. The first word (or words, for multi-word names) is compared with
/// every registered handler's <see cref="ICommandHandler.Names"/>, ignoring case and accents. Anything else is a
/// search: free text goes to the handler named "zoek". When the first word is one or two typing errors away from
/// a command ("hlep", "brif 22112-4027"), the search still runs, and the answer offers "Bedoelde je …?".
/// </summary>
public sealed class CommandRouter
{
    /// <summary>The command that takes free text.</summary>
    public const string SearchCommandName = "zoek";

    private readonly Dictionary<string, ICommandHandler> _byName = new(StringComparer.Ordinal);
    private readonly int _longestName;

    public CommandRouter(IEnumerable<ICommandHandler> handlers)
    {
        Handlers = handlers.ToList();
        foreach (var handler in Handlers)
        {
            foreach (var name in handler.Names)
            {
                var key = CommandText.Fold(name).Trim();
                // First registration wins: a feature cannot silently take over another's command word.
                _byName.TryAdd(key, handler);
            }
        }
        _longestName = _byName.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>All registered handlers, in registration order (the help card lists them).</summary>
    public IReadOnlyList<ICommandHandler> Handlers { get; }

    /// <summary>The handler for a command word (from button data or text), or null.</summary>
    public ICommandHandler? Find(string? commandName) =>
        commandName is { Length: > 0 and <= 60 } && _byName.TryGetValue(CommandText.Fold(commandName).Trim(), out var h) ? h : null;

    /// <summary>Routes typed text (mention already stripped by the turn context; leftovers are tolerated).</summary>
    public CommandRoute Route(string? text, string? botName = null)
    {
        var clean = CommandText.StripMention(text ?? "", botName);
        var words = clean.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new CommandRoute(Find("help"), "help", "", null);
        }

        // Longest multi-word name first ("meer zoals dit" before "meer").
        for (int n = Math.Min(_longestName, words.Length); n >= 1; n--)
        {
            var candidate = CommandText.Fold(string.Join(' ', words.Take(n)));
            if (_byName.TryGetValue(candidate, out var handler))
            {
                return new CommandRoute(handler, candidate, ArgumentsAfter(clean, n), null);
            }
        }

        // Natural questions and small talk before keywords: the registers, a friendly reply, or a hint.
        if (QuestionRouting.Route(clean) is { } question)
        {
            if (question.Command is { } command && Find(command) is { } target)
            {
                return new CommandRoute(target, command, question.Arguments, null);
            }
            if (question.Command is null)
            {
                return new CommandRoute(Find(SearchCommandName), SearchCommandName, clean, question.Suggestion);
            }
        }

        return new CommandRoute(Find(SearchCommandName), SearchCommandName, clean, Suggest(words), NearMiss: true);
    }

    /// <summary>
    /// "Bedoelde je …?": only when the first word is close to a command word (not equal: that would have matched),
    /// and the input is short enough to be a command use rather than a sentence. With the typed arguments, except for
    /// an admin-only command (<see cref="ICommandHandler.AdminOnly"/>), which is offered as its word alone.
    /// </summary>
    private string? Suggest(string[] words)
    {
        if (words.Length > 4)
        {
            return null;
        }
        var first = CommandText.Fold(words[0]);
        if (first.Length < 3 || first.Length > 30)
        {
            return null;
        }
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var name in _byName.Keys.Where(k => !k.Contains(' ')).Order(StringComparer.Ordinal))
        {
            // Short words tolerate one typing error; longer ones two.
            int allowed = Math.Min(name.Length, first.Length) <= 5 ? 1 : 2;
            if (Math.Abs(name.Length - first.Length) > allowed)
            {
                continue;
            }
            int d = EditDistance.Compute(first, name);
            if (d <= allowed && d < bestDistance)
            {
                best = name;
                bestDistance = d;
            }
        }
        if (best is null)
        {
            return null;
        }
        // An admin command, or one with an admin part ("toezegging 3 voldaan"), is offered without the typed arguments:
        // the suggestion becomes a button in the channel, and an admin who presses it runs it as themselves ("agnda
        // importeer <someone's url>", a security review).
        var handler = _byName[best];
        var rest = words.Length > 1 && !handler.AdminOnly && handler.UsageForEveryone is null ? " " + string.Join(' ', words.Skip(1)) : "";
        return best + rest;
    }

    private static string ArgumentsAfter(string text, int wordCount)
    {
        var rest = text.AsSpan().TrimStart();
        for (int i = 0; i < wordCount; i++)
        {
            int space = 0;
            while (space < rest.Length && !char.IsWhiteSpace(rest[space]))
            {
                space++;
            }
            if (space == rest.Length)
            {
                return "";
            }
            rest = rest[space..].TrimStart();
        }
        return rest.Trim().ToString();
    }
}

/// <summary>The outcome of routing: the handler (null only when no search handler is registered), the command word as matched, its arguments and an optional suggestion.</summary>
/// <param name="NearMiss">The suggestion is a command the first word nearly spells (<see cref="CommandContext.SuggestionIsNearMiss"/>).</param>
public sealed record CommandRoute(ICommandHandler? Handler, string Command, string Arguments, string? Suggestion, bool NearMiss = false);
