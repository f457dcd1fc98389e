using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Letters;
using Briefingbot.Kernel.Replies;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Topics;

/// <summary>
/// <c>onderwerp toevoegen|wijzigen &lt;naam&gt; "&lt;query&gt;"</c> and <c>onderwerp verwijderen &lt;naam&gt;</c>:
/// admins keep the named saved searches that subscriptions follow. A query is saved only if it parses; the answer
/// shows how many letters match it now.
/// </summary>
public sealed class TopicCommand(
    AdminGuard guard,
    ITopicStore topics,
    ISubscriptionStore subscriptions,
    LetterLookup letters,
    AuditTrail audit,
    ReplySender replies,
    TimeProvider time,
    ILogger<TopicCommand> logger) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["onderwerp", "topic"];

    public string Usage => "`onderwerp toevoegen <naam> \"<zoekvraag>\"`, `onderwerp wijzigen …`, `onderwerp verwijderen <naam>` (alleen beheerders).";

    public bool AdminOnly => true;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var verb = parts.FirstOrDefault()?.ToLowerInvariant();
        var rest = parts.Length > 1 ? parts[1] : "";
        switch (verb)
        {
            case "toevoegen" or "add":
                await SaveAsync(context, rest, isNew: true, cancellationToken);
                break;
            case "wijzigen" or "change" or "update":
                await SaveAsync(context, rest, isNew: false, cancellationToken);
                break;
            case "verwijderen" or "remove" or "delete":
                await DeleteAsync(context, rest.Trim().ToLowerInvariant(), cancellationToken);
                break;
            default:
                await replies.SendTextAsync(context,
                    "Gebruik `onderwerp toevoegen <naam> \"<zoekvraag>\"`, `onderwerp wijzigen <naam> \"<zoekvraag>\"` of `onderwerp verwijderen <naam>`. Met `onderwerpen` zie je de lijst.",
                    cancellationToken);
                break;
        }
    }

    private async Task SaveAsync(CommandContext context, string arguments, bool isNew, CancellationToken cancellationToken)
    {
        if (!await guard.AllowsAsync(context, "onderwerpen wijzigen", cancellationToken))
        {
            return;
        }
        // A name of several words before the quoted query ("Defensie en EU \"…\"") read as the name "defensie" and a
        // query "en EU \"…\"" that finds nothing (a visual review): refused with the one-word name offered. Only when
        // that reading is not a usable query, since "witboek Witboek \"defensie gereedheid\"" is a name and a query.
        var severalWords = TopicArguments.SeveralWordName(arguments);
        Task SuggestOneWordAsync(string oneWord) => replies.SendTextAsync(context,
            $"De naam van een onderwerp is één woord (kleine letters, cijfers en streepjes). Bedoel je `onderwerp {(isNew ? "toevoegen" : "wijzigen")} {oneWord} {TopicArguments.QuotedPart(arguments).Replace('`', '\'')}`? Er is niets gewijzigd.",
            cancellationToken);
        var (name, query) = TopicArguments.Split(arguments);
        if (severalWords is { } quotedName && !TopicArguments.IsValidName(name))
        {
            await SuggestOneWordAsync(quotedName);
            return;
        }
        if (name.Length > TopicArguments.MaxNameLength && TopicArguments.IsValidName(name[..TopicArguments.MaxNameLength]))
        {
            // Say what is wrong, not the usage again (a QA pass: a 300-character name got the general usage text).
            await replies.SendTextAsync(context, $"De naam van een onderwerp is hooguit {TopicArguments.MaxNameLength} tekens lang. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!TopicArguments.IsValidName(name) || query.Length == 0)
        {
            await replies.SendTextAsync(context,
                "Geef een naam (kleine letters, cijfers en streepjes) en een zoekvraag tussen aanhalingstekens, bijvoorbeeld `onderwerp toevoegen defensie-eu \"defensie OR NAVO OR Witboek\"`. Er is niets gewijzigd.",
                cancellationToken);
            return;
        }
        var check = await CheckAsync(name, query, cancellationToken);
        // Also when the first word is written with capitals, as a title is ("Defensie industrie \"defensie-industrie\"",
        // a QA pass: saved as "defensie" with the query "industrie …", which found letters): names are lower case.
        var titleCased = arguments.TrimStart().TakeWhile(c => !char.IsWhiteSpace(c)).Any(char.IsUpper);
        if (severalWords is { } oneWord && (!check.IsValid || check.MatchingLetters == 0 || titleCased))
        {
            await SuggestOneWordAsync(oneWord);
            return;
        }
        var existing = await topics.GetAsync(name, cancellationToken);
        if (isNew && existing is not null)
        {
            await replies.SendTextAsync(context, $"Onderwerp **{name}** bestaat al (\"{existing.Query}\"). Gebruik `onderwerp wijzigen {name} \"…\"`. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!isNew && existing is null)
        {
            await replies.SendTextAsync(context, $"Onderwerp **{name}** bestaat niet. Gebruik `onderwerp toevoegen {name} \"…\"`. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!check.IsValid)
        {
            await replies.SendTextAsync(context, $"De zoekvraag \"{query}\" is niet bruikbaar: {check.Problem ?? "ze kan niet worden gelezen"}. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var actor = Actor.From(context);
        var now = time.GetUtcNow();
        await topics.UpsertAsync(new Topic(name, query, existing?.CreatedBy ?? actor.Id, existing?.CreatedAt ?? now, now), cancellationToken);
        var details = existing is null
            ? $"onderwerp toegevoegd: {name} = \"{query}\""
            : $"onderwerp gewijzigd: {name} = \"{query}\" (was \"{existing.Query}\")";
        await audit.RecordAsync(actor, existing is null ? "topic.add" : "topic.update", details, cancellationToken);

        var headline = existing is null ? $"Onderwerp **{name}** is toegevoegd." : $"Onderwerp **{name}** is gewijzigd.";
        var matchingText = check.MatchingLetters == 1 ? "Nu vindt de zoekvraag 1 brief." : $"Nu vindt de zoekvraag {check.MatchingLetters} brieven.";
        // What to do next, under the card's count (a QA pass: the card said the count twice).
        var nextStep = check.MatchingLetters == 0
            ? $"De zoekvraag vindt nu nog geen brief; nieuwe brieven die erop passen komen vanzelf in de briefing van wie `abonneer {name}` typt."
            : $"Een gesprek volgt dit onderwerp met `abonneer {name}`.";
        var data = new JsonObject
        {
            ["title"] = existing is null ? "Onderwerp toegevoegd" : "Onderwerp gewijzigd",
            ["name"] = name,
            ["query"] = query,
            ["previousQuery"] = existing?.Query ?? "",
            ["hasPreviousQuery"] = existing is not null,
            ["matchingLetters"] = check.MatchingLetters,
            ["matchingCount"] = check.MatchingLetters == 1 ? "1 brief" : $"{check.MatchingLetters} brieven",
            ["matchingText"] = matchingText,
            ["nextStep"] = nextStep,
        };
        await replies.SendCardAsync(context, CardNames.TopicSaved, data, $"{headline}\n\nZoekvraag: `{query}`\n\n{matchingText} {nextStep}", cancellationToken);
    }

    private async Task<QueryCheck> CheckAsync(string name, string query, CancellationToken cancellationToken)
    {
        if (letters.Search is not { } search)
        {
            return new QueryCheck(false, 0, "de zoekfunctie is nog niet beschikbaar; probeer het zo opnieuw");
        }
        try
        {
            return await search.CheckQueryAsync(query, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.QueryCheckFailed(logger, ex, name);
            return new QueryCheck(false, 0, "de zoekvraag kon niet worden gecontroleerd");
        }
    }

    private async Task DeleteAsync(CommandContext context, string name, CancellationToken cancellationToken)
    {
        if (!await guard.AllowsAsync(context, "onderwerpen wijzigen", cancellationToken))
        {
            return;
        }
        var existing = name.Length == 0 ? null : await topics.GetAsync(name, cancellationToken);
        if (existing is null || !await topics.DeleteAsync(name, cancellationToken))
        {
            await replies.SendTextAsync(context, $"Onderwerp **{name}** bestaat niet. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        await audit.RecordAsync(Actor.From(context), "topic.remove", $"onderwerp verwijderd: {name} (was \"{existing.Query}\")", cancellationToken);
        var following = (await subscriptions.ListAsync(null, cancellationToken))
            .Where(s => s.Status is SubscriptionStatus.Active or SubscriptionStatus.Paused && s.Topics.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var left = (await topics.ListAsync(cancellationToken)).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A subscription with no topic left follows every topic (the briefing's rule): say so, not only "skips it".
        var widened = following.Count(s => !s.Topics.Any(left.Contains));
        var note = following.Count switch
        {
            0 => "",
            1 => "\n\nLet op: 1 abonnement volgt dit onderwerp nog. De briefing daarvan slaat het voortaan over"
                + (widened == 1 ? "; omdat het geen ander onderwerp had, volgt het nu alle onderwerpen" : "")
                + ". Pas de onderwerpen aan met `abonneer`.",
            var n => $"\n\nLet op: {n} abonnementen volgen dit onderwerp nog. Hun briefings slaan het voortaan over"
                + (widened > 0 ? $"; {widened} zonder ander onderwerp {(widened == 1 ? "volgt" : "volgen")} nu alle onderwerpen" : "")
                + ". Pas de onderwerpen aan met `abonneer`.",
        };
        await replies.SendTextAsync(context, $"Onderwerp **{name}** is verwijderd.{note}", cancellationToken);
    }
}
