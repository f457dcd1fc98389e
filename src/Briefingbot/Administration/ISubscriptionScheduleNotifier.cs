namespace Briefingbot.Administration;

/// <summary>
/// Told by the subscription commands when a conversation's subscription was created, changed, paused, resumed or
/// cancelled, so that the scheduler applies the change at once (implemented by the briefing scheduler).
/// </summary>
public interface ISubscriptionScheduleNotifier
{
    Task SubscriptionChangedAsync(string conversationId, CancellationToken cancellationToken);
}
