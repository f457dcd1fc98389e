using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Diagnostics;
using Briefingbot.Kernel.Commands;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Kernel.Replies;

/// <summary>
/// Answers a command: an Adaptive Card where the channel renders cards and a renderer is available, else the
/// Markdown fallback. Failures to reply are logged, never thrown at the user.
/// </summary>
public sealed partial class ReplySender(IServiceProvider services, ILogger<ReplySender> logger)
{
    /// <summary>A short Markdown reply: as a <c>note</c> card where cards are rendered (<see cref="NoteCard"/>), else as text.</summary>
    public Task SendTextAsync(CommandContext context, string markdown, CancellationToken cancellationToken) =>
        context.SupportsCards && services.GetService<ICardRenderer>() is not null
            ? SendCardAsync(context, CardNames.Note, NoteCard.Data(markdown), markdown, cancellationToken)
            : SendMarkdownAsync(context, markdown, cancellationToken);

    private Task SendMarkdownAsync(CommandContext context, string markdown, CancellationToken cancellationToken) =>
        SendAsync(context, new Activity { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" }, cancellationToken);

    /// <param name="templateName">Card template in cards/ (without ".json").</param>
    /// <param name="data">The template's data (same shape as cards/{templateName}.data.json).</param>
    /// <param name="markdown">The same content as text, for channels without cards (Slack) or when rendering fails.</param>
    public Task SendCardAsync(CommandContext context, string templateName, JsonObject data, string markdown, CancellationToken cancellationToken)
    {
        var renderer = services.GetService<ICardRenderer>();
        if (context.SupportsCards && renderer is not null)
        {
            try
            {
                var card = renderer.Render(templateName, data);
                var activity = new Activity
                {
                    Type = ActivityTypes.Message,
                    Summary = FirstLine(markdown),
                    Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
                };
                return SendAsync(context, activity, cancellationToken);
            }
            catch (CardRenderException ex) when (ex.InnerException is null)
            {
                // Expected with large input (a card over the size limit): the text is the answer, no stack trace needed.
                Log.CardNotRendered(logger, templateName, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.CardRenderFailed(logger, ex, templateName);
            }
        }
        return SendMarkdownAsync(context, markdown, cancellationToken);
    }

    private async Task SendAsync(CommandContext context, Activity activity, CancellationToken cancellationToken)
    {
        using var span = Telemetry.StartReply();
        var result = await context.Turn.SendActivityAsync(activity, cancellationToken);
        if (!result.IsSuccess)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Outcome.ToString());
            Log.ReplyFailed(logger, context.Turn.Activity.Conversation?.Id, result.Outcome.ToString(), result.Error);
        }
    }

    /// <summary>The notification preview: the first line as plain text (no emphasis marks, links as their text).</summary>
    internal static string FirstLine(string markdown)
    {
        var line = MarkdownLink().Replace(markdown.Split('\n', 2)[0], "$1")
            .Replace("**", "", StringComparison.Ordinal)
            .Replace("`", "", StringComparison.Ordinal)
            .Replace("\\", "", StringComparison.Ordinal)
            .TrimStart('#', '>', ' ')
            .Trim();
        // Never cut a surrogate pair in half: the preview would carry a lone surrogate.
        return line.Length <= 120 ? line : line[..(char.IsHighSurrogate(line[119]) ? 119 : 120)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex MarkdownLink();
}
