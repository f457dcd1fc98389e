using System.Collections.Concurrent;
using Briefingbot.Protocol.Configuration;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// Exact sliding windows per key: it remembers when each recent permit was granted and grants the next one only when
/// fewer than <c>PermitLimit</c> were granted within the window before it, which is how the Teams service counts
/// (a request is refused when the last second already holds 50). The approximating limiters of
/// System.Threading.RateLimiting passed a steady 46/s stream at only ~41/s (their segments and the partitioned
/// limiter's 100 ms replenishment tick), so a fan-out could never come near the limit (measured by bench-fanout).
/// Each window is kept 5% longer than configured: a send leaves here a few milliseconds before the service counts it,
/// and on a busy machine those milliseconds vary, so the margin absorbs the jitter that would otherwise cost 429s.
/// Waiters are served one at a time, oldest first.
/// </summary>
internal sealed class SlidingLogLimiter(IReadOnlyList<RateLimitWindow> windows, int queueLimit, TimeProvider time)
{
    private const int IdleLogsBeforeCleanup = 1024;
    private readonly (int Permits, long Ticks)[] _windows = windows
        .Where(w => w.PermitLimit > 0 && w.Window > TimeSpan.Zero)
        .Select(w => (w.PermitLimit, (long)((w.Window + w.Window / 20).TotalSeconds * time.TimestampFrequency)))
        .ToArray();
    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);
    private readonly int _queueLimit = queueLimit;
    private readonly TimeProvider _time = time;

    /// <summary>Waits for a permit for <paramref name="key"/>; false when <c>queueLimit</c> sends already wait for it.</summary>
    public ValueTask<bool> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (_windows.Length == 0)
        {
            return ValueTask.FromResult(true);
        }
        if (!_logs.TryGetValue(key, out var log))
        {
            if (_logs.Count >= IdleLogsBeforeCleanup)
            {
                RemoveIdleLogs();
            }
            log = _logs.GetOrAdd(key, _ => new Log(this));
        }
        return log.AcquireAsync(cancellationToken);
    }

    private void RemoveIdleLogs()
    {
        var now = _time.GetTimestamp();
        foreach (var (key, log) in _logs)
        {
            if (log.IsIdle(now))
            {
                _logs.TryRemove(key, out _);
            }
        }
    }

    private sealed class Log(SlidingLogLimiter owner)
    {
        private readonly Lock _lock = new();
        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly List<long> _grants = [];
        private int _waiting;

        public async ValueTask<bool> AcquireAsync(CancellationToken ct)
        {
            lock (_lock)
            {
                if (_waiting == 0 && TryGrant(out _))
                {
                    return true;
                }
                if (_waiting >= owner._queueLimit)
                {
                    return false;
                }
                _waiting++;
            }
            try
            {
                await _turn.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    while (true)
                    {
                        TimeSpan wait;
                        lock (_lock)
                        {
                            if (TryGrant(out wait))
                            {
                                return true;
                            }
                        }
                        await Task.Delay(wait, owner._time, ct).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _turn.Release();
                }
            }
            finally
            {
                lock (_lock)
                {
                    _waiting--;
                }
            }
        }

        public bool IsIdle(long now)
        {
            lock (_lock)
            {
                return _waiting == 0 && (_grants.Count == 0 || now - _grants[^1] > owner._windows.Max(w => w.Ticks));
            }
        }

        /// <summary>Grants now if every window allows it; otherwise says how long until the first one would.</summary>
        private bool TryGrant(out TimeSpan wait)
        {
            var now = owner._time.GetTimestamp();
            var longest = owner._windows.Max(w => w.Ticks);
            var expired = 0;
            while (expired < _grants.Count && now - _grants[expired] >= longest)
            {
                expired++;
            }
            _grants.RemoveRange(0, expired);

            long waitTicks = 0;
            foreach (var (permits, ticks) in owner._windows)
            {
                // Grants inside this window: those after now - ticks (the list is in time order).
                var first = FirstAfter(now - ticks);
                var inWindow = _grants.Count - first;
                if (inWindow >= permits)
                {
                    // The window frees up when the grant that keeps it full leaves it.
                    var blocking = _grants[_grants.Count - permits];
                    waitTicks = Math.Max(waitTicks, blocking + ticks - now);
                }
            }
            if (waitTicks > 0)
            {
                wait = TimeSpan.FromSeconds((double)waitTicks / owner._time.TimestampFrequency) + TimeSpan.FromMilliseconds(1);
                return false;
            }
            _grants.Add(now);
            wait = TimeSpan.Zero;
            return true;
        }

        private int FirstAfter(long timestamp)
        {
            int low = 0, high = _grants.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (_grants[mid] > timestamp)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }
            return low;
        }
    }
}
