using System.Globalization;
using System.Text;
using Briefingbot.Dossiers.Text;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Letters;
using Briefingbot.Kernel.People;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Briefingbot.Sources.Sync;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// <c>toezegging &lt;nr&gt;</c> shows one promise with its status history; admins change the status:
/// <c>toezegging &lt;nr&gt; voldaan [link of brief-id]</c>, <c>… heropend</c>, <c>… ingetrokken</c>.
/// Every change is kept in the promise's history and the audit log.
/// </summary>
public sealed class PromiseCommand(
    IPromiseRegister register,
    AdminGuard guard,
    AuditTrail audit,
    LetterLookup letters,
    DutchClock clock,
    UserNames userNames,
    ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["toezegging", "promise"];

    public string Usage => "`toezegging <nr>` toont een toezegging; beheerders: `toezegging <nr> voldaan [link of brief-id]`, `heropend`, `ingetrokken`.";

    public string UsageForEveryone => "`toezegging <nr>`: toont een toezegging met haar bron en geschiedenis.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Arguments.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        long? typed = parts.Length == 0 ? null
            : long.TryParse(parts[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : await RegisterNumberAsync(parts[0], cancellationToken);
        if (typed is not { } number)
        {
            await replies.SendTextAsync(context, "Gebruik `toezegging <nr>` of `toezegging <nr> voldaan|heropend|ingetrokken`. Nummers staan in `toezeggingen`.", cancellationToken);
            return;
        }
        if (parts.Length == 1)
        {
            await ShowAsync(context, number, cancellationToken);
            return;
        }
        PromiseStatus? status = parts[1].ToLowerInvariant() switch
        {
            "voldaan" or "afgedaan" or "fulfilled" => PromiseStatus.Fulfilled,
            "heropend" or "heropen" or "open" or "reopen" => PromiseStatus.Open,
            "ingetrokken" or "vervallen" or "withdrawn" => PromiseStatus.Withdrawn,
            _ => null,
        };
        if (status is null)
        {
            await replies.SendTextAsync(context, $"\"{parts[1]}\" ken ik niet; gebruik voldaan, heropend of ingetrokken. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!await guard.AllowsAsync(context, "de status van toezeggingen wijzigen", cancellationToken))
        {
            return;
        }
        await ChangeAsync(context, number, status.Value, parts.Length > 2 ? parts[2].Trim() : null, cancellationToken);
    }

    /// <summary>
    /// Our number of the promise the Tweede Kamer's register numbers so ("TZ202610-010", as its card names it; a QA pass
    /// typed it and was told to use a number), or null.
    /// </summary>
    private async Task<long?> RegisterNumberAsync(string typed, CancellationToken cancellationToken)
    {
        var key = SourceSyncStore.OfficialPromiseKeyPrefix + typed.Trim();
        var promises = await register.ListAsync(cancellationToken);
        return promises.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))?.Number;
    }

    private async Task ChangeAsync(CommandContext context, long number, PromiseStatus status, string? evidence, CancellationToken cancellationToken)
    {
        var promise = await register.GetAsync(number, cancellationToken);
        if (promise is null)
        {
            await replies.SendTextAsync(context, $"Toezegging {number} bestaat niet. Er is niets gewijzigd. Typ `toezeggingen alle` voor de nummers.", cancellationToken);
            return;
        }
        if (promise.Status == status)
        {
            await replies.SendTextAsync(context, $"Toezegging {number} staat al op {PromiseCards.StatusText(status)}. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        string? link = null;
        if (!string.IsNullOrEmpty(evidence))
        {
            link = await ResolveEvidenceAsync(evidence, cancellationToken);
            if (link is null)
            {
                await replies.SendTextAsync(context,
                    $"\"{evidence}\" is geen link (http/https) en geen bekende brief. Er is niets gewijzigd.", cancellationToken);
                return;
            }
        }
        var actor = Actor.From(context);
        await register.SetStatusAsync(number, status, link, actor.Id, clock.UtcNow, cancellationToken);
        var details = $"toezegging {number}: {PromiseCards.StatusText(promise.Status)} → {PromiseCards.StatusText(status)}{(link is null ? "" : $" ({link})")}";
        await audit.RecordAsync(actor, "promise.status", details, cancellationToken);
        await replies.SendTextAsync(context, $"Toezegging {number} staat nu op **{PromiseCards.StatusText(status)}**{(link is null ? "" : $" ({await EvidenceTextAsync(link, cancellationToken)})")}.\n\n> {PromiseCards.Shorten(promise.Sentence, 300)}", cancellationToken);
    }

    /// <summary>An http(s) link as given, or a known letter id (its official link when it has one).</summary>
    private async Task<string?> ResolveEvidenceAsync(string evidence, CancellationToken cancellationToken)
    {
        var text = evidence.Trim('<', '>', ' ');
        // "brief 003_…", as the letter is opened (a QA pass: refused as "geen bekende brief").
        if (text.StartsWith("brief ", StringComparison.OrdinalIgnoreCase))
        {
            text = text["brief ".Length..].Trim();
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri.ToString();
        }
        // A letter is kept by its id and shown by its title (a QA pass: letter 004's link is its dossier's page, and
        // the history named the dossier, not the letter that fulfilled the promise).
        var letter = await letters.GetAsync(text, cancellationToken);
        return letter?.Id;
    }

    /// <summary>Evidence as shown: a link named after the document, or a stored letter id as the letter's title and how to open it.</summary>
    private async Task<string> EvidenceTextAsync(string evidence, CancellationToken cancellationToken) =>
        !Uri.TryCreate(evidence, UriKind.Absolute, out _) && await letters.GetAsync(evidence, cancellationToken) is { } letter
            ? $"{TeamsMarkdown.Link(letter.Title ?? letter.Id, letter.SourceUrl)} · `brief {letter.Id}`"
            : Evidence(evidence);

    private async Task ShowAsync(CommandContext context, long number, CancellationToken cancellationToken)
    {
        var promise = await register.GetAsync(number, cancellationToken);
        if (promise is null)
        {
            await replies.SendTextAsync(context, $"Toezegging {number} bestaat niet. Typ `toezeggingen alle` voor de nummers.", cancellationToken);
            return;
        }
        var letter = await new LetterRefs(letters).GetAsync(promise.LetterId, cancellationToken);
        // The letter's sentence as a quote only where it says anything the promise's summary does not (a QA pass: the
        // same text twice; a summary cut short still gets the whole sentence). Texts from the register and the open data are escaped: shown as written, never as Markdown.
        // An open promise past its date says so (a QA pass: "· open" for one due 1 July 2024, as the list calls it "verlopen").
        var overdue = promise.Status == PromiseStatus.Open && promise.DueDate is { } due && due < clock.Today ? " · **verlopen**" : "";
        var text = new StringBuilder($"**Toezegging {number}** · {PromiseCards.StatusText(promise.Status)}{overdue}\n\n");
        var quoted = PromiseCards.SentenceSaysMore(promise);
        // The letter the promise was read from (none for the official register's promises).
        var source = await letters.GetAsync(promise.LetterId, cancellationToken);
        if (PromiseContext.Of(promise.Sentence, source?.RawText, promise.Start) is { } before)
        {
            // "Hierover zal uw Kamer separaat worden geïnformeerd": what "hierover" is (a QA pass).
            text.Append("Daarvoor in de brief: ").Append(TeamsMarkdown.Escape(before)).Append("\n\n");
            quoted = true;
        }
        if (quoted)
        {
            text.Append("> ").Append(TeamsMarkdown.Escape(PromiseCards.Shorten(promise.Sentence, 600))).Append("\n\n");
        }
        if (!quoted || !PromiseCards.WhatIsPartOfSentence(promise))
        {
            text.Append("- Wat: ").Append(TeamsMarkdown.Escape(promise.What)).Append('\n');
        }
        text.Append("- Wie: ").Append(TeamsMarkdown.Escape(promise.Actor ?? "onbekend")).Append('\n')
            .Append("- Termijn: ").Append(PromiseCards.DueText(promise)).Append('\n')
            .Append("- Bron: ").Append(TeamsMarkdown.Link(letter.Title, letter.Url))
            .Append(letter.Date is { } date ? $", {DutchDates.Format(date)}" : "")
            // The letter itself, also where it has no official link (a QA pass: no link, no date, no way to open it).
            .Append(source is null ? "" : $" · `brief {letter.Id}`").Append('\n');
        if (promise.FulfilledBy is { } by)
        {
            text.Append("- Voldaan met: ").Append(await EvidenceTextAsync(by, cancellationToken)).Append('\n');
        }
        var history = await register.HistoryAsync(number, cancellationToken);
        if (history.Count > 0)
        {
            text.Append("\n**Geschiedenis**\n\n");
            var names = await userNames.NamesAsync(history.Select(c => c.ChangedBy), cancellationToken);
            foreach (var change in history)
            {
                // The history holds changes only, so "open" there is a reopening ("open door …" read as if it had
                // always been open; a QA pass).
                var status = change.Status == PromiseStatus.Open ? "heropend" : PromiseCards.StatusText(change.Status);
                text.Append("- ").Append(clock.FormatMoment(change.ChangedAt)).Append(": ").Append(status)
                    .Append(" door ").Append(UserLabel.WithId(change.ChangedBy, names.TryGetValue(change.ChangedBy, out var name) ? name : null)).Append(change.Link is null ? "" : $" ({await EvidenceTextAsync(change.Link, cancellationToken)})").Append('\n');
            }
        }
        await replies.SendTextAsync(context, text.ToString().TrimEnd(), cancellationToken);
    }

    /// <summary>
    /// The evidence of a fulfilment as a link named after the document ("kst-21501-28-300 op
    /// zoek.officielebekendmakingen.nl"), not a bare address (a QA pass); a letter id as written.
    /// </summary>
    internal static string Evidence(string evidence)
    {
        if (!Uri.TryCreate(evidence, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return TeamsMarkdown.Escape(evidence);
        }
        var last = uri.Segments.Length > 0 ? Uri.UnescapeDataString(uri.Segments[^1]).Trim('/') : "";
        var name = Path.GetFileNameWithoutExtension(last);
        return TeamsMarkdown.Link(name.Length is > 0 and <= 60 ? $"{name} op {uri.Host}" : uri.Host, uri.AbsoluteUri);
    }
}
