using Briefingbot.Dossiers.Text;
using System.Globalization;
using Briefingbot.Storage;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>schema maandag 08:00 [Europe/Amsterdam]</c>: when this conversation gets its briefing; takes effect at once.</summary>
public sealed class ScheduleCommand(SubscriptionService service, SubscriptionReplies replies) : ExistingSubscriptionCommand(service, replies)
{
    public override IReadOnlyList<string> Names { get; } = ["schema", "schedule"];

    public override string Usage => "`schema <dag> <tijd> [tijdzone]`: bijvoorbeeld `schema maandag 08:00 Europe/Amsterdam`.";

    protected override string? ArgumentProblem(CommandContext context) =>
        ScheduleArguments.TryParse(context.Arguments, out _, out var problem) ? null : $"{problem} Er is niets gewijzigd.";

    protected override async Task ChangeAsync(CommandContext context, Subscription existing, CancellationToken cancellationToken)
    {
        // Checked by ArgumentProblem before the caller and the subscription were.
        ScheduleArguments.TryParse(context.Arguments, out var request, out _);
        var updated = existing with { DayOfWeek = request!.Day, TimeOfDay = request.Time, TimeZone = request.Zone?.Id ?? existing.TimeZone };
        var details = $"schema: {SubscriptionCard.ScheduleText(updated)} (was {DutchDates.WeekdayName(existing.DayOfWeek)} {existing.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {existing.TimeZone})";
        await Service.SaveAsync(context, updated, "subscription.schedule", details, cancellationToken);
        await Replies.ShowAsync(context, "Het schema is gewijzigd.", updated, cancellationToken);
    }
}
