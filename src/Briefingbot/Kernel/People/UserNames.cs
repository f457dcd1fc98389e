using System.Collections.Concurrent;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;

namespace Briefingbot.Kernel.People;

/// <summary>
/// Names for user ids. Every turn remembers the sender's name (<c>from.name</c>) under the id the audit log and the
/// promise history record (<c>from.aadObjectId</c>, else <c>from.id</c>), durably in the store, so admin views can
/// show "Alex Wilber" where they hold an Entra object id. Without a store (some test hosts) nothing is remembered.
/// </summary>
public sealed class UserNames(IServiceProvider services, ILogger<UserNames> logger)
{
    /// <summary>Names this instance already wrote: a user's next messages cost no write. Bounded: cleared when full.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.OrdinalIgnoreCase);

    private IUserNameStore? Store => services.GetService<IUserNameStore>();

    /// <summary>Remembers the sender's name; failures are logged and never end the turn.</summary>
    public async Task RememberAsync(ChannelAccount? from, CancellationToken cancellationToken)
    {
        var id = (from?.AadObjectId ?? from?.Id)?.Trim();
        var name = from?.Name?.Trim();
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(name) || string.Equals(id, name, StringComparison.OrdinalIgnoreCase) ||
            Store is not { } store || (_written.TryGetValue(id, out var known) && known == name))
        {
            return;
        }
        try
        {
            await store.RememberAsync(id, name, cancellationToken);
            if (_written.Count >= MaxRemembered)
            {
                _written.Clear();
            }
            _written[id] = name;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.UserNameNotRemembered(logger, ex);
        }
    }

    /// <summary>The known names of <paramref name="ids"/> (case-insensitive keys); unknown ids are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 || Store is not { } store
            ? new Dictionary<string, string>()
            : await store.NamesAsync(list, cancellationToken);
    }
}

/// <summary>How a user appears in admin views: the name, the id only as detail; an unknown id shortened with a note.</summary>
public static class UserLabel
{
    public const string UnknownNote = "naam onbekend";

    /// <summary>"Alex Wilber (00000000-…-0020)", or "00000000-…-0020 (naam onbekend)".</summary>
    public static string WithId(string id, string? name) =>
        string.IsNullOrWhiteSpace(name) ? $"{ShortId(id)} ({UnknownNote})" : $"{name.Trim()} ({ShortId(id)})";

    /// <summary>"Alex Wilber", or "00000000-…-0020 (naam onbekend)".</summary>
    public static string Name(string id, string? name) =>
        string.IsNullOrWhiteSpace(name) ? $"{ShortId(id)} ({UnknownNote})" : name.Trim();

    /// <summary>A long id shortened for reading: a GUID to its first and last group ("00000000-…-0020"), others to 8…4 characters.</summary>
    public static string ShortId(string id)
    {
        var trimmed = id.Trim();
        var groups = trimmed.Split('-');
        if (groups.Length == 5 && trimmed.Length >= 32)
        {
            var last = groups[^1];
            return $"{groups[0]}-…-{last[Math.Max(0, last.Length - 4)..]}";
        }
        return trimmed.Length <= 16 ? trimmed : $"{trimmed[..8]}…{trimmed[^4..]}";
    }
}
