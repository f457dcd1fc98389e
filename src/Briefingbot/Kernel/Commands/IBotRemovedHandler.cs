namespace Briefingbot.Kernel.Commands;

/// <summary>
/// Told when the bot is removed from a conversation: an installationUpdate with action "remove", or a
/// conversationUpdate with the bot itself in membersRemoved (Teams may send both for one removal, so a handler must
/// do nothing the second time). Register with <c>services.AddSingleton&lt;IBotRemovedHandler, THandler&gt;()</c>.
/// </summary>
public interface IBotRemovedHandler
{
    /// <param name="context">The removal's turn: its activity names the conversation and, in Teams, who removed the bot.
    /// Nothing can be sent in it: the bot is no longer a member.</param>
    Task BotRemovedAsync(CommandContext context, CancellationToken cancellationToken);
}
