using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.People;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Audit;

/// <summary><c>audit [aantal]</c>: the latest changes (who, when, what), for admins.</summary>
public sealed class AuditCommand(AdminGuard guard, IAuditLog auditLog, DutchClock clock, UserNames userNames, ReplySender replies) : ICommandHandler
{
    private const int DefaultCount = 15;
    private const int MaxCount = 50;

    public IReadOnlyList<string> Names { get; } = ["audit", "logboek"];

    public string Usage => "`audit [aantal]`: de laatste wijzigingen door beheerders (alleen beheerders).";

    public bool AdminOnly => true;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await guard.AllowsAsync(context, "het auditlog inzien", cancellationToken))
        {
            return;
        }
        var argument = context.Arguments.Trim();
        var count = DefaultCount;
        if (argument.Length > 0)
        {
            // "audit abc", "audit -5" and "audit 0" showed the default list without a word (a QA pass).
            if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
            {
                await replies.SendTextAsync(context,
                    $"Geef een aantal van 1 tot {MaxCount}, bijvoorbeeld `audit 20`; `audit` alleen toont de laatste {DefaultCount} wijzigingen.", cancellationToken);
                return;
            }
            count = Math.Min(n, MaxCount);
        }
        var entries = await auditLog.LatestAsync(count, cancellationToken);
        // Entries recorded without a name (a channel that sends none) get the name known from later activities.
        var names = await userNames.NamesAsync(entries.Where(e => e.ActorName is null).Select(e => e.ActorAadObjectId), cancellationToken);
        var items = new JsonArray();
        var text = new StringBuilder($"**Auditlog: laatste {entries.Count} wijzigingen**\n\n");
        foreach (var e in entries)
        {
            var when = clock.FormatMoment(e.At);
            var who = UserLabel.Name(e.ActorAadObjectId, e.ActorName ?? (names.TryGetValue(e.ActorAadObjectId, out var known) ? known : null));
            items.Add(new JsonObject { ["when"] = when, ["who"] = who, ["whoId"] = e.ActorAadObjectId, ["action"] = e.Action, ["details"] = e.Details });
            text.Append("- ").Append(when).Append(" · ").Append(who).Append(" · ").Append(e.Details).Append('\n');
        }
        if (entries.Count == 0)
        {
            text.Append("Nog geen wijzigingen.\n");
        }
        var data = new JsonObject { ["title"] = "Auditlog", ["count"] = entries.Count, ["isEmpty"] = entries.Count == 0, ["entries"] = items };
        await replies.SendCardAsync(context, CardNames.Audit, data, text.ToString().TrimEnd(), cancellationToken);
    }
}
