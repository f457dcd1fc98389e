using System.Collections.Concurrent;
using Briefingbot.Protocol;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;

namespace Briefingbot.Chat;

/// <summary>
/// Teaches a channel's subscription its Teams team when a message arrives from the channel, so a subscription made
/// before team ids were kept is turned off too when the bot is removed from its team. One conditional update per
/// channel per process (only rows without a team change); a failure is logged and the turn goes on.
/// </summary>
public sealed class ChannelTeams(ILogger<ChannelTeams> logger, ISubscriptionStore? subscriptions = null)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (subscriptions is null || activity.Conversation?.Id is not { Length: > 0 } id
            || ConversationIds.TeamId(activity) is not { } team)
        {
            return;
        }
        var conversationId = ConversationIds.WithoutThread(id);
        if (_done.ContainsKey(conversationId))
        {
            return;
        }
        try
        {
            await subscriptions.RememberTeamAsync(conversationId, team, cancellationToken).ConfigureAwait(false);
            if (_done.Count >= MaxRemembered)
            {
                _done.Clear();
            }
            _done[conversationId] = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ConversationStateFailed("team", conversationId, ex);
        }
    }
}
