using Briefingbot.Protocol.Schema;

namespace Briefingbot.Kernel.Access;

/// <summary>Who is an admin: the one question <see cref="AdminGuard"/> asks. Administration's AdminDirectory answers it.</summary>
public interface IAdminDirectory
{
    /// <summary>Whether <paramref name="caller"/> (the activity's <c>from</c>) is an admin.</summary>
    Task<bool> IsAdminAsync(ChannelAccount? caller, CancellationToken cancellationToken);
}
