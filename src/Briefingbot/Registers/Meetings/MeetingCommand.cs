using System.Globalization;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// Admins keep the meeting register: <c>vergadering toevoegen 2026-12-01 RBZ Defensie [tot …] [locatie]</c>,
/// <c>vergadering wijzigen &lt;nr&gt; …</c>, <c>vergadering annuleren &lt;nr&gt;</c>, <c>vergadering herstellen &lt;nr&gt;</c>.
/// Admin changes lock a meeting against extraction; every change is in the audit log (the meeting's history).
/// </summary>
public sealed class MeetingCommand(IMeetingRegister register, AdminGuard guard, AuditTrail audit, DutchClock clock, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["vergadering", "meeting"];

    public string Usage => "Beheerders: `vergadering toevoegen 2026-12-01 RBZ Defensie [tot 2026-12-02] [locatie]`, `vergadering wijzigen <nr> …`, `vergadering annuleren <nr>`.";

    public bool AdminOnly => true;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var verb = parts.FirstOrDefault()?.ToLowerInvariant();
        var rest = parts.Length > 1 ? parts[1] : "";
        if (verb is not ("toevoegen" or "wijzigen" or "annuleren" or "herstellen" or "add" or "change" or "cancel" or "restore"))
        {
            await replies.SendTextAsync(context, Usage, cancellationToken);
            return;
        }
        if (!await guard.AllowsAsync(context, "vergaderingen wijzigen", cancellationToken))
        {
            return;
        }
        switch (verb)
        {
            case "toevoegen" or "add":
                await AddAsync(context, rest, cancellationToken);
                break;
            case "wijzigen" or "change":
                await ChangeAsync(context, rest, cancellationToken);
                break;
            default:
                await SetCancelledAsync(context, rest, cancelled: verb is "annuleren" or "cancel", cancellationToken);
                break;
        }
    }

    private async Task AddAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        if (!MeetingSpec.TryParse(text, out var spec, out var problem) || spec.Start is null || spec.Type is null)
        {
            if (problem.Length == 0 && spec.Start is not null && spec.Type is null && spec.Location is { } unknownName)
            {
                // "2026-12-01 Onbekende Raad": the words after the date are a meeting the bot does not know (read as
                // a location, for want of a type), so say which names it knows and how to give another (a QA pass).
                problem = MeetingSpec.UnknownType(unknownName);
            }
            await replies.SendTextAsync(context, (problem.Length > 0 ? problem : "Geef een datum en een vergadering, bijvoorbeeld `vergadering toevoegen 2026-12-01 RBZ Defensie Brussel`.") + " Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var end = spec.End ?? spec.Start.Value;
        if (end < spec.Start)
        {
            await replies.SendTextAsync(context, "De einddatum ligt voor de begindatum. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var meeting = await register.UpsertAsync(spec.Type, spec.Start.Value, end, spec.Location, null, MeetingOrigin.Admin, clock.UtcNow, cancellationToken);
        if (meeting.Cancelled)
        {
            // Adding a meeting the register holds as cancelled (or moved away) says it takes place after all.
            await register.SetCancelledAsync(meeting.Id, false, clock.UtcNow, cancellationToken);
            meeting = (await register.GetAsync(meeting.Id, cancellationToken))!;
        }
        await audit.RecordAsync(Actor.From(context), "meeting.add", $"vergadering {meeting.Id} toegevoegd: {Describe(meeting)}", cancellationToken);
        await replies.SendTextAsync(context, $"Vergadering {meeting.Id} staat in het register: {Describe(meeting)}.", cancellationToken);
    }

    private async Task ChangeAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !TryId(parts[0], out var id))
        {
            await replies.SendTextAsync(context, "Gebruik `vergadering wijzigen <nr> [datum] [vergadering] [tot datum] [locatie]`. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var current = await register.GetAsync(id, cancellationToken);
        if (current is null)
        {
            await replies.SendTextAsync(context, $"Vergadering {id} bestaat niet. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!MeetingSpec.TryParse(parts[1], out var spec, out var problem))
        {
            await replies.SendTextAsync(context, problem + " Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var start = spec.Start ?? current.StartDate;
        var type = spec.Type ?? current.Type;
        // A new start date keeps the meeting's length unless a new end is given.
        var end = spec.End ?? start.AddDays(current.EndDate.DayNumber - current.StartDate.DayNumber);
        if (end < start)
        {
            await replies.SendTextAsync(context, "De einddatum ligt voor de begindatum. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        var now = clock.UtcNow;
        var updated = await register.UpsertAsync(type, start, end, spec.Location ?? current.Location, current.Title, MeetingOrigin.Admin, now, cancellationToken);
        var details = $"vergadering {id} gewijzigd: {Describe(current)} → {Describe(updated)}";
        if (updated.Id != id)
        {
            // Type and start date are the meeting's identity (its key): a new identity is a new row, the old one is
            // cancelled so neither the register nor extraction shows the stale date again, and points to the new
            // row, so the letters that prepare the meeting (they name the old date) stay with it.
            if (updated.Cancelled)
            {
                // Moved back to a date it had (or to a cancelled meeting's): that row takes place again.
                await register.SetCancelledAsync(updated.Id, false, now, cancellationToken);
            }
            await register.MoveAsync(id, updated.Id, now, cancellationToken);
            details += $" (nu vergadering {updated.Id}; {id} geannuleerd)";
        }
        await audit.RecordAsync(Actor.From(context), "meeting.update", details, cancellationToken);
        await replies.SendTextAsync(context, updated.Id == id
            ? $"Vergadering {id} is gewijzigd: {Describe(updated)}." + (updated.Cancelled ? $" Ze blijft geannuleerd; `vergadering herstellen {id}` zet haar terug." : "")
            : $"Vergadering {id} is vervangen door vergadering {updated.Id}: {Describe(updated)}.", cancellationToken);
    }

    private async Task SetCancelledAsync(CommandContext context, string text, bool cancelled, CancellationToken cancellationToken)
    {
        if (text.Trim().Length == 0)
        {
            // A QA pass: 'Vergadering "" bestaat niet.'
            await replies.SendTextAsync(context, $"Gebruik `vergadering {(cancelled ? "annuleren" : "herstellen")} <nr>`; het nummer staat bij elke vergadering in `vergaderingen`. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!TryId(text.Trim(), out var id) || await register.GetAsync(id, cancellationToken) is not { } meeting)
        {
            await replies.SendTextAsync(context, $"Vergadering \"{text.Trim()}\" bestaat niet. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (meeting.Cancelled == cancelled)
        {
            await replies.SendTextAsync(context, $"Vergadering {id} is al {(cancelled ? "geannuleerd" : "actief")}. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        await register.SetCancelledAsync(id, cancelled, clock.UtcNow, cancellationToken);
        await audit.RecordAsync(Actor.From(context), cancelled ? "meeting.cancel" : "meeting.restore",
            $"vergadering {id} {(cancelled ? "geannuleerd" : "hersteld")}: {Describe(meeting)}", cancellationToken);
        // Restoring a meeting that was moved leaves the date it was moved to in the register: say so (a QA pass).
        var movedTo = !cancelled && meeting.MovedTo is { } to ? await register.GetAsync(to, cancellationToken) : null;
        await replies.SendTextAsync(context, $"Vergadering {id} ({Describe(meeting)}) is {(cancelled ? "geannuleerd" : "hersteld")}."
            + (movedTo is { Cancelled: false }
                ? $" Ze was verplaatst naar vergadering {movedTo.Id} ({Describe(movedTo)}); die staat ook nog in het register. Gaat die niet door, typ dan `vergadering annuleren {movedTo.Id}`."
                : ""), cancellationToken);
    }

    private static bool TryId(string text, out long id) => long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string Describe(MeetingRecord m) =>
        $"{MeetingTypeNames.DisplayName(m.Type)}, {MeetingCards.When(m)}{(m.Location is null ? "" : $", {m.Location}")}";
}
