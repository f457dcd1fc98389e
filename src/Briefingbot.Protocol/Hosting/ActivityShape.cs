using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Hosting;

/// <summary>What an inbound activity must carry before a turn can run on it.</summary>
internal static class ActivityShape
{
    /// <summary>Types the bot answers in the conversation; without a conversation and serviceUrl they are malformed.</summary>
    private static readonly string[] ConversationalTypes =
        [ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate];

    public static ShapeVerdict Check(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ShapeVerdict.Malformed("The activity has no type.");
        }

        var hasConversation = !string.IsNullOrWhiteSpace(activity.Conversation?.Id);
        var hasServiceUrl = IsServiceUrl(activity.ServiceUrl);
        if (hasConversation && hasServiceUrl)
        {
            return ShapeVerdict.Dispatch;
        }

        if (ConversationalTypes.Contains(activity.Type, StringComparer.Ordinal))
        {
            return ShapeVerdict.Malformed(hasConversation
                ? "The activity has no valid serviceUrl."
                : "The activity has no conversation id.");
        }

        // Other types (typing, event, messageReaction, anything new) need no answer: acknowledge and move on.
        return ShapeVerdict.Ignore;
    }

    /// <summary>
    /// An absolute http(s) URL without a query or fragment: the connector can send replies only to such a base
    /// (ConnectorClient), so any other is refused here rather than answered into the void (a QA pass: "…?x=1#f" got 200
    /// and every reply was dropped).
    /// </summary>
    private static bool IsServiceUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>The result of <see cref="ActivityShape.Check"/>.</summary>
internal sealed record ShapeVerdict(ShapeAction Action, string? Error = null)
{
    public static ShapeVerdict Dispatch { get; } = new(ShapeAction.Dispatch);

    public static ShapeVerdict Ignore { get; } = new(ShapeAction.Ignore);

    public static ShapeVerdict Malformed(string error) => new(ShapeAction.Reject, error);
}

internal enum ShapeAction
{
    Dispatch,
    Ignore,
    Reject,
}
