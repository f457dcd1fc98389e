namespace Briefingbot.Briefings.Scheduling;

/// <summary>What one <see cref="BriefingScheduler.ReconcileAsync"/> changed in the job store.</summary>
/// <param name="Scheduled">Triggers added or replaced (new subscriptions, changed schedules).</param>
/// <param name="Removed">Triggers removed (paused, inactive, cancelled or deleted subscriptions).</param>
/// <param name="Active">Active subscriptions seen, i.e. triggers the store should now hold.</param>
public sealed record ReconcileResult(int Scheduled, int Removed, int Active);
