namespace Briefingbot.Administration;

/// <summary>
/// Told after every change of a subscription (created, schedule changed, paused, resumed, cancelled) so the
/// scheduler can re-plan that conversation at once instead of at its next poll. Implemented by the briefing
/// scheduler (Quartz); when none is registered, changes simply take effect at the scheduler's next start.
/// </summary>
public interface ISubscriptionScheduleNotifier
{
    Task SubscriptionChangedAsync(string conversationId, CancellationToken cancellationToken);
}
