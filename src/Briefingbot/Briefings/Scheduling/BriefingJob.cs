using Briefingbot.Briefings.Dispatch;
using Quartz;

namespace Briefingbot.Briefings.Scheduling;

/// <summary>
/// The one durable Quartz job every subscription's trigger fires; the trigger carries the conversation id.
/// It requests recovery, so a firing interrupted by a crash runs again after restart (or on another node); the
/// ledger makes that second run a no-op if the first one got as far as sending.
/// </summary>
public sealed class BriefingJob(BriefingDelivery delivery) : IJob
{
    public const string ConversationIdKey = "conversationId";
    public static readonly JobKey Key = new("briefing", BriefingScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var conversationId = context.MergedJobDataMap.GetString(ConversationIdKey);
        if (string.IsNullOrEmpty(conversationId))
        {
            return;
        }
        // A misfire fired "now" (FireAndProceed): the period is the one now falls in, which the ledger dedupes.
        var moment = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await delivery.DeliverAsync(conversationId, moment, ct: cancellationToken);
    }
}
