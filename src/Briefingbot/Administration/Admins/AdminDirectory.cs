using Briefingbot.Kernel.Access;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Administration.Admins;

/// <summary>An admin: from configuration (cannot be removed in chat) or added by another admin (in the store).</summary>
public sealed record AdminEntry(string Id, string? Name, bool FromConfiguration);

/// <summary>
/// The admins: the configured list <c>Briefingbot:Admins</c> united with the store. Ids compare case-insensitively
/// (AAD object ids are GUIDs, written in either case).
/// </summary>
public sealed class AdminDirectory(IAdminStore store, IOptionsMonitor<AdministrationOptions> options) : IAdminDirectory
{
    /// <summary>The configured admins; blank entries (an empty environment variable) are ignored.</summary>
    private IEnumerable<string> Configured => options.CurrentValue.Admins.Select(Normalise).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured(string id) => Configured.Any(a => string.Equals(a, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Channels whose service writes the sender (<c>from</c>) itself, so the user cannot choose it: Teams (with the
    /// user's AAD object id) and Slack (its "U…:T…" user id). Direct Line and Web Chat clients write <c>from</c>
    /// themselves, as they write channelData (<see cref="Protocol.ConversationIds.TeamId"/>): an admin's object id
    /// typed into a Web Chat client was taken for the admin (a security review). No one is an admin there.
    /// </summary>
    private static readonly HashSet<string> SenderSetByChannel = new(StringComparer.OrdinalIgnoreCase) { "msteams", "slack" };

    /// <summary>
    /// Whether the sender is an admin. The check is by <c>from.aadObjectId</c>, which only Teams sets. Only where an
    /// admin was added from a mention that carried no AAD object id (a channel user id such as Teams' "29:…"), that
    /// channel id matches <c>from.id</c>. Both count only on a channel that writes <c>from</c> itself
    /// (<see cref="SenderSetByChannel"/>), on an authenticated activity, so neither can be chosen by the user.
    /// </summary>
    public bool RecognisesAdminsOn(string? channelId) => channelId is not null && SenderSetByChannel.Contains(channelId);

    public async Task<bool> IsAdminAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From is not { } caller || activity.ChannelId is not { } channel || !RecognisesAdminsOn(channel))
        {
            return false;
        }
        var aad = string.Equals(channel, "msteams", StringComparison.OrdinalIgnoreCase) ? Normalise(caller.AadObjectId) : null;
        if (aad is not null && (IsConfigured(aad) || await store.IsAdminAsync(aad, cancellationToken)))
        {
            return true;
        }
        var channelId = caller.Id?.Trim();
        return !string.IsNullOrEmpty(channelId) && !Guid.TryParse(channelId, out _) && await store.IsAdminAsync(channelId, cancellationToken);
    }

    public async Task<IReadOnlyList<AdminEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        var result = new List<AdminEntry>();
        foreach (var id in Configured)
        {
            var name = stored.FirstOrDefault(s => string.Equals(s.AadObjectId, id, StringComparison.OrdinalIgnoreCase)).Name;
            result.Add(new AdminEntry(id, name, FromConfiguration: true));
        }
        foreach (var (id, name) in stored)
        {
            if (!result.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(new AdminEntry(id, name, FromConfiguration: false));
            }
        }
        return result;
    }

    /// <summary>Canonical form of an id for storing: trimmed; GUIDs lower case.</summary>
    public static string? Normalise(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        var trimmed = id.Trim();
        return Guid.TryParse(trimmed, out var guid) ? guid.ToString("D") : trimmed;
    }
}
