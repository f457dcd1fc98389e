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
    public ValueTask<bool> AcquireAsync(string key, CancellationToken cancellationToken) =>
        _windows.Length == 0 ? ValueTask.FromResult(true) : AcquireAsync(key, Fetch(key), cancellationToken);

    /// <summary>
    /// Acquires through a log fetched earlier. If the idle cleanup retired that log in between, the permit is taken
    /// from the log now registered for the key instead: a grant recorded in a retired log would be forgotten, and the
    /// key's next sends would get a fresh, empty window (twice the limit).
    /// </summary>
    internal async ValueTask<bool> AcquireAsync(string key, Log fetched, CancellationToken cancellationToken)
    {
        var log = fetched;
        while (true)
        {
            var now = log.TryGrantNow();
            if (now is null)
            {
                log = Fetch(key);
                continue;
            }
            if (now.Value)
            {
                return true;
            }
            var entered = log.TryEnter();
            if (entered is null)
            {
                log = Fetch(key);
                continue;
            }
            if (!entered.Value)
            {
                return false;
            }
            try
            {
                await log.WaitForGrantAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            finally
            {
                log.Leave();
            }
        }
    }

    /// <summary>A permit now, without waiting (and only when nobody waits); false when the window is full.</summary>
    public bool TryAcquireNow(string key)
    {
        if (_windows.Length == 0)
        {
            return true;
        }
        while (true)
        {
            if (Fetch(key).TryGrantNow() is { } granted)
            {
                return granted;
            }
        }
    }

    /// <summary>
    /// Takes a place in <paramref name="key"/>'s queue without taking a permit yet; null when the queue is full. Lets a
    /// caller learn that the tenant would refuse before it spends anything else (a conversation's permit).
    /// </summary>
    public Reservation? TryReserve(string key)
    {
        if (_windows.Length == 0)
        {
            return new Reservation(null);
        }
        while (true)
        {
            var log = Fetch(key);
            // With nobody waiting and a permit free now, a place is given even when queueLimit is 0: the holder
            // would be granted at once.
            var entered = log.TryEnter(evenIfFullWhenFreeNow: true);
            if (entered is null)
            {
                continue;
            }
            return entered.Value ? new Reservation(log) : null;
        }
    }

    internal Log Fetch(string key)
    {
        if (!_logs.TryGetValue(key, out var log))
        {
            if (_logs.Count >= IdleLogsBeforeCleanup)
            {
                RemoveIdleLogs();
            }
            log = _logs.GetOrAdd(key, _ => new Log(this));
        }
        return log;
    }

    internal void RemoveIdleLogs()
    {
        var now = _time.GetTimestamp();
        foreach (var entry in _logs)
        {
            // Retire under the log's lock, then remove exactly that log: a thread that fetched it meanwhile sees the
            // retirement and fetches the key again.
            if (entry.Value.TryRetire(now))
            {
                _logs.TryRemove(entry);
            }
        }
    }

    /// <summary>A place in a key's queue (see <see cref="TryReserve"/>); dispose it when done, whether or not it was used.</summary>
    internal sealed class Reservation(Log? log) : IDisposable
    {
        private Log? _log = log;

        /// <summary>Waits for the permit; never refused (the place in the queue is already held).</summary>
        public async ValueTask WaitAsync(CancellationToken cancellationToken)
        {
            if (_log is { } log)
            {
                await log.WaitForGrantAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => Interlocked.Exchange(ref _log, null)?.Leave();
    }

    internal sealed class Log(SlidingLogLimiter owner)
    {
        private readonly Lock _lock = new();
        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly List<long> _grants = [];
        private int _waiting;
        private bool _retired;

        /// <summary>Grants at once when nobody waits and the windows allow it; null when this log was retired.</summary>
        public bool? TryGrantNow()
        {
            lock (_lock)
            {
                if (_retired)
                {
                    return null;
                }
                return _waiting == 0 && TryGrant(out _);
            }
        }

        /// <summary>Joins the queue: false when it is full, null when this log was retired.</summary>
        public bool? TryEnter(bool evenIfFullWhenFreeNow = false)
        {
            lock (_lock)
            {
                if (_retired)
                {
                    return null;
                }
                if (_waiting >= owner._queueLimit && !(evenIfFullWhenFreeNow && _waiting == 0 && TryGrant(out _, commit: false)))
                {
                    return false;
                }
                _waiting++;
                return true;
            }
        }

        public void Leave()
        {
            lock (_lock)
            {
                _waiting--;
            }
        }

        /// <summary>Waits (after <see cref="TryEnter"/>) until the windows allow one more grant, oldest waiter first.</summary>
        public async Task WaitForGrantAsync(CancellationToken ct)
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
                            return;
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

        public bool TryRetire(long now)
        {
            lock (_lock)
            {
                if (IsIdle(now))
                {
                    _retired = true;
                }
                return _retired;
            }
        }

        private bool IsIdle(long now) =>
            _waiting == 0 && (_grants.Count == 0 || now - _grants[^1] > owner._windows.Max(w => w.Ticks));

        /// <summary>Grants now if every window allows it; otherwise says how long until the first one would.</summary>
        private bool TryGrant(out TimeSpan wait, bool commit = true)
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
            if (commit)
            {
                _grants.Add(now);
            }
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
