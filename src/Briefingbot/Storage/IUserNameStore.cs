namespace Briefingbot.Storage;

/// <summary>
/// The display name last seen for each user (the <c>from.name</c> of their activities), so that ids recorded by admin
/// lists and promise histories can be shown as names. Ids compare case-insensitively and ignore surrounding spaces
/// (AAD object ids are GUIDs, written in either case).
/// </summary>
public interface IUserNameStore
{
    /// <summary>Remembers <paramref name="name"/> for <paramref name="userId"/>, replacing an older one.</summary>
    Task RememberAsync(string userId, string name, CancellationToken ct = default);

    /// <summary>The known names of <paramref name="userIds"/>, keyed case-insensitively by id; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
}
