using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API v3 over <see cref="IHttpClientFactory"/>. Every call ends in a <see cref="ConnectorResult"/>:
/// HTTP and network failures are results, not exceptions, because callers (a turn, a briefing run over many channels)
/// must carry on with the next conversation. Only cancellation propagates.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokenProvider,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<BotProtocolOptions> options,
    OutboundPacer pacer,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "Briefingbot.Protocol.Connector";
    private const string CorrelationHeader = "X-Correlating-OperationId";
    private const int MaxErrorBodyChars = 4096;

    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("reply", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, Retries(conversationId, activity), cancellationToken);

    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("send", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, Retries(conversationId, activity), cancellationToken);

    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("update", HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, Retries(conversationId, activity), cancellationToken);

    public Task<ConnectorResult> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<object?>("delete", HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, null, cancellationToken);

    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync("createConversation", HttpMethod.Post, serviceUrl, "v3/conversations", parameters, null, cancellationToken);

    // A write's first attempt is paced by its caller (PacedSend); its retries are paced here, against the same
    // windows, so that throttled messages coming back after their Retry-After never add up to a retry storm.
    private static RetryPacing Retries(string conversationId, Activity activity) => new(conversationId, activity.Conversation?.TenantId);

    // Teams conversation ids hold ':', '@' and ';': they are path segments and must be escaped as such.
    private static string Escape(string? segment) => Uri.EscapeDataString(segment ?? string.Empty);

    private async Task<ConnectorResult> SendAsync<TBody>(string operation, HttpMethod method, string serviceUrl, string relativePath, TBody body, RetryPacing? retryPacing, CancellationToken cancellationToken)
    {
        if (!TryBuildUri(serviceUrl, relativePath, out var uri))
        {
            return Finish(operation, new ConnectorResult(ConnectorOutcome.Failed, Error: "The serviceUrl is not an absolute http(s) URL.", Attempts: 0), null);
        }

        var settings = options.Value;
        string? token = null;
        if (!settings.IsDevelopmentMode)
        {
            if (trustedServiceUrls.IsTrusted(uri))
            {
                try
                {
                    token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.TokenAcquisitionFailed(logger, ex);
                    return Finish(operation, new ConnectorResult(ConnectorOutcome.Failed, Error: "The bot token could not be acquired.", Attempts: 0), null);
                }
            }
            else
            {
                Log.TokenWithheld(logger, uri.Host);
            }
        }

        var payload = body is null ? null : ProtocolJson.SerializeToUtf8Bytes(body);
        var retry = settings.Retry;
        using var client = httpClientFactory.CreateClient(HttpClientName);

        ConnectorResult? last = null;
        string? correlationId = null;
        var ambiguousRetries = 0;
        for (var attempt = 1; attempt <= retry.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            var mayHaveBeenAccepted = false;
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                if (payload is not null)
                {
                    request.Content = new ByteArrayContent(payload);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var timeout = new CancellationTokenSource(retry.AttemptTimeout, timeProvider);
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
                var status = (int)response.StatusCode;

                if (response.IsSuccessStatusCode)
                {
                    var id = await ReadIdAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                    Log.ConnectorSucceeded(logger, operation, status, attempt, correlationId);
                    return new ConnectorResult(ConnectorOutcome.Ok, id, status, Attempts: attempt);
                }

                var error = await ReadErrorAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    return Finish(operation, new ConnectorResult(ConnectorOutcome.ConversationGone, StatusCode: status, Error: error, Attempts: attempt), correlationId);
                }

                var outcome = response.StatusCode == HttpStatusCode.TooManyRequests ? ConnectorOutcome.Throttled : ConnectorOutcome.Failed;
                last = new ConnectorResult(outcome, StatusCode: status, Error: error, Attempts: attempt);
                if (!ConnectorRetryPolicy.IsRetryable(response.StatusCode))
                {
                    return Finish(operation, last, correlationId);
                }
                retryAfter = ConnectorRetryPolicy.RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow());
                mayHaveBeenAccepted = ConnectorRetryPolicy.MayHaveBeenAccepted(response.StatusCode);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // No answer at all (connection refused/reset, attempt timeout): as transient as a 503.
                Log.ConnectorNetworkError(logger, operation, attempt, ex);
                last = new ConnectorResult(ConnectorOutcome.Failed, Error: $"No answer from the connector: {ex.GetType().Name}.", Attempts: attempt);
                mayHaveBeenAccepted = ConnectorRetryPolicy.MayHaveBeenAccepted(ex);
            }

            // A POST the service may already have carried out is retried at most MaxAmbiguousPostRetries times: each
            // such retry can post the message twice (see ConnectorRetryOptions.MaxAmbiguousPostRetries).
            if (mayHaveBeenAccepted && method == HttpMethod.Post && ++ambiguousRetries > retry.MaxAmbiguousPostRetries)
            {
                return Finish(operation, last! with { Error = $"{last!.Error} Not retried again: the service may have accepted it." }, correlationId);
            }

            if (attempt == retry.MaxAttempts)
            {
                break;
            }
            if (retryAfter > retry.MaxDelay)
            {
                // Waiting that long would stall the caller; report the throttling instead of retrying early.
                return Finish(operation, last! with { Error = $"{last!.Error} Retry-After {retryAfter.Value.TotalSeconds:0} s exceeds the cap." }, correlationId);
            }

            var delay = ConnectorRetryPolicy.ComputeDelay(attempt, retryAfter, retry, Random.Shared.NextDouble());
            Log.ConnectorRetrying(logger, operation, last!.StatusCode, attempt, retry.MaxAttempts, (long)delay.TotalMilliseconds, correlationId);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            if (retryPacing is { } paced
                && await pacer.WaitAsync(paced.ConversationId, paced.TenantId, cancellationToken).ConfigureAwait(false) != PacingVerdict.Go)
            {
                return Finish(operation, last! with { Error = $"{last!.Error} No retry: too many messages waiting." }, correlationId);
            }
        }

        return Finish(operation, last! with { Error = $"Gave up after {last!.Attempts} attempts: {last.Error}" }, correlationId);
    }

    private ConnectorResult Finish(string operation, ConnectorResult result, string? correlationId)
    {
        Log.ConnectorFailed(logger, operation, result.Outcome, result.StatusCode, result.Attempts, correlationId, result.Error);
        return result;
    }

    private static bool TryBuildUri(string? serviceUrl, string relativePath, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || baseUri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            return false;
        }
        // serviceUrls come with and without a trailing slash (and Teams' carry a path such as /amer/).
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        uri = new Uri(root, relativePath);
        return true;
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            // The send succeeded; an unreadable body only costs us the new activity's id.
            return null;
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return status;
        }
        if (text.Length > MaxErrorBodyChars)
        {
            text = text[..MaxErrorBodyChars];
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return $"{status}: {code} {message}".TrimEnd();
            }
        }
        catch (JsonException)
        {
            // Not the documented error shape; the status line says enough.
        }
        return status;
    }
}

/// <summary>Which pacing windows a write's retries wait in: its conversation's and its tenant's.</summary>
internal readonly record struct RetryPacing(string ConversationId, string? TenantId);
