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
        // Where nobody can be an admin (Web Chat, Direct Line: the client writes the sender), say so: an admin there
        // was told to ask an admin (a QA pass).
        var where = admins.RecognisesAdminsOn(context.Turn.Activity.ChannelId) ? ""
            : " In dit kanaal kan de bot niet nagaan wie je bent: beheerders gebruiken deze opdracht in Teams.";
        await replies.SendTextAsync(context,
            $"Alleen beheerders kunnen {what}.{where} Vraag een beheerder om dit voor je te doen; met `beheerders` zie je wie dat zijn.",
            cancellationToken);
        return false;
    }
}
