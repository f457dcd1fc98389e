using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Briefingbot.Sources.Feed;

/// <summary>A response body as bytes, with its status and content type.</summary>
public sealed record SourceResponse(HttpStatusCode Status, byte[] Body, string? ContentType)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>
/// The one way this area talks to the open-data hosts: one request at a time, at least
/// <see cref="TweedeKamerSourceOptions.RequestInterval"/> apart (the Gegevensmagazijn throttles per client), and on
/// 429 / 5xx / timeouts / connection errors a bounded back-off that honours <c>Retry-After</c>. A 404 is an answer,
/// not an error. a validate callback lets the caller reject a body that arrived incomplete (a truncated feed
/// page) so it is fetched again like any transient failure.
/// </summary>
public sealed class PoliteHttpClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<SourcesOptions> options, TimeProvider time, ILogger<PoliteHttpClient> logger)
{
    public const string ClientName = "sources";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastRequestTicks;

    /// <summary>Requests made and retries done since start (status and benchmark).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>The last back-off this client waited, as asked for by the server or computed (tests read it).</summary>
    public TimeSpan LastBackoff { get; private set; }

    /// <summary>The server answered, but what it sent did not pass the caller's check (a truncated or unreadable page).</summary>
    private const string IncompleteBody = "incomplete body";

    private int _requests;
    private int _retries;

    public async Task<SourceResponse> GetAsync(string url, Func<SourceResponse, bool>? validate, CancellationToken ct)
    {
        var settings = options.CurrentValue.TweedeKamer;
        var attempt = 0;
        // "Answered" is a property of every attempt, not of the last one: a timeout before an unreadable page is a
        // server that was also away (a review).
        var everyAttemptAnswered = true;
        while (true)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                var response = await SendOnceAsync(url, settings, ct);
                if (response.Response.IsSuccess || response.Response.Status == HttpStatusCode.NotFound)
                {
                    if (validate is null || !response.Response.IsSuccess || validate(response.Response))
                    {
                        return response.Response;
                    }
                    failure = IncompleteBody;
                }
                else if (response.Response.Status == HttpStatusCode.TooManyRequests || (int)response.Response.Status >= 500)
                {
                    failure = $"HTTP {(int)response.Response.Status}";
                    retryAfter = response.RetryAfter;
                }
                else
                {
                    return response.Response; // 4xx other than 404/429: retrying will not help
                }
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = "timeout";
            }

            everyAttemptAnswered &= failure == IncompleteBody;
            if (attempt >= settings.MaxRetries)
            {
                throw new SourceUnavailableException($"{SafeUrl.Display(url)}: {failure} after {attempt + 1} attempts") { Answered = everyAttemptAnswered };
            }
            // Exponential from one request interval (at least 1 s), or what the server asked for.
            var computed = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
            var delay = retryAfter ?? computed;
            if (delay > settings.MaxRetryDelay)
            {
                throw new SourceUnavailableException($"{SafeUrl.Display(url)}: {failure}; the server asks to wait {delay}, longer than Sources:TweedeKamer:MaxRetryDelay");
            }
            attempt++;
            Interlocked.Increment(ref _retries);
            LastBackoff = delay;
            SourcesLog.BackingOff(logger, SafeUrl.Display(url), failure, delay, attempt);
            await Task.Delay(delay, time, ct);
        }
    }

    private async Task<(SourceResponse Response, TimeSpan? RetryAfter)> SendOnceAsync(string url, TweedeKamerSourceOptions settings, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var since = time.GetElapsedTime(Interlocked.Read(ref _lastRequestTicks));
            if (Interlocked.Read(ref _lastRequestTicks) != 0 && since < settings.RequestInterval)
            {
                await Task.Delay(settings.RequestInterval - since, time, ct);
            }
            Interlocked.Increment(ref _requests);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.RequestTimeout);
            var client = httpClientFactory.CreateClient(ClientName);
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var declared = response.Content.Headers.ContentLength;
                if (declared > settings.MaxFileBytes)
                {
                    throw new SourceFileTooLargeException($"{SafeUrl.Display(url)}: {declared} bytes is more than Sources:TweedeKamer:MaxFileBytes");
                }
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                if (declared is { } expected && body.Length != expected)
                {
                    throw new HttpRequestException($"body ended after {body.Length} of {expected} bytes");
                }
                return (new SourceResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType), RetryAfterOf(response.Headers.RetryAfter));
            }
            finally
            {
                Interlocked.Exchange(ref _lastRequestTicks, time.GetTimestamp());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}

/// <summary>A source did not answer usefully within the retry budget: the run stops; the cursor stays where it was.</summary>
public sealed class SourceUnavailableException(string message) : Exception(message)
{
    /// <summary>The server answered, but what it sent could not be read, each time: that feed is broken, not the server.</summary>
    public bool Answered { get; init; }
}

/// <summary>A file larger than the configured limit.</summary>
public sealed class SourceFileTooLargeException(string message) : Exception(message);
