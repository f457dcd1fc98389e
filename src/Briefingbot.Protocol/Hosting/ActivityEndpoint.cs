using System.Buffers;
using System.Text.Json;
using Briefingbot.Protocol.Authentication;
using Briefingbot.Protocol.Configuration;
using Briefingbot.Protocol.Schema;
using Briefingbot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: read (bounded), authenticate, parse, check, run the turn, answer. Every failure that is
/// the caller's is a 4xx with a short JSON error; the turn's own failures are handled by <see cref="BotAdapter"/>.
/// </summary>
internal sealed class ActivityEndpoint(
    IOptions<BotProtocolOptions> options,
    BotAuthenticator authenticator,
    BotAdapter adapter,
    ILogger<ActivityEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var maxBytes = options.Value.MaxRequestBodyBytes;

        // Cheapest rejection first: no token at all, when one is required, costs us no parsing.
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authenticator.RequiresToken && BotAuthenticator.ExtractBearerToken(authorization) is null)
        {
            await RejectAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "A bearer token is required.").ConfigureAwait(false);
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            // An activity is JSON; a body declared as something else (text/plain, a form) is refused, not guessed at
            // (a QA pass: text/plain was parsed). A request without a content type is read as JSON.
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "An activity is sent as application/json.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context, maxBytes).ConfigureAwait(false);
        if (body.Status != StatusCodes.Status200OK)
        {
            if (body.Status == StatusCodes.Status413PayloadTooLarge)
            {
                Log.RequestTooLarge(logger, maxBytes);
                await WriteErrorAsync(context, body.Status, "RequestTooLarge", $"The activity is larger than {maxBytes} bytes.").ConfigureAwait(false);
            }
            else if (body.Status > 0)
            {
                await RejectAsync(context, body.Status, "BadRequest", "The request body could not be read.").ConfigureAwait(false);
            }
            return;
        }

        Activity? activity;
        try
        {
            // Every string valid UTF-16 before anything reads it (lone surrogates, noncharacters, invalid UTF-8).
            activity = ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(body.Bytes!));
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and position, not the content: safe to log and to return.
            Log.MalformedActivity(logger, ex.Message);
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "The body is not a valid activity.").ConfigureAwait(false);
            return;
        }
        if (activity is null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "The body is not a valid activity.").ConfigureAwait(false);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            var code = auth.StatusCode switch { 401 => "Unauthorized", 403 => "Forbidden", _ => "ServiceUnavailable" };
            await RejectAsync(context, auth.StatusCode, code, auth.Reason).ConfigureAwait(false);
            return;
        }

        var shape = ActivityShape.Check(activity);
        if (shape.Action == ShapeAction.Reject)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "BadRequest", shape.Error!).ConfigureAwait(false);
            return;
        }
        if (shape.Action == ShapeAction.Ignore)
        {
            Log.ActivityIgnored(logger, activity.Type!);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var services = context.RequestServices;
        var outcome = await adapter.ProcessAsync(
            activity,
            services.GetService<IBot>(),
            services.GetService<IConversationReferenceStore>(),
            cancellationToken,
            auth.RepliesOnlyToTrustedServiceUrls).ConfigureAwait(false);

        context.Response.StatusCode = outcome.StatusCode;
        if (outcome.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(ProtocolJson.SerializeToUtf8Bytes(outcome.Body), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No content type, or a JSON one (<c>application/json</c>, <c>…+json</c>, with any parameters).</summary>
    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private async Task RejectAsync(HttpContext context, int status, string code, string message)
    {
        Log.RequestRejected(logger, status, message);
        await WriteErrorAsync(context, status, code, message).ConfigureAwait(false);
    }

    /// <summary>The connector's own error shape, <c>{ error: { code, message } }</c>.</summary>
    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(
            ProtocolJson.SerializeToUtf8Bytes(new { error = new { code, message } }), context.RequestAborted).AsTask();
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/>: a declared Content-Length above it is refused unread, a chunked body
    /// is cut off as soon as it passes it. Status 0 means the client went away. Kestrel's own (larger) limit is
    /// deliberately left alone: lowered to ours, Kestrel resets the connection while draining the rest of an oversized
    /// body, and the sender never sees the polite 413.
    /// </summary>
    private static async Task<BodyRead> ReadBodyAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return new(StatusCodes.Status413PayloadTooLarge);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return new(StatusCodes.Status413PayloadTooLarge);
                }
                collected.Write(buffer, 0, read);
            }
            return new(StatusCodes.Status200OK, collected.ToArray());
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limit or a broken chunked encoding.
            return new(ex.StatusCode);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return new(0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly record struct BodyRead(int Status, byte[]? Bytes = null);
}
