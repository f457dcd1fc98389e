using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Protocol.Tests.Connector;

/// <summary>The exact per-tenant windows: never more than the limit in any window, and no slower than that.</summary>
public sealed class SlidingLogLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    private SlidingLogLimiter Limiter(int permits, TimeSpan window, int queueLimit = 100) =>
        new([new RateLimitWindow { PermitLimit = permits, Window = window }], queueLimit, _time);

    [Fact]
    public async Task The_limit_is_granted_at_once_and_the_next_permit_when_the_first_leaves_the_window()
    {
        var limiter = Limiter(3, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++)
        {
            var permit = limiter.AcquireAsync("t", default);
            Assert.True(permit.IsCompletedSuccessfully, "decided at once");
            Assert.True(await permit, "granted (a refusal also completes at once)");
        }

        var fourth = limiter.AcquireAsync("t", default).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(fourth.IsCompleted, "the window is one second plus a 5% margin");
        _time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.True(await fourth.WaitAsync(Patience));
        var other = limiter.AcquireAsync("other-tenant", default);
        Assert.True(other.IsCompletedSuccessfully, "another tenant's permit is decided at once");
        Assert.True(await other, "and granted");
    }

    [Fact]
    public async Task A_full_queue_refuses_instead_of_waiting()
    {
        var limiter = Limiter(1, TimeSpan.FromHours(1), queueLimit: 1);
        Assert.True(await limiter.AcquireAsync("t", default));
        var waiting = limiter.AcquireAsync("t", default).AsTask();

        Assert.False(await limiter.AcquireAsync("t", default));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromHours(1.1));
        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Over_a_long_run_no_window_holds_more_than_the_limit_and_the_limit_is_reached()
    {
        var limiter = Limiter(5, TimeSpan.FromSeconds(1));
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 40; i++)
        {
            var permit = limiter.AcquireAsync("t", default).AsTask();
            if (i >= 5)
            {
                // Move fake time to just past the moment the window lets one more through: the permit must come then.
                var due = times[i - 5] + TimeSpan.FromMilliseconds(1052);
                if (due > _time.GetUtcNow())
                {
                    _time.Advance(due - _time.GetUtcNow());
                }
            }
            Assert.True(await permit.WaitAsync(Patience), $"permit {i} was refused");
            times.Add(_time.GetUtcNow());
        }

        for (var i = 5; i < times.Count; i++)
        {
            var span = times[i] - times[i - 5];
            Assert.True(span >= TimeSpan.FromSeconds(1), $"permit {i} came {span.TotalMilliseconds} ms after permit {i - 5}");
        }
        // ...and no later than the window plus its margin allows (the waits above are exact): 40 permits at 5 per
        // 1.05 s. The approximating limiters it replaced lost a sixth of the rate.
        Assert.True(times[^1] - times[0] <= TimeSpan.FromMilliseconds(7 * 1052), $"40 permits took {(times[^1] - times[0]).TotalMilliseconds} ms");
    }
}
