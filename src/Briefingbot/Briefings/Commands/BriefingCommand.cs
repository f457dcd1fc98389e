using Briefingbot.Dossiers.Text;
using System.Globalization;
using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Rendering;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Time;
using Briefingbot.Kernel.Access;

namespace Briefingbot.Briefings.Commands;

/// <summary>
/// <c>briefing</c>: previews this conversation's briefing now; <c>briefing --per 2025-11-24</c>: as of a date;
/// <c>briefing status</c> (admins): failed and undeliverable briefings and inactive subscriptions.
/// </summary>
public sealed class BriefingCommand(
    ISubscriptionStore subscriptions,
    IDeliveryLedger ledger,
    BriefingComposer composer,
    BriefingRenderer renderer,
    AdminGuard admins,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Administration.AdministrationOptions> defaults,
    Kernel.Replies.ReplySender replies,
    Protocol.IConversationReferenceStore? references = null) : ICommandHandler
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "yyyyMMdd"];

    public IReadOnlyList<string> Names { get; } = ["briefing", "weekbriefing"];

    public string Usage => "`briefing [--per 2025-11-26]`: de weekbriefing van dit gesprek, nu of zoals op die datum. `briefing status`: mislukte bezorgingen (alleen beheerders).";

    public string UsageForEveryone => "`briefing [--per 2025-11-26]`: de weekbriefing van dit gesprek, nu of zoals op die datum.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments.Trim();
        if (args.Equals("status", StringComparison.OrdinalIgnoreCase))
        {
            await StatusAsync(context, cancellationToken);
            return;
        }

        DateOnly? per = null;
        if (args.Length > 0)
        {
            if (!TryParsePer(args, out var date))
            {
                if (IsOutOfRangePer(args))
                {
                    await ReplyAsync(context, $"Die datum kan ik niet gebruiken: {DutchDates.RangeHint}, bijvoorbeeld `briefing --per 2025-11-26`.", cancellationToken);
                    return;
                }
                // A date that is none ("31 februari 2025") is named as the register views name it (a QA pass: the
                // generic "Dat begrijp ik niet").
                await ReplyAsync(context, PerValue(args) is { } value
                    ? $"‘{DutchFormat.Md(value)}’ is geen datum; gebruik bijvoorbeeld `briefing --per 2025-11-26` of `briefing per 26 november 2025`."
                    : "Dat begrijp ik niet. Gebruik `briefing`, `briefing --per 2025-11-26` of `briefing status`.", cancellationToken);
                return;
            }
            per = date;
        }

        var conversationId = Administration.Subscriptions.SubscriptionService.ConversationId(context) ?? "";
        var subscription = await subscriptions.GetAsync(conversationId, cancellationToken) ?? DefaultSubscription(conversationId, context);
        var schedule = BriefingSchedule.For(subscription, defaults.Value.DefaultTimeZone);
        DateTimeOffset asOf, since;
        if (per is { } day)
        {
            // As of that day at the subscription's own delivery time, in its zone.
            var local = day.ToDateTime(subscription.TimeOfDay);
            asOf = new DateTimeOffset(local, schedule.TimeZone.GetUtcOffset(local));
            since = asOf.AddDays(-7);
        }
        else
        {
            asOf = time.GetUtcNow();
            since = schedule.ComposedAsOf(await ledger.LastSentAsync(conversationId, cancellationToken)) ?? asOf.AddDays(-7);
        }

        var briefing = await composer.ComposeAsync(subscription, asOf, since, cancellationToken) with { PerDate = per };
        foreach (var message in renderer.Render(briefing, context.SupportsCards))
        {
            await context.Turn.SendActivityAsync(message, cancellationToken);
        }
    }

    private Subscription DefaultSubscription(string conversationId, CommandContext context)
    {
        var now = time.GetUtcNow();
        return new Subscription(conversationId, context.Turn.Activity.Conversation?.TenantId, [], defaults.Value.DefaultDay, defaults.Value.DefaultTime,
            defaults.Value.DefaultTimeZone, SubscriptionStatus.Active, null, "preview", now, now);
    }

    /// <summary>Whether the <c>--per</c> date is well-formed but outside 1900-2199 (it gets its own message).</summary>
    internal static bool IsOutOfRangePer(string args) =>
        PerValue(args) is { } value
        && (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? !DutchDates.IsInRange(date) : DutchDates.IsOutOfRange(value));

    /// <summary>
    /// The date after <c>--per</c> (or <c>per</c>, <c>op</c>): ISO, day-first with dashes or slashes, or written out as
    /// the register views accept it ("1 december 2026", "1 dec. 2026"; a QA pass: that was "Dat begrijp ik niet").
    /// </summary>
    internal static bool TryParsePer(string args, out DateOnly date)
    {
        date = default;
        var value = PerValue(args);
        return value is not null
            && (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? DutchDates.IsInRange(date) : DutchDates.TryParse(value, out date));
    }

    private static string? PerValue(string args)
    {
        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var value = parts switch
        {
            [var flag, .. var v] when v.Length is >= 1 and <= 3 && flag is "--per" or "per" or "--op" or "op" or "--as-of" => string.Join(' ', v),
            [var v] when v.StartsWith("--per=", StringComparison.Ordinal) => v["--per=".Length..],
            _ => null,
        };
        return value;
    }

    private async Task StatusAsync(CommandContext context, CancellationToken ct)
    {
        if (!await admins.AllowsAsync(context, "de bezorgstatus van de briefings bekijken", ct))
        {
            return;
        }
        var failed = await ledger.ListAsync(DeliveryState.Failed, 20, ct);
        var gone = await ledger.ListAsync(DeliveryState.Gone, 20, ct);
        var inactive = await subscriptions.ListAsync(SubscriptionStatus.Inactive, ct);
        var lines = new List<string> { "**Status van de weekbriefing**", "" };
        if (failed.Count == 0 && gone.Count == 0 && inactive.Count == 0)
        {
            // Not "Alle briefings zijn bezorgd" before any was sent (a QA pass).
            lines.Add((await ledger.ListAsync(DeliveryState.Sent, 1, ct)).Count == 0
                ? "Er is nog geen briefing verstuurd; er zijn geen mislukte bezorgingen en geen inactieve abonnementen."
                : "Alle briefings zijn bezorgd; er zijn geen inactieve abonnementen.");
        }
        if (failed.Count > 0)
        {
            lines.Add($"Mislukt ({failed.Count}):");
            lines.AddRange(await NamedAsync(failed, d => d.ConversationId, (d, name) => $"- {name} — periode {d.PeriodKey}, {(d.Attempts == 1 ? "1 poging" : $"{d.Attempts} pogingen")}, {Local(d.CompletedAt ?? d.ClaimedAt)}: {DutchFormat.Md(d.Error ?? "onbekende fout")}", ct));
            lines.Add("");
        }
        if (gone.Count > 0)
        {
            lines.Add($"Niet bezorgbaar ({gone.Count}):");
            lines.AddRange(await NamedAsync(gone, d => d.ConversationId, (d, name) => $"- {name} — periode {d.PeriodKey}: {DutchFormat.Md(d.Error ?? "")}", ct));
            lines.Add("");
        }
        if (inactive.Count > 0)
        {
            lines.Add($"Inactieve abonnementen ({inactive.Count}):");
            lines.AddRange(await NamedAsync(inactive.Take(50).ToList(), s => s.ConversationId, (s, name) => $"- {name} — sinds {Local(s.UpdatedAt)}: {DutchFormat.Md(s.StatusReason ?? "geen reden bekend")}", ct));
        }
        await ReplyAsync(context, string.Join("\n", lines), ct);
    }

    /// <summary>
    /// Each line with its conversation named as people know it ("Team Europa", "persoonlijk gesprek met Anna"), the id
    /// after it to find it (a QA pass: only the id, "19:…@thread.tacv2"). The name is the one the conversation's last
    /// activity carried; without one, the id alone.
    /// </summary>
    private async Task<List<string>> NamedAsync<T>(IReadOnlyList<T> rows, Func<T, string> conversationId, Func<T, string, string> line, CancellationToken ct)
    {
        var lines = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var id = conversationId(row);
            var reference = references is null ? null : await references.GetAsync(id, ct);
            var name = reference?.Conversation?.Name is { Length: > 0 } n ? n
                : string.Equals(reference?.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase) && reference?.User?.Name is { Length: > 0 } user
                    ? "persoonlijk gesprek met " + user
                    : null;
            lines.Add(line(row, name is null ? DutchFormat.Md(id) : $"{DutchFormat.Md(name)} ({DutchFormat.Md(id)})"));
        }
        return lines;
    }

    private string Local(DateTimeOffset at)
    {
        var zone = BriefingSchedule.ResolveTimeZone(defaults.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        return DutchDates.FormatMoment(TimeZoneInfo.ConvertTime(at, zone));
    }

    /// <summary>A note card where cards are shown, as every other command's short answers (a QA pass: plain Markdown in Teams).</summary>
    private Task ReplyAsync(CommandContext context, string markdown, CancellationToken ct) => replies.SendTextAsync(context, markdown, ct);
}
