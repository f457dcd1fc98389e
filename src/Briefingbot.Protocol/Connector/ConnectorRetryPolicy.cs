using System.Net;
using System.Net.Http.Headers;
using Briefingbot.Protocol.Configuration;

namespace Briefingbot.Protocol.Connector;

/// <summary>Which connector answers are retried, and how long to wait before the next attempt.</summary>
internal static class ConnectorRetryPolicy
{
    /// <summary>Throttling (429), precondition failures Teams uses for transient write conflicts (412) and gateway errors.</summary>
    public static bool IsRetryable(HttpStatusCode status) => (int)status is 429 or 412 or 502 or 503 or 504;

    /// <summary>
    /// Whether the service may have carried out a request that failed with this status: a gateway error (502) or a
    /// gateway timeout (504) comes from a proxy that may have passed the request on before the backend failed or took
    /// too long. 429 and 503 say the service refused the request (nothing done) and 412 that its precondition failed
    /// (nothing written): retrying those is safe.
    /// </summary>
    public static bool MayHaveBeenAccepted(HttpStatusCode status) => (int)status is 502 or 504;

    /// <summary>
    /// Whether a request that got no answer may have reached the service: anything but a refused or unresolvable
    /// connection (the request was never sent) may — an attempt timeout, a connection reset mid-request.
    /// </summary>
    public static bool MayHaveBeenAccepted(Exception exception) =>
        !(exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException socket }
          && socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
              or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable);

    /// <summary>The server's Retry-After as a delay from <paramref name="now"/>, if it sent one.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (1 = first retry). A Retry-After is honoured as given
    /// (never shortened) with up to 10% jitter on top, so that many conversations throttled together do not come back
    /// in the same instant; otherwise exponential backoff from BaseDelay with "equal jitter" (half fixed, half random),
    /// capped at MaxDelay. <paramref name="jitter"/> is a random number in [0, 1).
    /// </summary>
    public static TimeSpan ComputeDelay(int retry, TimeSpan? retryAfter, ConnectorRetryOptions options, double jitter)
    {
        if (retryAfter is { } after)
        {
            return after + TimeSpan.FromTicks((long)(after.Ticks * 0.1 * jitter));
        }
        var exponential = options.BaseDelay.Ticks * Math.Pow(2, Math.Max(0, retry - 1));
        var capped = Math.Min(exponential, options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + capped / 2 * jitter));
    }
}
