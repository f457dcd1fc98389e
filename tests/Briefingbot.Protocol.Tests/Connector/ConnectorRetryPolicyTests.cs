using System.Net.Http.Headers;
using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Connector;

namespace Briefingbot.Protocol.Tests.Connector;

public sealed class ConnectorRetryPolicyTests
{
    private static readonly ConnectorRetryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Retry_after_is_never_shortened_and_jitter_adds_at_most_ten_percent(double jitter)
    {
        var delay = ConnectorRetryPolicy.ComputeDelay(1, TimeSpan.FromSeconds(2), Options, jitter);

        Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.2));
    }

    [Theory]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(2, 1.0, 2.0)]
    [InlineData(3, 2.0, 4.0)]
    [InlineData(4, 4.0, 8.0)]
    [InlineData(10, 15.0, 30.0)]
    public void Backoff_doubles_with_equal_jitter_and_is_capped(int retry, double minSeconds, double maxSeconds)
    {
        var low = ConnectorRetryPolicy.ComputeDelay(retry, null, Options, 0.0);
        var high = ConnectorRetryPolicy.ComputeDelay(retry, null, Options, 0.999999);

        Assert.Equal(TimeSpan.FromSeconds(minSeconds), low);
        Assert.InRange(high, TimeSpan.FromSeconds(maxSeconds * 0.99), TimeSpan.FromSeconds(maxSeconds));
    }

    [Fact]
    public void Retry_after_as_a_date_is_measured_from_the_injected_clock()
    {
        var now = new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
        var header = new RetryConditionHeaderValue(now.AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorRetryPolicy.RetryAfter(header, now));
        Assert.Equal(TimeSpan.Zero, ConnectorRetryPolicy.RetryAfter(header, now.AddMinutes(1)));
        Assert.Null(ConnectorRetryPolicy.RetryAfter(null, now));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(412, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    public void Only_throttling_and_transient_statuses_are_retried(int status, bool retried)
    {
        Assert.Equal(retried, ConnectorRetryPolicy.IsRetryable((System.Net.HttpStatusCode)status));
    }
}
