using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Kernel.Access;

/// <summary>
/// The one check every admin command makes before it changes anything: is the caller (from.aadObjectId) an admin?
/// If not, it answers politely in Dutch and the command does nothing else.
/// </summary>
public sealed class AdminGuard(IAdminDirectory admins, ReplySender replies, ILogger<AdminGuard> logger)
{
    /// <param name="what">What only admins may do, completing "Alleen beheerders kunnen …", e.g. "onderwerpen wijzigen".</param>
    /// <returns>True when the caller is an admin and the command may go on.</returns>
    public async Task<bool> AllowsAsync(CommandContext context, string what, CancellationToken cancellationToken)
    {
        if (await admins.IsAdminAsync(context.Turn.Activity, cancellationToken))
        {
            return true;
        }
        Log.RefusedNonAdmin(logger, context.Command, Actor.From(context).Id);
        await replies.SendTextAsync(context,
            $"Alleen beheerders kunnen {what}. Vraag een beheerder om dit voor je te doen; met `beheerders` zie je wie dat zijn.",
            cancellationToken);
        return false;
    }
}
