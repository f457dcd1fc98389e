using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Admins;

/// <summary><c>beheerder toevoegen @naam</c> / <c>beheerder verwijderen @naam</c>: admins appoint and remove admins.</summary>
public sealed class AdminCommand(AdminGuard guard, AdminDirectory admins, IAdminStore store, AuditTrail audit, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["beheerder", "admin"];

    public string Usage => "`beheerder toevoegen @naam` / `beheerder verwijderen @naam`: beheerders aanwijzen of afvoeren (alleen beheerders).";

    public bool AdminOnly => true;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var verb = context.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        var adding = verb is "toevoegen" or "add";
        var removing = verb is "verwijderen" or "remove";
        if (!adding && !removing)
        {
            await replies.SendTextAsync(context, "Gebruik `beheerder toevoegen @naam` of `beheerder verwijderen @naam`. Met `beheerders` zie je de lijst.", cancellationToken);
            return;
        }
        if (!await guard.AllowsAsync(context, "beheerders aanwijzen of afvoeren", cancellationToken))
        {
            return;
        }
        var people = Mentions.People(context.Turn.Activity);
        if (people.Count != 1)
        {
            // Words after the verb that are no mention of a person (a typed name, or the bot itself: a QA pass got "Noem de
            // persoon met een @-vermelding" for `beheerder toevoegen @Briefingbot`): said what they are not.
            var named = Cards.CardText.Truncate(context.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Trim() ?? "", 60);
            await replies.SendTextAsync(context, people.Count > 0 ? "Noem één persoon tegelijk. Er is niets gewijzigd."
                : named.Length > 0
                    ? $"‘{named}’ is geen @-vermelding van een persoon (de bot zelf kan geen beheerder worden). Typ @ en kies de naam uit de lijst die Teams toont. Er is niets gewijzigd."
                    : "Noem de persoon met een @-vermelding, bijvoorbeeld `beheerder toevoegen @Jan Jansen`. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var target = people[0];
        var actor = Actor.From(context);
        if (adding)
        {
            await AddAsync(context, target, actor, cancellationToken);
        }
        else
        {
            await RemoveAsync(context, target, actor, cancellationToken);
        }
    }

    private async Task AddAsync(CommandContext context, MentionedUser target, Actor actor, CancellationToken cancellationToken)
    {
        var label = target.Name ?? target.Id;
        if (admins.IsConfigured(target.Id) || !await store.AddAsync(target.Id, target.Name, actor.Id, cancellationToken))
        {
            await replies.SendTextAsync(context, $"{label} is al beheerder.", cancellationToken);
            return;
        }
        await audit.RecordAsync(actor, "admin.add", $"beheerder toegevoegd: {label} ({target.Id})", cancellationToken);
        await replies.SendTextAsync(context, $"{label} is nu beheerder.", cancellationToken);
    }

    private async Task RemoveAsync(CommandContext context, MentionedUser target, Actor actor, CancellationToken cancellationToken)
    {
        var label = target.Name ?? target.Id;
        if (admins.IsConfigured(target.Id))
        {
            await replies.SendTextAsync(context,
                $"{label} staat als beheerder in de configuratie (`Administration:Admins`) en kan alleen daar worden verwijderd. Er is niets gewijzigd.",
                cancellationToken);
            return;
        }
        var all = await admins.ListAsync(cancellationToken);
        if (!all.Any(a => string.Equals(a.Id, target.Id, StringComparison.OrdinalIgnoreCase)))
        {
            await replies.SendTextAsync(context, $"{label} is geen beheerder. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (all.Count == 1)
        {
            // Only the caller can be the last admin here (the guard let them in): without admins nobody could appoint one again.
            await replies.SendTextAsync(context,
                "Je bent de laatste beheerder; wijs eerst iemand anders aan met `beheerder toevoegen @naam`. Er is niets gewijzigd.",
                cancellationToken);
            return;
        }
        if (!await store.RemoveAsync(target.Id, cancellationToken))
        {
            await replies.SendTextAsync(context, $"{label} is geen beheerder. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        await audit.RecordAsync(actor, "admin.remove", $"beheerder verwijderd: {label} ({target.Id})", cancellationToken);
        await replies.SendTextAsync(context, $"{label} is geen beheerder meer.", cancellationToken);
    }
}
