using Briefingbot.Protocol.Schema;

namespace Briefingbot.Kernel.Access;

/// <summary>Who is an admin: the one question <see cref="AdminGuard"/> asks. Administration's AdminDirectory answers it.</summary>
public interface IAdminDirectory
{
    /// <summary>Whether the sender of <paramref name="activity"/> (its <c>from</c>, on its channel) is an admin.</summary>
    Task<bool> IsAdminAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Whether anyone can be an admin on this channel (its service, not the client, writes the sender).</summary>
    bool RecognisesAdminsOn(string? channelId);
}
