using Briefingbot.Briefings.Scheduling;
using Quartz;
using Quartz.Extensibility;

namespace Briefingbot.Tests.Briefings;

/// <summary>A Quartz job listener that lets a test await "the briefing job ran n times" instead of sleeping.</summary>
public sealed class JobExecutionSignal : IJobListener
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public string Name => "test-signal";

    public int Executed { get; private set; }

    /// <param name="group">The job group to listen to; default the briefing jobs' group.</param>
    public static async Task<JobExecutionSignal> AttachAsync(IScheduler scheduler, string? group = null)
    {
        var signal = new JobExecutionSignal();
        scheduler.ListenerManager.AddJobListener(signal, [GroupMatcher<JobKey>.GroupEquals(group ?? BriefingJob.Key.Group)]);
        await Task.CompletedTask;
        return signal;
    }

    public Task WhenExecutedAsync(int count)
    {
        lock (_lock)
        {
            if (Executed >= count) return Task.CompletedTask;
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, tcs));
            return tcs.Task;
        }
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Executed++;
            foreach (var w in _waiters.Where(w => w.Count <= Executed).ToList())
            {
                w.Signal.TrySetResult();
                _waiters.Remove(w);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
