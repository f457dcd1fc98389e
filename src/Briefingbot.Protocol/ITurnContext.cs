using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol;

/// <summary>One inbound activity being handled, with the means to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity. For messages, <see cref="Activity.Text"/> has the bot's own @mention stripped.</summary>
    Activity Activity { get; }

    /// <summary>Sends an activity into this conversation as a reply (fields such as from/recipient/conversation/replyToId filled in).</summary>
    Task<ConnectorResult> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Shows the typing indicator.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity the bot sent earlier (activity.Id must be set).</summary>
    Task<ConnectorResult> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>For invokes: the synchronous answer (status + JSON body). Left unset, the invoke is answered 501 (not implemented).</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>The conversation reference of this turn (for storing and proactive sends).</summary>
    ConversationReference GetConversationReference();
}

/// <summary>The bot's logic: called once per authenticated inbound activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>Durable storage of conversation references (implemented by the host's store, never process memory).</summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default);
    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken = default);
}
