using System.Globalization;
using Briefingbot.Administration.Text;
using Briefingbot.Chat;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary><c>schema maandag 08:00 [Europe/Amsterdam]</c>: when this conversation gets its briefing; takes effect at once.</summary>
public sealed class ScheduleCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["schema", "schedule"];

    public string Usage => "`schema <dag> <tijd> [tijdzone]`: bijvoorbeeld `schema maandag 08:00 Europe/Amsterdam`.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            await replies.NoConversationAsync(context, cancellationToken);
            return;
        }
        if (!ScheduleArguments.TryParse(context.Arguments, out var request, out var problem))
        {
            await replies.TextAsync(context, $"{problem} Er is niets gewijzigd.", cancellationToken);
            return;
        }
        if (!await service.MayChangeAsync(context, cancellationToken))
        {
            await replies.RefusedAsync(context, cancellationToken);
            return;
        }
        var existing = await service.GetAsync(conversationId, cancellationToken);
        if (existing is null || existing.Status == SubscriptionStatus.Cancelled)
        {
            await replies.NotSubscribedAsync(context, cancellationToken);
            return;
        }
        var updated = existing with { DayOfWeek = request!.Day, TimeOfDay = request.Time, TimeZone = request.Zone?.Id ?? existing.TimeZone };
        var details = $"schema: {SubscriptionCard.ScheduleText(updated)} (was {DutchDates.WeekdayName(existing.DayOfWeek)} {existing.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {existing.TimeZone})";
        await service.SaveAsync(context, updated, "subscription.schedule", details, cancellationToken);
        await replies.ShowAsync(context, "Het schema is gewijzigd.", updated, cancellationToken);
    }
}
